package org.jbpf.it.tools;

import static org.jbpf.it.tools.ClassicToolsKernelTest.PID;
import static org.jbpf.it.tools.ClassicToolsKernelTest.load;
import static org.jbpf.it.tools.ClassicToolsKernelTest.nonZero;
import static org.jbpf.it.tools.ClassicToolsKernelTest.on;
import static org.jbpf.it.tools.ClassicToolsKernelTest.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jbpf.BPF;
import org.jbpf.Helpers;
import org.jbpf.it.Backend;
import org.jbpf.runtime.CStrings;
import org.jbpf.testsupport.GatedChild;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tools on user functions (uprobes and uretprobes): funclatency with arguments, results and durations of the calls
 * the test makes into a library it builds ({@link NativeWork}), bashreadline's strings passed in and returned, in that
 * library and in a shell executable's own readline, and, on libc, memleak's outstanding allocations and
 * gethostlatency's lookups. Only the test's own processes are recorded.
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

    /**
     * bashreadline as written for bash, on the executable's own function: two shells, one position-independent and one
     * at fixed addresses (an ELF of type EXEC, where a function's address is not its file offset), each line their
     * readline returns.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void shellReadlineSeesEachLineOfAPieAndAFixedAddressExecutable(Backend backend) throws Exception {
        NativeWork.compile("jtshell.c", Path.of(ShellReadline.PIE), "-O0", "-fPIE", "-pie");
        NativeWork.compile("jtshell.c", Path.of(ShellReadline.FIXED), "-O0", "-no-pie");
        assertEquals(List.of(3, 2), List.of(elfType(ShellReadline.PIE), elfType(ShellReadline.FIXED)), "ET_DYN and ET_EXEC");
        GatedChild pie = GatedChild.start(List.of(ShellReadline.PIE, "ls -l", "echo 'a line'", "exit"));
        GatedChild fixed = GatedChild.start(List.of(ShellReadline.FIXED, "cd /tmp", "true"));
        try (BPF bpf = load(backend, ShellReadline.class)) {
            pie.go();
            fixed.go();
            assertEquals(List.of(0, 0), List.of(pie.finish(), fixed.finish()), "each shell read back what it was given");
            List<String> fromPie = new ArrayList<>(), fromFixed = new ArrayList<>();
            for (ShellReadline.Line l : records(bpf, ShellReadline.lines, ShellReadline.Line.class, 5, l -> l.pid == pie.pid() || l.pid == fixed.pid()))
                (l.pid == pie.pid() ? fromPie : fromFixed).add(l.fixedAddress + " " + CStrings.text(l.text));
            assertEquals(List.of("0 ls -l", "0 echo 'a line'", "0 exit"), fromPie);
            assertEquals(List.of("1 cd /tmp", "1 true"), fromFixed);
        } finally {
            pie.finish();
            fixed.finish();
        }
    }

    /**
     * gethostlatency on libc's getaddrinfo, attached to this process: each name Java resolves through JNA, with its
     * result. Numeric lookups only (AI_NUMERICHOST), so no call waits on the network: two addresses, a name that is
     * not numeric (EAI_NONAME) and a service nobody defines (EAI_SERVICE).
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void hostLatencyTimesEachGetaddrinfoCall(Backend backend) {
        org.jbpf.core.obj.BpfObject object = backend.translate(HostLatency.class);
        for (org.jbpf.sim.VerifierResult r : org.jbpf.sim.Verifier.verifyAll(object)) assertTrue(r.ok(), "HostLatency: " + r);
        org.jbpf.it.KernelCheck.require();
        Path libc = Path.of(HostLatency.LIBC);
        try (BPF bpf = BPF.builder(object, HostLatency.class).constant("targetPid", PID).load()) {
            long getaddrinfo = org.jbpf.loader.attach.ElfSymbols.offset(libc, "getaddrinfo");
            bpf.program("enter").attachUprobe(libc.toString(), getaddrinfo, false, PID);
            bpf.program("exit").attachUprobe(libc.toString(), getaddrinfo, true, PID);
            byte[] numericOnly = new byte[48];   // struct addrinfo hints: ai_flags = AI_NUMERICHOST
            numericOnly[0] = 4;
            String[][] asked = {{"127.0.0.1", null}, {"::1", null}, {"localhost", null}, {"127.0.0.1", "jt-no-such-service"}};
            int[] results = new int[asked.length];
            int tid = on("jt-hostlat", () -> {
                for (int i = 0; i < asked.length; i++) {
                    com.sun.jna.ptr.PointerByReference list = new com.sun.jna.ptr.PointerByReference();
                    results[i] = Libc.C.getaddrinfo(asked[i][0], asked[i][1], numericOnly, list);
                    if (results[i] == 0) Libc.C.freeaddrinfo(list.getValue());
                }
            });
            assertEquals("[0, 0, -2, -8]", java.util.Arrays.toString(results), "found, found, EAI_NONAME, EAI_SERVICE");
            List<String> seen = new ArrayList<>();
            for (HostLatency.Lookup l : records(bpf, HostLatency.lookups, HostLatency.Lookup.class, asked.length, l -> l.tid == tid)) {
                assertTrue(l.nanos > 0 && l.nanos < 10_000_000_000L, "took " + l.nanos + " ns");
                seen.add(CStrings.text(l.host) + " " + l.result);
            }
            assertEquals(List.of("127.0.0.1 0", "::1 0", "localhost -2", "127.0.0.1 -8"), seen);
            assertTrue(bpf.map(HostLatency.calls).entries().isEmpty(), "every call returned");
        }
    }

    /** The e_type of an ELF file: 2 for an executable at fixed addresses, 3 for a shared object or PIE. */
    static int elfType(String path) throws java.io.IOException {
        byte[] header = java.nio.file.Files.readAllBytes(Path.of(path));
        return (header[16] & 0xff) | (header[17] & 0xff) << 8;
    }

    /**
     * memleak on libc's malloc and free called from Java through JNA ({@code Native.malloc}/{@code free}), attached to
     * this process alone: the addresses Java got back are outstanding with their sizes until freed. The sizes (never
     * touched, so never backed by memory) are far above what the JVM's own threads ask malloc for.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void memLeakKeepsWhatJavaAllocatedThroughJnaUntilFreed(Backend backend) {
        org.jbpf.core.obj.BpfObject object = backend.translate(MemLeak.class);
        for (org.jbpf.sim.VerifierResult r : org.jbpf.sim.Verifier.verifyAll(object)) assertTrue(r.ok(), "MemLeak: " + r);
        org.jbpf.it.KernelCheck.require();
        java.nio.file.Path libc = java.nio.file.Path.of(MemLeak.LIBC);
        try (BPF bpf = BPF.builder(object, MemLeak.class).constant("targetPid", PID).constant("minSize", 100_000_000L).load()) {
            long malloc = org.jbpf.loader.attach.ElfSymbols.offset(libc, "malloc"), free = org.jbpf.loader.attach.ElfSymbols.offset(libc, "free");
            bpf.program("mallocEnter").attachUprobe(libc.toString(), malloc, false, PID);
            bpf.program("mallocExit").attachUprobe(libc.toString(), malloc, true, PID);
            bpf.program("freeEnter").attachUprobe(libc.toString(), free, false, PID);
            long[] addresses = new long[3];
            on("jt-memleak", () -> {
                for (int i = 0; i < 3; i++) addresses[i] = com.sun.jna.Native.malloc(100_000_001L * (i + 1));
                com.sun.jna.Native.free(addresses[1]);
            });
            Map<Long, Long> outstanding = new TreeMap<>(Map.of(addresses[0], 100_000_001L, addresses[2], 300_000_003L));
            try {
                assertEquals(outstanding, new TreeMap<>(ClassicToolsKernelTest.toMap(bpf.map(MemLeak.outstanding))),
                        "the first and third allocations, at the addresses Java got");
                assertEquals(List.of(3L, 600_000_006L, 1L), List.of(bpf.global("allocations").getLong(), bpf.global("allocatedBytes").getLong(),
                        bpf.global("frees").getLong()));
            } finally {
                com.sun.jna.Native.free(addresses[0]);
                com.sun.jna.Native.free(addresses[2]);
            }
            assertTrue(bpf.map(MemLeak.outstanding).entries().isEmpty(), "freed from Java, forgotten by the probe");
        }
    }
}
