package org.jbpf.it.events;

import org.jbpf.it.KernelCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jbpf.BPF;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.ExecRingEvents;
import org.jbpf.examples.ProcessEvent;
import org.jbpf.examples.events.DiscardOddPids;
import org.jbpf.examples.events.ExecDoneRingEvents;
import org.jbpf.examples.events.Record64;
import org.jbpf.examples.events.RingFlood;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ring buffer readers on real probes: exec events, discarded records, overflow accounting, several rings on one epoll. */
class RingBufferReaderTest {
    private static final int N = 25;
    /** An Ethernet-sized packet for BPF_PROG_TEST_RUN of the xdp producers. */
    private static final byte[] PACKET = new byte[64];

    @BeforeEach
    void kernel() { KernelCheck.require(); }

    @Test
    void seedExampleDeliversEveryExecveOfSpawnedProcesses() throws Exception {
        List<ProcessEvent> got = Collections.synchronizedList(new ArrayList<>());
        try (BPF bpf = BPF.loadAndAttach(ExecRingEvents.class);
             RingBufferReader<ProcessEvent> reader = bpf.ringBuffer(ExecRingEvents.events, ProcessEvent.class, got::add)) {
            String spawner = Spawn.threadComm();
            List<Integer> pids = Spawn.run("/bin/true", N);
            Set<Integer> want = new HashSet<>(pids);
            assertTrue(Events.pollUntil(reader, () -> mine(got, want).size() >= N), "received " + mine(got, want).size() + " of " + N);
            List<ProcessEvent> mine = mine(got, want);
            assertEquals(pids, mine.stream().map(e -> e.pid).toList(), "pids in exec order, each once");
            // at sys_enter_execve the child still has the name of the thread that spawned it
            for (ProcessEvent e : mine) assertEquals(spawner, Events.comm(e), "comm of " + e.pid);
            for (int i = 1; i < mine.size(); i++) assertTrue(mine.get(i).timestamp > mine.get(i - 1).timestamp, "timestamps increase");
            assertTrue(reader.received() >= N);
            assertEquals(0, reader.discarded());
        }
    }

    @Test
    void execDoneEventsCarryTheNewCommandName() {
        List<ProcessEvent> got = Collections.synchronizedList(new ArrayList<>());
        try (BPF bpf = BPF.loadAndAttach(ExecDoneRingEvents.class);
             RingBufferReader<ProcessEvent> reader = bpf.ringBuffer(ExecDoneRingEvents.events, ProcessEvent.class, got::add)) {
            List<Integer> pids = Spawn.run("/bin/true", N);
            Set<Integer> want = new HashSet<>(pids);
            assertTrue(Events.pollUntil(reader, () -> mine(got, want).size() >= N));
            List<ProcessEvent> mine = mine(got, want);
            assertEquals(pids, mine.stream().map(e -> e.pid).toList());
            assertEquals(List.of("true"), mine.stream().map(Events::comm).distinct().toList());
        }
    }

