package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.LongBinaryOperator;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Differential test of the value-range pass: {@link Ranges} runs in the kernel on edge and random inputs, translated
 * by each backend, and every result must be the JVM's. A branch folded on a wrong range would give another result
 * (or, for an index check, a refused program).
 */
class RangesKernelTest {
    static final List<LongBinaryOperator> SLOTS = List.of(Ranges::indexes, Ranges::masks, Ranges::wraps, Ranges::casts,
            Ranges::loops, Ranges::clamps);

    @ParameterizedTest
    @EnumSource(Backend.class)
    void rangeDecidedBranchesComputeWhatTheJvmComputes(Backend backend) {
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(backend.translate(Ranges.class), Ranges.class)) {
            BpfMap<Integer, Long> in = bpf.map(Ranges.in), out = bpf.map(Ranges.out);
            for (long[] ab : SemanticsKernelTest.inputs()) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                for (int slot = 0; slot < SLOTS.size(); slot++) {
                    long expected = SLOTS.get(slot).applyAsLong(ab[0], ab[1]);
                    assertEquals(expected, out.get(slot), "slot " + slot + " on (" + ab[0] + ", " + ab[1] + ")");
                    runs++;
                }
            }
        }
        assertEquals(SemanticsKernelTest.inputs().size() * SLOTS.size(), runs);
        System.out.println("ranges (" + backend + "): " + runs + " kernel results agreed with the JVM");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void verifierSimulationAcceptsWhatTheKernelAccepts(Backend backend) {
        for (VerifierResult r : Verifier.verifyAll(backend.translate(Ranges.class))) assertTrue(r.ok(), r.toString());
    }
}
