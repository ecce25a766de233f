package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link IndexThroughArgument} loads on both backends (the kernel sees the checked index used) and computes the JVM's results. */
class IndexThroughArgumentKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void anIndexIntoAStructParameterStaysChecked(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(IndexThroughArgument.class), IndexThroughArgument.class)) {
            BpfMap<Integer, Long> in = bpf.map(IndexThroughArgument.in), out = bpf.map(IndexThroughArgument.out);
            for (long[] ab : new long[][] {{0, 5}, {-3, 1000}, {-13, -1}, {-5, 3}, {-1, 1L << 33}}) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(IndexThroughArgument.compute(ab[0], ab[1]), out.get(0), "a = " + ab[0] + ", b = " + ab[1]);
            }
        }
    }
}
