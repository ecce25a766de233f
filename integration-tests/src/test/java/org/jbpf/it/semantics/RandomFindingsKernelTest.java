package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongBinaryOperator;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.translator.TranslationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the random probes found ({@link RandomFindings}, {@link RandomIndexes}, {@link DeepFrame}) loads and computes the
 * JVM's results.
 */
class RandomFindingsKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void bitMethodsOfExpressionsGiveTheJvmsResults(Backend backend) {
        assertEquals(SemanticsKernelTest.inputs().size(), agree(backend, RandomFindings.class, "runBits", 0, RandomFindings::bitsOfExpressions));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aMethodWhoseOnlyCallIsInADecidedBranchDoesNotStopTheLoad(Backend backend) {
        assertEquals(SemanticsKernelTest.inputs().size(), agree(backend, RandomFindings.class, "runDecided", 1, RandomFindings::callInADecidedBranch));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anOrOfZerosInALoopKeepsTheLoopsExit(Backend backend) {
        assertEquals(SemanticsKernelTest.inputs().size(), agree(backend, RandomFindings.class, "runOr", 0, RandomFindings::orOfZerosInALoop));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void loopsCountedDownFromTheInputLoadAndCountAsTheJvmCounts(Backend backend) {
        assertEquals(SemanticsKernelTest.inputs().size(), agree(backend, RandomFindings.class, "runCountDown", 0, RandomFindings::countDown));
    }

    /** With a function of its own the chain of calls would not fit; the direct backend inlines it instead. */
    @Test
    void aFrameThatFitsOnlyInlinedLoadsAndSumsWhatTheJvmSums() {
        assertEquals(1, Backend.DIRECT.translate(DeepFrame.class).programs().get(0).funcInfos().size(), "total is inlined");
        assertEquals(SemanticsKernelTest.inputs().size(), agree(Backend.DIRECT, DeepFrame.class, "run", 0, DeepFrame::deepFrame));
        for (VerifierResult r : Verifier.verifyAll(Backend.DIRECT.translate(DeepFrame.class))) assertTrue(r.ok(), r.toString());
    }

    /** LLVM lays out the same frame in more than 512 bytes: one line at the Java line, and where to go instead. */
    @Test
    void theSameFrameIsOneLineFromTheLlvmBackend() {
        Backend.LLVM.translate(Semantics.class); // skips without LLVM's bindings
        TranslationException e = assertThrows(TranslationException.class, () -> Backend.LLVM.translate(DeepFrame.class));
        assertTrue(e.getMessage().matches("LLVM's BPF target cannot compile DeepFrame: DeepFrame\\.java:\\d+: program run needs more than the 512"
                + " bytes of BPF stack LLVM's code may use; .*; the direct backend \\(the default\\) may translate it"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    /**
     * LLVM's code for these indexes once checked a masked copy of the index and then moved the address by the unchecked
     * register, which the kernel refuses.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void indexesTheVerifierForgetsStillLoadAndReadWhatTheJvmReads(Backend backend) {
        assertEquals(SemanticsKernelTest.inputs().size(), agree(backend, RandomIndexes.class, "runIndexes", 1, RandomIndexes::indexes));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void verifierSimulationAcceptsWhatTheKernelAccepts(Backend backend) {
        for (VerifierResult r : Verifier.verifyAll(backend.translate(RandomFindings.class)))
            assertTrue(r.ok(), r.toString());
        for (VerifierResult r : Verifier.verifyAll(backend.translate(RandomIndexes.class)))
            assertTrue(r.ok(), r.toString());
    }

    private static int agree(Backend backend, Class<?> probe, String program, int slot, LongBinaryOperator java) {
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(backend.translate(probe), probe)) {
            BpfMap<Integer, Long> in = bpf.map("in", Integer.class, Long.class), out = bpf.map("out", Integer.class, Long.class);
            for (long[] ab : SemanticsKernelTest.inputs()) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program(program).testRun(new byte[64], 1).retval());
                assertEquals(java.applyAsLong(ab[0], ab[1]), out.get(slot), program + "(" + ab[0] + ", " + ab[1] + ")");
                runs++;
            }
        }
        return runs;
    }
}
