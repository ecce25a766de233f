package org.jbpf.it.tools;

import static org.jbpf.it.tools.ClassicToolsKernelTest.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * softirqs: the runs the probe counts per CPU and vector against the kernel's own counters in /proc/softirqs.
 * Softirqs run on every CPU all the time, so the counts are bracketed exactly: no fewer than the kernel counted
 * between two reads made while the probe was attached, no more than between a read before it was attached and one
 * after it was detached. The test's loopback datagrams make NET_RX run in that window.
 */
class InterruptToolsKernelTest {
    static final int NET_RX = 3;

    /** /proc/softirqs as counts[vector][cpu], vectors in the kernel's order (HI, TIMER, NET_TX, NET_RX, ...). */
    static long[][] softirqs() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/softirqs"));
        List<long[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            long[] row = new long[f.length - 1];
            for (int i = 1; i < f.length; i++) row[i - 1] = Long.parseLong(f[i]);
            rows.add(row);
        }
        return rows.toArray(new long[0][]);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void softirqRunsAreBracketedByTheKernelsCounters(Backend backend) throws Exception {
        long[][] beforeAttach = softirqs(), first, last;
        long started;
        try (BPF bpf = load(backend, SoftirqTime.class)) {
            started = System.nanoTime();
            first = softirqs();
            try (DatagramChannel in = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                 DatagramChannel out = DatagramChannel.open()) {
                for (int i = 0; i < 200; i++) out.send(ByteBuffer.wrap(new byte[] {(byte) i}), in.getLocalAddress());
                ByteBuffer buffer = ByteBuffer.allocate(16);
                for (int i = 0; i < 200; i++) in.receive(buffer.clear());
            }
            for (int i = 0; i < 20; i++) Libc.C.usleep(1000);
            last = softirqs();
            bpf.detach();
            long window = System.nanoTime() - started;
            long[][] afterDetach = softirqs();
            Map<Integer, Long> runs = ClassicToolsKernelTest.toMap(bpf.map(SoftirqTime.runs));
            Map<Integer, Long> nanos = ClassicToolsKernelTest.toMap(bpf.map(SoftirqTime.nanos));
            long netRx = 0, allNanos = 0;
            for (int vector = 0; vector < first.length; vector++) {
                for (int cpu = 0; cpu < first[vector].length; cpu++) {
                    long seen = runs.getOrDefault(cpu * 16 + vector, 0L);
                    long atLeast = last[vector][cpu] - first[vector][cpu], atMost = afterDetach[vector][cpu] - beforeAttach[vector][cpu];
                    assertTrue(seen >= atLeast && seen <= atMost, "vector " + vector + " on CPU " + cpu + ": " + seen + " runs, the kernel counted "
                            + atLeast + " while attached and " + atMost + " around it");
                    if (vector == NET_RX) netRx += seen;
                }
            }
            for (long n : nanos.values()) allNanos += n;
            assertTrue(netRx > 0, "the loopback datagrams were received in NET_RX");
            assertTrue(nanos.keySet().stream().allMatch(runs::containsKey), "time only where runs were counted");
            assertTrue(allNanos > 0 && allNanos < window * first[0].length, allNanos + " ns of softirqs in a window of " + window + " ns");
            assertEquals(true, runs.keySet().stream().allMatch(k -> k % 16 < first.length), "vectors the kernel names");
        }
    }
}
