package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** {@link TrailingZeros} loads on both backends, LLVM's with its table as {@code .rodata}, and counts as the JVM does. */
class TrailingZerosKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void trailingZeroCountsComputeWhatTheJvmComputes(Backend backend) {
        KernelCheck.require();
        BpfObject object = backend.translate(TrailingZeros.class);
        if (backend == Backend.LLVM) assertEquals(64, object.global(".rodata").orElseThrow().size(), "LLVM's de Bruijn table");
        List<VerifierResult> simulation = Verifier.verifyAll(object);
        assertEquals(List.of(true), simulation.stream().map(VerifierResult::ok).toList(), simulation.toString());
        int runs = 0;
        try (BPF bpf = BPF.load(object, TrailingZeros.class)) {
            BpfMap<Integer, Long> in = bpf.map(TrailingZeros.in), out = bpf.map(TrailingZeros.out);
            for (long[] ab : SemanticsKernelTest.inputs()) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(TrailingZeros.count(ab[0], ab[1]), out.get(0), "count(" + ab[0] + ", " + ab[1] + ")");
                runs++;
            }
            // worked by hand: 40 = 0b101000 has 3 trailing zeros and 3 bits below its lowest set bit; signum(ntz(0)) = 1
            in.put(0, 40L);
            in.put(1, 0L);
            bpf.program("run").testRun(new byte[64], 1);
            assertEquals(3 * 100 + 1 + 3 * 7, out.get(0));
        }
        assertEquals(SemanticsKernelTest.inputs().size(), runs);
    }
}
