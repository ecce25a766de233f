package org.jbpf.it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jbpf.BPF;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.events.PerfBufferReader;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.events.ExecDonePerfEvents;
import org.jbpf.examples.events.ExecDoneRingEvents;
import org.jbpf.it.KernelCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events whose probe struct holds a {@code @CString @Size(16) byte[] comm}, read into a Java-side view that declares
 * the same bytes as {@code @Size(16) String comm}.
 */
class TextFieldEventsTest {
    private static final int N = 10;

    /** ProcessEvent's layout with the command name as text. */
    @Struct
    public static final class ExecView {
        public long timestamp;
        public int pid;
        @Size(16) public String comm;
    }

    @BeforeEach
    void kernel() { KernelCheck.require(); }

    @Test
    void ringRecordsDecodeTheCommandNameAsAString() {
        List<ExecView> got = Collections.synchronizedList(new ArrayList<>());
        try (BPF bpf = BPF.loadAndAttach(ExecDoneRingEvents.class);
             RingBufferReader<ExecView> reader = bpf.ringBuffer(ExecDoneRingEvents.events, ExecView.class, got::add)) {
            Set<Integer> want = new HashSet<>(Spawn.run("/bin/true", N));
            assertTrue(Events.pollUntil(reader, () -> mine(got, want).size() >= N), "received " + mine(got, want).size());
            assertEquals(List.of("true"), mine(got, want).stream().map(e -> e.comm).distinct().toList());
        }
    }

    @Test
    void perfSamplesDecodeTheCommandNameAsAString() {
        List<ExecView> got = Collections.synchronizedList(new ArrayList<>());
        try (BPF bpf = BPF.loadAndAttach(ExecDonePerfEvents.class);
             PerfBufferReader<ExecView> reader = bpf.perfBuffer(ExecDonePerfEvents.events, ExecView.class, (cpu, e) -> got.add(e))) {
            Set<Integer> want = new HashSet<>(Spawn.run("/bin/true", N));
            assertTrue(Events.pollUntil(reader, () -> mine(got, want).size() >= N), "received " + mine(got, want).size());
            assertEquals(List.of("true"), mine(got, want).stream().map(e -> e.comm).distinct().toList());
        }
    }

    private static List<ExecView> mine(List<ExecView> got, Set<Integer> pids) {
        synchronized (got) {
            return got.stream().filter(e -> pids.contains(e.pid)).toList();
        }
    }
}
