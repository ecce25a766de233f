package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link DeadIndexes} translates on both backends (its out-of-range indexes are dead code) and computes what the JVM computes. */
class DeadIndexesKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void constantIndexesOutOfRangeInDeadCodeAreNotRefused(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(DeadIndexes.class), DeadIndexes.class)) {
            BpfMap<Integer, Long> in = bpf.map(DeadIndexes.in), out = bpf.map(DeadIndexes.out);
            for (long a : new long[] {0, 7, -100}) {
                in.put(0, a);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(DeadIndexes.compute(a), out.get(0), "a = " + a);
            }
        }
        assertEquals(303, DeadIndexes.compute(0), "w[3] read, then unchanged");
    }
}
