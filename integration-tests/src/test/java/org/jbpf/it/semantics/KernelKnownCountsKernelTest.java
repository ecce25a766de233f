package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link KernelKnownCounts} loads on both backends and computes what the JVM computes, run after run. */
class KernelKnownCountsKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void loopsWhoseCountOnlyTheKernelKnowsToBeZeroLoadAndRunAsOnTheJvm(Backend backend) {
        KernelCheck.require();
        KernelKnownCounts.gc = 'j';
        try (BPF bpf = BPF.load(backend.translate(KernelKnownCounts.class), KernelKnownCounts.class)) {
            BpfMap<Integer, Long> in = bpf.map(KernelKnownCounts.in), out = bpf.map(KernelKnownCounts.out);
            for (long a : new long[] {0, 1, 5, 15, 200, -3, 1L << 40}) {
                in.put(0, a);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(KernelKnownCounts.compute(a), out.get(0), "a = " + a);
            }
            assertEquals((short) KernelKnownCounts.gc, bpf.global("gc").get(), "the global after every run");
        }
    }
}