    @Test
    void zeroCopyViewsShowTheRecordBytes() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> sizes = Collections.synchronizedMap(new HashMap<>());
        try (BPF bpf = BPF.loadAndAttach(ExecDoneRingEvents.class);
             RingBufferReader<ByteBuffer> reader = bpf.ringBuffer(ExecDoneRingEvents.events, (ByteBuffer r) -> {
                 int pid = r.getInt(8);  // after the 8-byte timestamp
                 byte[] comm = new byte[16];
                 r.get(12, comm);
                 sizes.put(pid, r.limit());
                 seen.add(pid + ":" + new String(comm, StandardCharsets.UTF_8).replace("\0", ""));
             })) {
            List<Integer> pids = Spawn.run("/bin/true", 3);
            List<String> want = pids.stream().map(p -> p + ":true").toList();
            assertTrue(Events.pollUntil(reader, () -> seen.containsAll(want)), "saw " + seen);
            for (int p : pids) assertEquals(32, sizes.get(p), "record size of ProcessEvent (8 + 4 + 16, padded to 8)");
        }
    }

    @Test
    void discardedRecordsNeverArrive() {
        List<ProcessEvent> got = Collections.synchronizedList(new ArrayList<>());
        try (BPF bpf = BPF.loadAndAttach(DiscardOddPids.class);
             RingBufferReader<ProcessEvent> reader = bpf.ringBuffer(DiscardOddPids.events, ProcessEvent.class, got::add)) {
            List<Integer> pids = Spawn.run("/bin/true", 40);
            List<Integer> even = pids.stream().filter(p -> p % 2 == 0).toList();
            long odd = pids.size() - even.size();
            Set<Integer> want = new HashSet<>(pids);
            assertTrue(Events.pollUntil(reader, () -> mine(got, want).size() >= even.size()));
            reader.consume();
            assertEquals(even, mine(got, want).stream().map(e -> e.pid).toList(), "exactly the even pids");
            List<Integer> oddSeen;
            synchronized (got) {
                oddSeen = got.stream().map(e -> e.pid).filter(p -> p % 2 != 0).toList();
            }
            assertEquals(List.of(), oddSeen, "no discarded (odd pid) record was handed out");
            BpfMap<Integer, Long> counts = bpf.map(DiscardOddPids.counts);
            assertTrue(reader.discarded() >= odd, "skipped " + reader.discarded() + " discarded records, at least " + odd);
            assertTrue(counts.get(1) >= reader.discarded(), "probe discarded " + counts.get(1) + ", reader skipped " + reader.discarded());
            assertTrue(counts.get(0) >= reader.received(), "probe submitted " + counts.get(0) + ", reader got " + reader.received());
        }
    }

    @Test
    void overflowingASmallRingAddsUp() {
        List<Record64> got = new ArrayList<>();
        try (BPF bpf = BPF.load(org.jbpf.translator.Translator.translate(RingFlood.class), RingFlood.class);
             RingBufferReader<Record64> reader = bpf.ringBuffer(RingFlood.events, Record64.class, got::add)) {
            BpfMap<Integer, Long> counts = bpf.map(RingFlood.counts);
            int perRound = 4096 / (64 + 8);
            for (int round = 0; round < 3; round++) {
                got.clear();
                bpf.program("produce").testRun(PACKET, 1000);
                int n = reader.consume();
                assertEquals(perRound, n, "a one-page ring holds " + perRound + " 64-byte records");
                // the ring was empty before each round, so what fits is the first records of the round, in order;
                // later rounds start mid-ring, so their records wrap the ring's end
                for (int i = 0; i < n; i++) assertEquals(round * 1000L + i, got.get(i).seq, "round " + round + " record " + i);
            }
            long produced = counts.get(0), submitted = counts.get(1), failed = counts.get(2);
            assertEquals(3000, produced);
            assertEquals(submitted + failed, produced, "every attempt either reserved or failed");
            assertEquals(submitted, reader.received(), "received = submitted");
            assertEquals(produced, reader.received() + failed, "received + failed reserves = produced");
            assertEquals(failed, reader.dropped(), "the probe's drop counter = failed reserves");
            assertEquals(failed, reader.lost(), "lost reports the same count for ring buffers");
        }
    }

    @Test
    void severalRingsShareOneEpoll() {
        List<ProcessEvent> execs = Collections.synchronizedList(new ArrayList<>());
        List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
        try (BPF exec = BPF.loadAndAttach(ExecDoneRingEvents.class);
             BPF flood = BPF.load(org.jbpf.translator.Translator.translate(RingFlood.class), RingFlood.class);
             RingBufferReader<ProcessEvent> reader = exec.ringBuffer(ExecDoneRingEvents.events, ProcessEvent.class, execs::add)) {
            reader.add(flood.loaded().map("events"), org.jbpf.runtime.Codecs.of(Record64.class), (Record64 r) -> seqs.add(r.seq));
            flood.program("produce").testRun(PACKET, 10);
            List<Integer> pids = Spawn.run("/bin/true", 3);
            Set<Integer> want = new HashSet<>(pids);
            assertTrue(Events.pollUntil(reader, () -> seqs.size() >= 10 && mine(execs, want).size() >= 3));
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), seqs);
            assertEquals(pids, mine(execs, want).stream().map(e -> e.pid).toList());
        }
    }

    private static List<ProcessEvent> mine(List<ProcessEvent> all, Set<Integer> pids) {
        synchronized (all) {
            return all.stream().filter(e -> pids.contains(e.pid)).collect(Collectors.toList());
        }
    }

    @Test
    void readerRejectsAMapThatIsNotARingBuffer() {
        try (BPF bpf = BPF.load(org.jbpf.translator.Translator.translate(RingFlood.class), RingFlood.class)) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> bpf.ringBuffer("counts", Long.class, x -> {}));
            assertTrue(e.getMessage().contains("counts") && e.getMessage().contains("not a ring buffer"), e.getMessage());
            assertFalse(e.getMessage().isEmpty());
        }
    }
}
