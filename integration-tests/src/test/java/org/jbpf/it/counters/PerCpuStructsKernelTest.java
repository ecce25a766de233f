package org.jbpf.it.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Arrays;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.counters.PerCpuStructs.Pair;
import org.jbpf.it.counters.PerCpuStructs.Tally;
import org.jbpf.runtime.BpfMap;
import org.jbpf.testsupport.Skip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A per-CPU struct value filled by the kernel on two CPUs, each thread pinned to its own: Java reads each CPU's value
 * as the kernel wrote it, and their combination field by field, array element by element and nested struct by nested
 * struct (an {@code @Max} the largest), where adding the value 8 bytes at a time mixes the fields up.
 */
class PerCpuStructsKernelTest {
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int getpgid(int pid);
    }

    /** The arguments each CPU's thread passes: no process has these ids, so every call fails and changes nothing. */
    static final int[][] ARGS = {range(7_000_001, 7_000_100), range(7_100_001, 7_100_037)};

    @ParameterizedTest
    @EnumSource(Backend.class)
    void eachCpusValueAndTheirCombinationAreFieldByField(Backend backend) throws Exception {
        KernelCheck.require();
        Skip.unless(Runtime.getRuntime().availableProcessors() >= 2, "cpus", "needs two CPUs to fill two CPUs' values");
        try (BPF bpf = backend.loadAndAttach(PerCpuStructs.class)) {
            bpf.map(PerCpuStructs.watchPid).put(0, (int) ProcessHandle.current().pid());
            for (int cpu = 0; cpu < 2; cpu++) callOn(cpu, ARGS[cpu]);
            bpf.map(PerCpuStructs.watchPid).put(0, 0);

            BpfMap<Integer, Tally> tallies = bpf.map(PerCpuStructs.tallies);
            List<Tally> perCpu = tallies.getPerCpu(0);
            assertEquals(text(expected(ARGS[0])), text(perCpu.get(0)), "CPU 0's value");
            assertEquals(text(expected(ARGS[1])), text(perCpu.get(1)), "CPU 1's value");
            for (int c = 2; c < perCpu.size(); c++) assertEquals(text(fresh()), text(perCpu.get(c)), "CPU " + c + " ran nothing");
            int[] both = new int[ARGS[0].length + ARGS[1].length];
            System.arraycopy(ARGS[0], 0, both, 0, ARGS[0].length);
            System.arraycopy(ARGS[1], 0, both, ARGS[0].length, ARGS[1].length);
            assertEquals(text(expected(both)), text(tallies.getAggregated(0)), "the CPUs' values combined");
        }
    }

    /** What the probe computes for these calls. */
    static Tally expected(int[] args) {
        Tally t = fresh();
        for (int arg : args) {
            t.calls++;
            t.argSum += arg;
            t.peak = Math.max(t.peak, arg);
            t.byLow[arg & 3]++;
            t.all.calls++;
            t.all.args += arg;
            t.byParity[arg & 1].calls++;
            t.byParity[arg & 1].args += arg;
            t.seen = true;
        }
        return t;
    }

    /** A zero value with its arrays and nested structs made, as Java reads one from the map. */
    static Tally fresh() {
        Tally t = new Tally();
        t.byLow = new long[4];
        t.all = new Pair();
        t.byParity = new Pair[] {new Pair(), new Pair()};
        return t;
    }

    static String text(Tally t) {
        return "calls=" + t.calls + " argSum=" + t.argSum + " peak=" + t.peak + " byLow=" + Arrays.toString(t.byLow)
                + " all=" + text(t.all) + " byParity=[" + text(t.byParity[0]) + ", " + text(t.byParity[1]) + "] seen=" + t.seen;
    }

    static String text(Pair p) { return "(" + p.calls + ", " + p.args + ")"; }

    /** Makes the calls from a thread pinned to {@code cpu}. */
    static void callOn(int cpu, int[] args) throws InterruptedException {
        Thread t = new Thread(() -> {
            CountersKernelTest.pin(cpu);
            for (int arg : args) LibC.INSTANCE.getpgid(arg);
        });
        t.start();
        t.join();
    }

    static int[] range(int from, int to) {
        int[] a = new int[to - from + 1];
        for (int i = 0; i < a.length; i++) a[i] = from + i;
        return a;
    }
}
