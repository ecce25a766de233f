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
import org.jbpf.loader.ProgramInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * softirqs and hardirqs: the runs the probes count per CPU and vector, or per CPU and interrupt, against the kernel's
 * own counters in /proc/softirqs and /proc/interrupts. Interrupts come on every CPU all the time, so the counts are
 * bracketed exactly: no fewer than the kernel counted between two reads made while the probe was attached, no more
 * than between a read before it was attached and one after it was detached, less the runs the kernel skipped the
 * program for (recursion misses). Every CPU passes a quiet point between reading the counters and attaching or
 * detaching, so no run is counted on one side of a read and traced on the other. The test's loopback datagrams make
 * NET_RX run in that window, and its writes to disk, synced, make the disk's virtio queue interrupt.
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

    static final long MEMBARRIER = 324, MEMBARRIER_CMD_GLOBAL = 1;   // x86-64

    /**
     * Returns once every CPU has left what it was running when called (membarrier's global command waits for an RCU
     * grace period). The kernel counts a softirq in /proc/softirqs just before its entry tracepoint: a CPU held up by
     * the hypervisor between the two would otherwise run the tracepoint after the test has read the counters and
     * detached, and the probe would look one run short.
     */
    static void everyCpuPassedAQuietPoint() {
        assertEquals(0L, Libc.C.syscall(MEMBARRIER, MEMBARRIER_CMD_GLOBAL, 0, 0), "membarrier(MEMBARRIER_CMD_GLOBAL)");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void softirqRunsAreBracketedByTheKernelsCounters(Backend backend) throws Exception {
        long[][] beforeAttach = softirqs(), first, last;
        everyCpuPassedAQuietPoint();
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
            everyCpuPassedAQuietPoint();
            bpf.detach();
            long window = System.nanoTime() - started;
            everyCpuPassedAQuietPoint();
            long[][] afterDetach = softirqs();
            Map<Integer, Long> runs = ClassicToolsKernelTest.toMap(bpf.map(SoftirqTime.runs));
            Map<Integer, Long> nanos = ClassicToolsKernelTest.toMap(bpf.map(SoftirqTime.nanos));
            // the kernel skips the entry program, and counts the skip, when another BPF program or a bpf() map call
            // is active on that CPU: runs missing from the lower bound must be skips the kernel counted, or the few
            // events a tracepoint's consumers miss unrecorded (UnseenEvents)
            long skipped = ProgramInfo.of(bpf.program("onEntry").fd()).recursionMisses();
            long counted = 0;
            for (int vector = 0; vector < first.length; vector++)
                for (int cpu = 0; cpu < first[vector].length; cpu++) counted += last[vector][cpu] - first[vector][cpu];
            long unseen = UnseenEvents.allowance(counted);
            long netRx = 0, allNanos = 0, missing = 0;
            for (int vector = 0; vector < first.length; vector++) {
                for (int cpu = 0; cpu < first[vector].length; cpu++) {
                    long seen = runs.getOrDefault(cpu * 16 + vector, 0L);
                    long atLeast = last[vector][cpu] - first[vector][cpu], atMost = afterDetach[vector][cpu] - beforeAttach[vector][cpu];
                    assertTrue(seen + skipped + unseen >= atLeast && seen <= atMost, "vector " + vector + " on CPU " + cpu + ": " + seen
                            + " runs, the kernel counted " + atLeast + " while attached and " + atMost + " around it, and skipped the program "
                            + skipped + " times");
                    missing += Math.max(0, atLeast - seen);
                    if (vector == NET_RX) netRx += seen;
                }
            }
            assertTrue(missing <= skipped + unseen, missing + " runs short of the kernel's " + counted + ", " + skipped
                    + " skipped by the kernel, " + unseen + " allowed unseen");
            for (long n : nanos.values()) allNanos += n;
            assertTrue(netRx > 0, "the loopback datagrams were received in NET_RX");
            assertTrue(nanos.keySet().stream().allMatch(runs::containsKey), "time only where runs were counted");
            assertTrue(allNanos > 0 && allNanos < window * first[0].length, allNanos + " ns of softirqs in a window of " + window + " ns");
            assertEquals(true, runs.keySet().stream().allMatch(k -> k % 16 < first.length), "vectors the kernel names");
        }
    }

    /** A numbered line of /proc/interrupts: the count on each CPU and the handler's name (the last column). */
    record Irq(long[] perCpu, String name) {}

    static Map<Integer, Irq> interrupts() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/interrupts"));
        int cpus = lines.get(0).trim().split("\\s+").length;
        Map<Integer, Irq> out = new java.util.TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (!f[0].matches("\\d+:")) continue;   // NMI, LOC and the other architecture vectors have no handler tracepoint
            long[] counts = new long[cpus];
            for (int cpu = 0; cpu < cpus; cpu++) counts[cpu] = Long.parseLong(f[cpu + 1]);
            out.put(Integer.parseInt(f[0].substring(0, f[0].length() - 1)), new Irq(counts, f[f.length - 1]));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void hardirqRunsAreBracketedByTheKernelsCounters(Backend backend) throws Exception {
        Path file = Files.createTempFile(Path.of("/var/tmp"), "jt-hardirqs", ".data");
        try {
            Map<Integer, Irq> beforeAttach = interrupts(), first, last, afterDetach;
            everyCpuPassedAQuietPoint();   // an interrupt is counted in /proc/interrupts just before its handler's tracepoint
            long misses;
            try (BPF bpf = load(backend, HardIrqs.class)) {
                first = interrupts();
                try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                    for (int i = 0; i < 20; i++) {
                        out.write(ByteBuffer.wrap(new byte[4096]), (long) i * 4096);
                        out.force(true);   // to the disk, which interrupts when it is done
                    }
                }
                last = interrupts();
                everyCpuPassedAQuietPoint();
                bpf.detach();
                everyCpuPassedAQuietPoint();
                afterDetach = interrupts();
                misses = ProgramInfo.of(bpf.program("onEntry").fd()).recursionMisses();
                Map<Integer, Long> runs = ClassicToolsKernelTest.toMap(bpf.map(HardIrqs.runs));
                long disk = 0, lowerSlack = 0;
                for (Map.Entry<Integer, Irq> e : first.entrySet()) {
                    int irq = e.getKey();
                    for (int cpu = 0; cpu < e.getValue().perCpu().length; cpu++) {
                        long seen = runs.getOrDefault(cpu << 16 | irq, 0L);
                        long atLeast = last.get(irq).perCpu()[cpu] - first.get(irq).perCpu()[cpu];
                        long atMost = afterDetach.get(irq).perCpu()[cpu] - beforeAttach.get(irq).perCpu()[cpu];
                        lowerSlack += Math.max(0, atLeast - seen);
                        assertTrue(seen <= atMost, "irq " + irq + " (" + e.getValue().name() + ") on CPU " + cpu + ": " + seen
                                + " runs, the kernel counted " + atMost + " around the attachment");
                        if (e.getValue().name().contains("-req.")) disk += seen;
                    }
                }
                // a handler that interrupts another BPF program (or a bpf() call on that CPU) is skipped, and counted as a
                // miss; beside those, a tracepoint's consumers miss a few events unrecorded (UnseenEvents)
                long counted = 0;
                for (Map.Entry<Integer, Irq> e : first.entrySet())
                    for (int cpu = 0; cpu < e.getValue().perCpu().length; cpu++) counted += last.get(e.getKey()).perCpu()[cpu] - e.getValue().perCpu()[cpu];
                long unseen = UnseenEvents.allowance(counted);
                assertTrue(lowerSlack <= misses + unseen, lowerSlack + " runs fewer than the kernel's " + counted + " while attached, "
                        + misses + " skipped as recursion, " + unseen + " allowed unseen");
                for (int key : runs.keySet())
                    assertTrue(first.containsKey(key & 0xffff), "irq " + (key & 0xffff) + " is one /proc/interrupts names");
                assertTrue(disk >= 1, "the synced writes made the disk's queue interrupt: " + runs);
                Map<Integer, HardIrqs.Name> names = ClassicToolsKernelTest.toMap(bpf.map(HardIrqs.names));
                for (Map.Entry<Integer, HardIrqs.Name> n : names.entrySet())
                    assertEquals(first.get(n.getKey()).name(), org.jbpf.runtime.CStrings.text(n.getValue().text), "irq " + n.getKey() + "'s handler");
                Map<Integer, Long> nanos = ClassicToolsKernelTest.toMap(bpf.map(HardIrqs.nanos));
                assertTrue(runs.keySet().containsAll(nanos.keySet()) && !nanos.isEmpty(), "time only where runs were counted: " + nanos);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
