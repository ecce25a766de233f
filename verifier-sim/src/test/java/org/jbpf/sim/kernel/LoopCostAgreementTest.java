package org.jbpf.sim.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.core.asm.Insn;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.verifier.AbstractInterpreter;
import org.junit.jupiter.api.Test;

/**
 * The simulation's cost against the kernel's on the loop shapes of {@link LoopShapes}: both accept each, the kernel
 * never processes more than {@link AbstractInterpreter#KERNEL_FACTOR} times the simulation's count (else the
 * simulation could accept a program the kernel finds too complex), and the simulation explores at most
 * {@link #MAX_SIM_OVER_KERNEL} times the kernel's count (else it refuses as too complex what the kernel accepts).
 */
class LoopCostAgreementTest {
    private static final Pattern PROCESSED = Pattern.compile("processed (\\d+) insns");
    static final double MAX_SIM_OVER_KERNEL = 1.1;

    @Test
    void simulationAndKernelProcessComparableCounts() {
        KernelAgreementTest.assumeKernel();
        List<String> tooCostly = new ArrayList<>();
        double worstUnder = Double.MAX_VALUE, worstOver = 0;
        for (Map.Entry<String, List<Insn>> shape : LoopShapes.all().entrySet()) {
            Corpus.Entry e = new Corpus.Entry(shape.getKey(), "xdp", List.of(Corpus.ARRAY), shape.getValue(), true);
            KernelBpf.LoadResult k = KernelRunner.verify(e.section(), e.maps(), e.insns());
            VerifierResult s = KernelAgreementTest.simulate(e);
            assertTrue(k.accepted(), e.name() + ": the kernel refuses the shape: " + KernelRunner.reason(k.log()));
            assertTrue(s.ok(), e.name() + ": the simulation refuses what the kernel accepts: " + s);
            Matcher m = PROCESSED.matcher(k.log());
            assertTrue(m.find(), e.name() + ": no instruction count in the kernel's log");
            int kernel = Integer.parseInt(m.group(1));
            double ratio = (double) s.processedInsns() / kernel;
            System.out.printf("  %-42s kernel %7d  simulation %7d  sim/kernel %.2f%n", e.name(), kernel, s.processedInsns(), ratio);
            worstOver = Math.max(worstOver, ratio);
            worstUnder = Math.min(worstUnder, ratio);
            assertTrue(kernel <= (long) s.processedInsns() * AbstractInterpreter.KERNEL_FACTOR,
                    e.name() + ": the kernel processed " + kernel + ", more than the factor times the simulation's " + s.processedInsns());
            if (ratio > MAX_SIM_OVER_KERNEL) tooCostly.add(e.name() + String.format(" (%.2f)", ratio));
        }
        System.out.printf("sim/kernel processed instructions over %d loop shapes: %.2f to %.2f%n", LoopShapes.all().size(), worstUnder, worstOver);
        assertEquals(List.of(), tooCostly, "shapes the simulation explores more than " + MAX_SIM_OVER_KERNEL + " times the kernel's count");
    }
}
