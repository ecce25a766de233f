package org.jbpf.it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.events.PerfBufferReader;
import org.jbpf.events.RecordView;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.events.PerfFlood;
import org.jbpf.examples.events.RingFlood;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Records of real probes (Record64: seq, ktime, 48 payload bytes the probe leaves zero) read in place through
 * {@link RecordView}, from a ring buffer and from perf buffers, probes from both backends: every value exact, one view
 * for all records, and a view kept past its handler refusing to read the kernel's memory.
 */
class RecordViewKernelTest {
    static final int N = 40;

    /** What one record reads as: its length, seq, time and the sum of its payload's longs. */
    private record Seen(int length, long seq, long time, long payload) {}

    private static Seen read(RecordView r) {
        long payload = 0;
        for (int at = 16; at < 64; at += 8) payload |= r.getLong(at);
        return new Seen(r.length(), r.getLong(0), r.getLong(8), payload);
    }

    /**
     * The records the probe made from {@code first}, with the lengths the reader hands out, in order; with a zero
     * payload where the buffer was fresh (the probe writes only seq and time, and a reused ring holds old bytes).
     */
    private static void assertSequence(List<Seen> got, long first, int length, boolean fresh) {
        assertEquals(N, got.size());
        long lastTime = 0;
        for (int i = 0; i < N; i++) {
            Seen s = got.get(i);
            assertEquals(new Seen(length, first + i, s.time(), fresh ? 0 : s.payload()), s, "record " + i + ": its length, own sequence number and payload");
            assertTrue(s.time() >= lastTime && s.time() > 0, "ktime() of the probe, in the order the records were made: " + got);
            lastTime = s.time();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void ringRecordsReadInPlaceWithExactValues(Backend backend) {
        KernelCheck.require();
        List<Seen> got = new ArrayList<>();
        List<RecordView> views = new ArrayList<>();
        try (BPF bpf = BPF.load(backend.translate(RingFlood.class), RingFlood.class);
             RingBufferReader<RecordView> reader = bpf.ringBufferView(RingFlood.events, r -> {
                 got.add(read(r));
                 if (views.stream().noneMatch(v -> v == r)) views.add(r);
             })) {
            bpf.program("produce").testRun(new byte[64], N);
            assertEquals(N, reader.consume());
            assertEquals(N, reader.received());
            assertEquals(0, reader.dropped());
            assertEquals(1, views.size(), "one view for every record");
            IllegalStateException kept = assertThrows(IllegalStateException.class, () -> views.get(0).getLong(0));
            assertEquals("this record view was used after its handler returned; copy what you keep during the call", kept.getMessage());
            assertSequence(got, 0, 64, true);
            // a second lap: the records wrap the ring's end, where the kernel's double mapping keeps them contiguous
            bpf.program("produce").testRun(new byte[64], N);
            got.clear();
            assertEquals(N, reader.consume());
        }
        assertSequence(got, N, 64, false);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void perfSamplesReadInPlaceWithExactValues(Backend backend) {
        KernelCheck.require();
        List<Seen> got = new ArrayList<>();
        List<Integer> cpus = new ArrayList<>();
        List<RecordView> views = new ArrayList<>();
        try (BPF bpf = BPF.load(backend.translate(PerfFlood.class), PerfFlood.class);
             PerfBufferReader<RecordView> reader = bpf.perfBufferView(PerfFlood.events, (cpu, s) -> {
                 got.add(read(s));
                 if (!cpus.contains(cpu)) cpus.add(cpu);
                 if (views.stream().noneMatch(v -> v == s)) views.add(s);
             })) {
            bpf.program("produce").testRun(new byte[64], N);
            assertEquals(N, reader.consume());
            assertEquals(0, reader.lost());
            assertTrue(reader.cpus().containsAll(cpus) && cpus.size() == 1, "one test run stays on one CPU: " + cpus);
            assertEquals(1, views.size(), "one view for every sample");
            assertThrows(IllegalStateException.class, () -> views.get(0).getInt(0), "a view kept past its handler");
        }
        // the kernel pads a raw sample so that its u32 size and data end 8-aligned: 4 + 64 bytes become 4 + 68
        assertSequence(got, 0, 68, true);
    }
}
