package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Local arrays indexed by masked and by length-checked variables ({@link MaskedArrays}) load on both backends, the
 * simulation accepts them as the kernel does, and every input gives the JVM's result.
 */
class MaskedArraysKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void maskedAndCheckedIndexesLoadAndComputeWhatTheJvmComputes(Backend backend) {
        KernelCheck.require();
        BpfObject object = backend.translate(MaskedArrays.class);
        List<VerifierResult> simulation = Verifier.verifyAll(object);
        assertTrue(simulation.stream().allMatch(VerifierResult::ok), simulation.toString());
        List<long[]> inputs = SemanticsKernelTest.inputs();
        int runs = 0;
        try (BPF bpf = BPF.load(object, MaskedArrays.class)) {
            BpfMap<Integer, Long> in = bpf.map(MaskedArrays.in), out = bpf.map(MaskedArrays.out);
            for (long[] ab : inputs) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("runMasked").testRun(new byte[64], 1).retval());
                assertEquals(MaskedArrays.masked(ab[0], ab[1]), out.get(0), "masked(" + ab[0] + ", " + ab[1] + ")");
                assertEquals(2, bpf.program("runChecked").testRun(new byte[64], 1).retval());
                assertEquals(MaskedArrays.checked(ab[0], ab[1]), out.get(1), "checked(" + ab[0] + ", " + ab[1] + ")");
                runs++;
            }
            // worked by hand, x = y = 1: shorts[1] = 2, ints[1] = 3, longs[1] = 0, bytes[1] = 1
            in.put(0, 1L);
            in.put(1, 1L);
            bpf.program("runChecked").testRun(new byte[64], 1);
            assertEquals(2 + 3 * 5 + 0 * 11 + 1 * 13, out.get(1));
        }
        assertEquals(inputs.size(), runs);
        System.out.println("masked arrays (" + backend + "): " + runs + " inputs agreed with the JVM");
    }
}
