package org.jbpf.it.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A division by a long constant zero behind a test against zero ({@link GuardedZeroDivision}) translates on both
 * backends and gives what the JVM gives: the guard's other arm. The long compare of two constants once stayed
 * undecided, so the division that never runs was refused (found by the random packet probes' guarded divisors). The
 * analysis once refused a division at the first path to reach it, before the join with the others (seed 403 program 77).
 */
class GuardedZeroDivisionKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void guardedDivisionsByAConstantZeroTakeTheGuardsOtherArm(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(GuardedZeroDivision.class), GuardedZeroDivision.class)) {
            BpfMap<Integer, Long> out = bpf.map(GuardedZeroDivision.out);
            assertEquals(2, bpf.program("run").testRun(new byte[60], 1).retval());
            assertEquals(-1L, out.get(0));
            assertEquals(60L, out.get(1));
            assertEquals(120L, out.get(2));
            assertEquals(61L, out.get(3));
            // 67 - 60 = 7, 67 / 7 = 9, 67 % 9 = 4
            assertEquals(2, bpf.program("run").testRun(new byte[67], 1).retval());
            assertEquals(4L, out.get(3));
        }
    }
}
