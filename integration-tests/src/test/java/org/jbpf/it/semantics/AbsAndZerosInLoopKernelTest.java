package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.ProgramInfo;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link AbsAndZerosInLoop} loads on both backends, computes what the JVM computes (at the edges of abs and of zero
 * counts too), and the kernel verifies it with the effort of a program whose loop rounds meet again: about 2,000
 * instructions on the direct backend and 3,700 on LLVM's, where tests of the locals' linked copies took 113,000.
 */
class AbsAndZerosInLoopKernelTest {
    static final long[][] INPUTS = {{0, 0}, {1, -1}, {-7, 3}, {Long.MIN_VALUE, Long.MAX_VALUE}, {Integer.MIN_VALUE, 1L << 40},
            {0x8000000012345678L, 0}, {1L << 32, Long.MIN_VALUE}, {-1, 96}, {0x7fffffff00000000L, -65536}, {Long.MIN_VALUE / 3, 5}};

    @ParameterizedTest
    @EnumSource(Backend.class)
    void roundsOfAbsAndZeroCountsOfUnchangedLocalsArePrunedAndAgreeWithTheJvm(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(AbsAndZerosInLoop.class), AbsAndZerosInLoop.class)) {
            int processed = ProgramInfo.of(bpf.program("run").fd()).verifiedInsns();
            assertTrue(processed > 0 && processed <= 10_000, backend + ": " + processed + " instructions processed by the kernel verifier");
            BpfMap<Integer, Long> in = bpf.map(AbsAndZerosInLoop.in), out = bpf.map(AbsAndZerosInLoop.out);
            for (long[] ab : INPUTS) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(AbsAndZerosInLoop.compute(ab[0], ab[1]), out.get(0), backend + " on (" + ab[0] + ", " + ab[1] + ")");
            }
        }
    }
}
