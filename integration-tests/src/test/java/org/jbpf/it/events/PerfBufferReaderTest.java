package org.jbpf.it.events;

import org.jbpf.it.KernelCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jbpf.BPF;
import org.jbpf.events.PerfBufferReader;
import org.jbpf.examples.ExecPerfEvents;
import org.jbpf.examples.ProcessEvent;
import org.jbpf.examples.events.ExecDonePerfEvents;
import org.jbpf.examples.events.PerfFlood;
import org.jbpf.examples.events.Record64;
import org.jbpf.runtime.BpfMap;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Perf buffer readers on real probes: exec events with their CPU, and lost-sample accounting of a flooded buffer. */
class PerfBufferReaderTest {
    private static final int N = 25;
    private static final byte[] PACKET = new byte[64];

    record Sample(int cpu, ProcessEvent event) {}

    @BeforeEach
    void kernel() { KernelCheck.require(); }

    @Test
    void seedExampleDeliversEveryExecveWithItsCpu() throws Exception {
        List<Sample> got = Collections.synchronizedList(new ArrayList<>());
        try (BPF bpf = BPF.loadAndAttach(ExecPerfEvents.class);
             PerfBufferReader<ProcessEvent> reader = bpf.perfBuffer(ExecPerfEvents.events, ProcessEvent.class,
                     (cpu, e) -> got.add(new Sample(cpu, e)))) {
            assertEquals(Runtime.getRuntime().availableProcessors(), reader.cpus().size(), "a buffer per online CPU");
            String spawner = Spawn.threadComm();
            List<Integer> pids = Spawn.run("/bin/true", N);
            Set<Integer> want = new HashSet<>(pids);
            assertTrue(Events.pollUntil(reader, () -> mine(got, want).size() >= N), "received " + mine(got, want).size() + " of " + N);
            List<Sample> mine = mine(got, want);
            // per-CPU buffers are not ordered with each other: compare as sets, and each pid exactly once
            assertEquals(want, new HashSet<>(mine.stream().map(s -> s.event().pid).toList()));
            assertEquals(N, mine.size());
            for (Sample s : mine) {
                assertEquals(spawner, Events.comm(s.event()), "comm of " + s.event().pid);
                assertTrue(reader.cpus().contains(s.cpu()), "cpu " + s.cpu());
            }
            assertEquals(0, reader.lost());
        }
    }

    @Test
    void execDoneEventsCarryTheNewCommandName() {
        List<Sample> got = Collections.synchronizedList(new ArrayList<>());
        try (BPF bpf = BPF.loadAndAttach(ExecDonePerfEvents.class);
             PerfBufferReader<ProcessEvent> reader = bpf.perfBuffer(ExecDonePerfEvents.events, ProcessEvent.class,
                     (cpu, e) -> got.add(new Sample(cpu, e)))) {
            List<Integer> pids = Spawn.run("/bin/true", N);
            Set<Integer> want = new HashSet<>(pids);
            assertTrue(Events.pollUntil(reader, () -> mine(got, want).size() >= N));
            List<Sample> mine = mine(got, want);
            assertEquals(N, mine.size());
            assertEquals(want, new HashSet<>(mine.stream().map(s -> s.event().pid).toList()));
            assertEquals(List.of("true"), mine.stream().map(s -> Events.comm(s.event())).distinct().toList());
        }
    }

    @Test
    void overflowingOnePageBuffersReportsLostSamplesThatAddUp() {
        List<Long> seqs = new ArrayList<>();
        List<Long> lostReports = new ArrayList<>();
        try (BPF bpf = BPF.load(Translator.translate(PerfFlood.class), PerfFlood.class);
             PerfBufferReader<Record64> reader = bpf.perfBuffer("events", Record64.class, 1,
                     (cpu, r) -> seqs.add(r.seq), (cpu, n) -> lostReports.add(n))) {
            BpfMap<Integer, Long> counts = bpf.map(PerfFlood.counts);
            // one CPU, so the kernel's lost record lands in the buffer the next output goes to
            Spawn.pinTo(1L);
            try {
                // a sample takes 8 (header) + 4 (size) + 64 bytes, padded to 80: 51 fit in one 4 KiB page
                bpf.program("produce").testRun(PACKET, 1000);
                assertEquals(51, reader.consume(), "samples that fit in one page");
                for (int i = 0; i < 51; i++) assertEquals(i, seqs.get(i));
                assertEquals(0, reader.lost(), "the kernel reports the loss with the next sample that fits");
                // the buffer is empty again; the next output is preceded by a lost record, and wraps the page's end
                bpf.program("produce").testRun(PACKET, 10);
                assertEquals(10, reader.consume());
            } finally {
                Spawn.pinTo(-1L);
            }
            long produced = counts.get(0), sent = counts.get(1), failed = counts.get(2);
            assertEquals(1010, produced);
            assertEquals(949, failed, "outputs refused while the page was full");
            assertEquals(sent, reader.received(), "received = outputs the kernel accepted");
            assertEquals(failed, reader.lost(), "lost = outputs the kernel refused");
            assertEquals(produced, reader.received() + reader.lost(), "received + lost = produced");
            assertEquals(List.of(failed), lostReports);
            assertEquals(List.of(1000L, 1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L, 1008L, 1009L), seqs.subList(51, 61));
        }
    }

    @Test
    void inPlaceAndReusingReadersDeliverEverySampleExactly() {
        try (BPF bpf = BPF.load(Translator.translate(PerfFlood.class), PerfFlood.class)) {
            var map = bpf.loaded().map("events");
            BpfMap<Integer, Long> counts = bpf.map(PerfFlood.counts);
            Spawn.pinTo(1L);
            try {
                List<Long> seqs = new ArrayList<>();
                List<Integer> lengths = new ArrayList<>();
                try (PerfBufferReader<Object> reader = PerfBufferReader.openInPlace(map, 1,
                        (cpu, buffer, offset, length) -> { seqs.add(buffer.getLong(offset)); lengths.add(length); }, null)) {
                    // 80 bytes a sample in a 4 KiB page: the second round crosses the page's end, one sample wraps
                    for (int round = 0; round < 3; round++) {
                        bpf.program("produce").testRun(PACKET, 40);
                        assertEquals(40, reader.consume());
                    }
                    assertEquals(120, reader.received());
                    assertEquals(0, reader.lost());
                }
                assertEquals(java.util.stream.LongStream.range(0, 120).boxed().toList(), seqs);
                assertEquals(List.of(68), lengths.stream().distinct().toList(), "64 bytes sent, which the kernel pads to 68");

                List<Long> reusedSeqs = new ArrayList<>();
                Set<Record64> objects = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                try (PerfBufferReader<Record64> reader = PerfBufferReader.openReusing(map, org.jbpf.runtime.Codecs.of(Record64.class), 1,
                        (cpu, r) -> { reusedSeqs.add(r.seq); objects.add(r); }, null)) {
                    for (int round = 0; round < 3; round++) {
                        bpf.program("produce").testRun(PACKET, 40);
                        assertEquals(40, reader.consume());
                    }
                }
                assertEquals(java.util.stream.LongStream.range(120, 240).boxed().toList(), reusedSeqs);
                assertEquals(1, objects.size(), "one object refilled for every sample");
            } finally {
                Spawn.pinTo(-1L);
            }
            assertEquals(240, counts.get(1), "outputs accepted");
            assertEquals(0, counts.get(2), "outputs refused");
        }
    }

    private static List<Sample> mine(List<Sample> all, Set<Integer> pids) {
        synchronized (all) {
            return all.stream().filter(s -> pids.contains(s.event().pid)).toList();
        }
    }
}
