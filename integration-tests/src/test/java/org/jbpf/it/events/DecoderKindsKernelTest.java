package org.jbpf.it.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.events.PerfBufferReader;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.events.PerfFlood;
import org.jbpf.examples.events.RingFlood;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.Codecs;
import org.jbpf.runtime.StructReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Records of real probes (Record64: seq, time, 48 zero payload bytes) decoded by the generated readers of every field
 * kind, through Java-side views of the same 64 bytes: a record with a number array, and a class with a nested struct
 * and an int array, refilled in place. Ring and perf buffers, probes from both backends.
 */
class DecoderKindsKernelTest {
    static final int N = 40;

    /** Record64 as a record: the payload as six longs. */
    @Struct
    public record SeqRecord(long seq, long time, @Size(6) long[] rest) {}

    @Struct
    public static final class Head {
        public long seq;
        public long time;
    }

    /** Record64 as a nested struct and twelve ints. */
    @Struct
    public static final class Nested {
        public Head head;
        @Size(12) public int[] payload;
    }

    @org.junit.jupiter.api.Test
    void bothViewsHaveGeneratedReaders() {
        assertTrue(StructReader.of(Codecs.of(SeqRecord.class)) != null, "records are generated, not read by reflection");
        assertTrue(StructReader.of(Codecs.of(Nested.class)) != null, "nested structs and arrays too");
    }

    private static List<Long> sequence() {
        List<Long> want = new ArrayList<>();
        for (long i = 0; i < N; i++) want.add(i);
        return want;
    }

    private static void assertRecords(List<SeqRecord> got) {
        assertEquals(sequence(), got.stream().map(SeqRecord::seq).toList(), "each record's own sequence number, in order");
        for (SeqRecord r : got) {
            assertTrue(r.time() > 0, "ktime() of the probe: " + r.time());
            assertArrayEquals(new long[6], r.rest(), "the probe leaves its payload zero");
        }
    }

    private static void assertRefilled(List<Long> seqs, List<Long> times, Map<Nested, Boolean> objects, Map<Head, Boolean> heads) {
        assertEquals(sequence(), seqs);
        assertTrue(times.stream().allMatch(t -> t > 0), "times " + times);
        assertEquals(1, objects.size(), "one object refilled for every record");
        assertEquals(1, heads.size(), "and one nested object in it");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void ringRecordsDecodeIntoRecordsAndNestedStructs(Backend backend) {
        KernelCheck.require();
        List<SeqRecord> records = new ArrayList<>();
        List<Long> seqs = new ArrayList<>(), times = new ArrayList<>();
        Map<Nested, Boolean> objects = new IdentityHashMap<>();
        Map<Head, Boolean> heads = new IdentityHashMap<>();
        // a fresh probe for each reader: a new ring is zero, so the payload the probe leaves alone reads as zero
        try (BPF bpf = BPF.load(backend.translate(RingFlood.class), RingFlood.class);
             RingBufferReader<SeqRecord> reader = RingBufferReader.open(bpf.loaded().map("events"), Codecs.of(SeqRecord.class), records::add)) {
            bpf.program("produce").testRun(new byte[64], N);
            assertEquals(N, reader.consume());
        }
        try (BPF bpf = BPF.load(backend.translate(RingFlood.class), RingFlood.class);
             RingBufferReader<Nested> reader = RingBufferReader.openReusing(bpf.loaded().map("events"), Codecs.of(Nested.class), n -> {
                 assertArrayEquals(new int[12], n.payload);
                 seqs.add(n.head.seq);
                 times.add(n.head.time);
                 objects.put(n, true);
                 heads.put(n.head, true);
             })) {
            bpf.program("produce").testRun(new byte[64], N);
            assertEquals(N, reader.consume());
        }
        assertRecords(records);
        assertRefilled(seqs, times, objects, heads);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void perfSamplesDecodeIntoRecordsAndNestedStructs(Backend backend) {
        KernelCheck.require();
        List<SeqRecord> records = new ArrayList<>();
        List<Long> seqs = new ArrayList<>(), times = new ArrayList<>();
        Map<Nested, Boolean> objects = new IdentityHashMap<>();
        Map<Head, Boolean> heads = new IdentityHashMap<>();
        try (BPF bpf = BPF.load(backend.translate(PerfFlood.class), PerfFlood.class)) {
            try (PerfBufferReader<SeqRecord> reader = PerfBufferReader.open(bpf.loaded().map("events"), Codecs.of(SeqRecord.class),
                    PerfBufferReader.DEFAULT_PAGES, (cpu, r) -> records.add(r), null)) {
                bpf.program("produce").testRun(new byte[64], N);
                assertEquals(N, reader.consume());
            }
            try (PerfBufferReader<Nested> reader = PerfBufferReader.openReusing(bpf.loaded().map("events"), Codecs.of(Nested.class),
                    PerfBufferReader.DEFAULT_PAGES, (cpu, n) -> {
                        assertArrayEquals(new int[12], n.payload);
                        seqs.add(n.head.seq - N);  // the second run of the same probe
                        times.add(n.head.time);
                        objects.put(n, true);
                        heads.put(n.head, true);
                    }, null)) {
                bpf.program("produce").testRun(new byte[64], N);
                assertEquals(N, reader.consume());
            }
        }
        assertRecords(records);
        assertRefilled(seqs, times, objects, heads);
    }
}
