package org.jbpf.it.tools;

import static org.jbpf.it.tools.ClassicToolsKernelTest.PID;
import static org.jbpf.it.tools.ClassicToolsKernelTest.load;
import static org.jbpf.it.tools.ClassicToolsKernelTest.nonZero;
import static org.jbpf.it.tools.ClassicToolsKernelTest.on;
import static org.jbpf.it.tools.ClassicToolsKernelTest.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jbpf.BPF;
import org.jbpf.Helpers;
import org.jbpf.it.Backend;
import org.jbpf.runtime.CStrings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tools on user functions (uprobes and uretprobes) of a library the test builds ({@link NativeWork}): funclatency
 * with arguments, results and durations of the calls the test makes, and bashreadline's strings passed in and
 * returned. Only the test's own process is recorded.
 */
class UserProbeToolsKernelTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void functionLatencyHasEachCallWithItsArgumentResultAndDuration(Backend backend) {
        NativeWork.build();
        try (BPF bpf = load(backend, FunctionLatency.class, "targetPid", PID)) {
            NativeWork lib = NativeWork.load();
            long[][] calls = {{5, 1000}, {7, 3000}, {11, 20_000}, {-2, 0}, {1 << 20, 50}};
            long[] results = new long[calls.length];
            int tid = on("jt-funclat", () -> {
                for (int i = 0; i < calls.length; i++) results[i] = lib.jt_work(calls[i][0], (int) calls[i][1]);
            });
            List<FunctionLatency.Call> seen = records(bpf, FunctionLatency.calls, FunctionLatency.Call.class, calls.length, c -> c.tid == tid);
            assertEquals(calls.length, seen.size(), "one record per call");
            Map<Integer, Long> slots = new TreeMap<>();
            for (int i = 0; i < calls.length; i++) {
                FunctionLatency.Call c = seen.get(i);
                assertEquals(List.of(calls[i][0], calls[i][0] * 3 + 1, results[i]), List.of(c.argument, c.result, c.result), "call " + i);
                assertTrue(c.nanos >= calls[i][1] * 1000 && c.nanos < 10_000_000_000L, "call " + i + " slept " + calls[i][1] + " µs, took " + c.nanos + " ns");
                slots.merge(Helpers.log2(c.nanos / 1000), 1L, Long::sum);
            }
            assertEquals(slots, nonZero(bpf.map(FunctionLatency.micros)), "the histogram holds each call's duration");
            assertEquals((long) calls.length, bpf.global("returns").getLong());
            assertTrue(bpf.map(FunctionLatency.started).entries().isEmpty(), "every start was matched by its return");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void readlineSnoopCapturesPromptsAndReturnedLines(Backend backend) {
        NativeWork.build();
        try (BPF bpf = load(backend, ReadlineSnoop.class, "targetPid", PID)) {
            NativeWork lib = NativeWork.load();
            List<String> returned = new ArrayList<>();
            String longPrompt = "a prompt longer than the probe's sixty-four byte buffer holds, cut short";
            int tid = on("jt-readline", () -> {
                for (String prompt : new String[] {"$", "second prompt>", longPrompt}) returned.add(lib.jt_readline(prompt));
            });
            assertEquals(List.of("$ typed 1", "second prompt> typed 14", longPrompt + " typed 72"), returned);
            List<String> seen = new ArrayList<>();
            for (ReadlineSnoop.Text t : records(bpf, ReadlineSnoop.texts, ReadlineSnoop.Text.class, 6, t -> t.tid == tid))
                seen.add((t.kind == ReadlineSnoop.PROMPT ? "prompt " : "line ") + t.length + " " + CStrings.text(t.text));
            String cut = longPrompt.substring(0, 63);
            assertEquals(List.of("prompt 2 $", "line 10 $ typed 1", "prompt 15 second prompt>", "line 24 second prompt> typed 14",
                    "prompt 64 " + cut, "line 64 " + cut), seen, "lengths count the NUL; a longer string is cut to 63 bytes and its NUL");
        }
    }
}
