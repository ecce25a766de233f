package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link NestedSums} translates on both backends and gives the JVM's sums in the kernel. */
class NestedSumsKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void nestedLoopSumsComputeWhatTheJvmComputes(Backend backend) {
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(backend.translate(NestedSums.class), NestedSums.class)) {
            BpfMap<Integer, Long> in = bpf.map(NestedSums.in), out = bpf.map(NestedSums.out);
            for (long[] ab : SemanticsKernelTest.inputs()) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(NestedSums.sum(ab[0], ab[1]), out.get(0), "sum(" + ab[0] + ", " + ab[1] + ")");
                runs++;
            }
            // worked by hand, a = 3, b = 1: x1 = 1 + 6 + 6 + 6 = 19, x0 = 3 + 0 * 7 + 1 * 13 + 2 * 19 = 54
            in.put(0, 3L);
            in.put(1, 1L);
            bpf.program("run").testRun(new byte[64], 1);
            assertEquals(54 * 31 + 19, out.get(0));
        }
        assertEquals(SemanticsKernelTest.inputs().size(), runs);
    }
}
