package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link LambdaLoopBody} loads on both backends (its lambdas' BTF names were once {@code lambda$compute$0}, which the
 * kernel refused, found by data seed 81 program 0 of the deeper shapes) and computes what the JVM computes.
 */
class LambdaLoopBodyKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void lambdaLoopBodiesLoadAndRunAsOnTheJvm(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(LambdaLoopBody.class), LambdaLoopBody.class)) {
            BpfMap<Integer, Long> in = bpf.map(LambdaLoopBody.in), out = bpf.map(LambdaLoopBody.out);
            for (long a : new long[] {0, 1, 5, 15, 200, -3}) {
                in.put(0, a);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(LambdaLoopBody.compute(a), out.get(0), "a = " + a);
            }
        }
        assertEquals(105 * 1000 + 15, LambdaLoopBody.compute(0), "no steps, then 0 + 1 + ... + 14 = 105 > 100 after 15 iterations");
    }
}
