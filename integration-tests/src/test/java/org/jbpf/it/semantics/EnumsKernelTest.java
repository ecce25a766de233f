package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Enums ({@link Enums}) in the kernel with both backends, against the JVM. */
class EnumsKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void enumsComputeWhatTheJvmComputes(Backend backend) {
        KernelCheck.require();
        int runs = 0;
        Set<String> pairs = new HashSet<>();
        try (BPF bpf = BPF.load(backend.translate(Enums.class), Enums.class)) {
            BpfMap<Integer, Long> in = bpf.map(Enums.in), out = bpf.map(Enums.out);
            for (long[] ab : SemanticsKernelTest.inputs()) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("runClassify").testRun(new byte[64], 1).retval());
                assertEquals(Enums.classify(ab[0], ab[1]), out.get(0), "classify(" + ab[0] + ", " + ab[1] + ")");
                pairs.add(Enums.levelOf(ab[0]) + "/" + Enums.levelOf(ab[1]));
                runs++;
            }
        }
        assertEquals(SemanticsKernelTest.inputs().size(), runs);
        assertEquals(25, pairs.size(), "every pair of levels was tried");
        System.out.println("enums (" + backend + "): " + runs + " inputs agreed with the JVM");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void verifierSimulationAcceptsWhatTheKernelAccepts(Backend backend) {
        for (VerifierResult r : Verifier.verifyAll(backend.translate(Enums.class)))
            assertTrue(r.ok(), r.toString());
    }
}
