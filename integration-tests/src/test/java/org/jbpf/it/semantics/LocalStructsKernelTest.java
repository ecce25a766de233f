package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Local structs kept in registers ({@link LocalStructs}) compute, escape and get overwritten as in the JVM, on both backends. */
class LocalStructsKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void localStructsComputeWhatTheJvmComputes(Backend backend) {
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(backend.translate(LocalStructs.class), LocalStructs.class)) {
            BpfMap<Integer, Long> in = bpf.map(LocalStructs.in), out = bpf.map(LocalStructs.out);
            for (long[] ab : SemanticsKernelTest.inputs()) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("runCompute").testRun(new byte[64], 1).retval());
                assertEquals(LocalStructs.compute(ab[0], ab[1]), out.get(0), "compute(" + ab[0] + ", " + ab[1] + ")");
                runs++;
            }
        }
        assertEquals(SemanticsKernelTest.inputs().size(), runs);
        System.out.println("local structs (" + backend + "): " + runs + " inputs agreed with the JVM");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStructStoredIntoAMapKeepsTheFieldsItHadThen(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(LocalStructs.class), LocalStructs.class)) {
            bpf.map(LocalStructs.in).put(0, 41L);
            assertEquals(2, bpf.program("runEscape").testRun(new byte[64], 1).retval());
            BpfMap<Integer, LocalStructs.Pair> pairs = bpf.map(LocalStructs.pairs);
            LocalStructs.Pair first = pairs.get(0), second = pairs.get(1);
            assertEquals(41, first.a);
            assertEquals(0, first.b);
            assertEquals(1, first.c);
            assertEquals(42, second.a);
            assertEquals(42, second.b);
            assertEquals(1, second.c);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void storesBeforeAHelperWritesTheArrayAreNotTakenForItsContents(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(LocalStructs.class), LocalStructs.class)) {
            assertEquals(2, bpf.program("runOverwritten").testRun(new byte[64], 1).retval());
            assertEquals(1000L, bpf.map(LocalStructs.out).get(3), "the failed read zeroed the buffer");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void verifierSimulationAcceptsWhatTheKernelAccepts(Backend backend) {
        for (VerifierResult r : Verifier.verifyAll(backend.translate(LocalStructs.class)))
            assertTrue(r.ok(), r.toString());
    }
}
