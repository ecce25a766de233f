package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.verifier.ProgramKind;
import org.junit.jupiter.api.Test;

/**
 * A program of two functions, each keeping some bytes of stack, as every program type the simulator models: the
 * kernel and the simulator must accept the same ones and refuse the others with the same message. Which types give a
 * function of 64 bytes or more a private stack, left out of the call chain's sum, changed within 6.18 (kprobe lost
 * it in 6.18.44), so each type is asked rather than assumed.
 */
class PrivateStackAgreementTest {
    /** {main, function} bytes of stack: around the 64-byte threshold of a private stack, and past 512 together. */
    private static final int[][] FRAMES = { { 48, 504 }, { 504, 48 }, { 56, 504 }, { 504, 56 }, { 64, 504 }, { 504, 64 },
            { 32, 488 }, { 504, 504 }, { 48, 64 } };

    private static List<Insn> twoFrames(int mainDepth, int fDepth) {
        return List.of(storeImm(8, R10, -mainDepth, 0), callLocal("f", 2), mov64Imm(R0, 0), exit(),
                storeImm(8, R10, -fDepth, 0), mov64Imm(R0, 0), exit());
    }

    @Test void kernelAndSimulatorAgreeOnEveryTypesStack() {
        KernelAgreementTest.assumeKernel();
        List<String> disagreements = new ArrayList<>();
        int privateTypes = 0;
        for (Map.Entry<ProgramKind, String> e : ContextAccessAgreementTest.SECTIONS.entrySet()) {
            ProgramKind kind = e.getKey();
            if (kind.privateStacks()) privateTypes++;
            for (int[] f : FRAMES) {
                List<Insn> insns = twoFrames(f[0], f[1]);
                VerifierResult sim = ContextAccessAgreementTest.simulate(e.getValue(), insns);
                String simSays = sim.ok() ? "accept" : sim.errors().get(0).kernelMessage();
                KernelBpf.LoadResult k = kind == ProgramKind.TRACING
                        ? TracingTargets.loadForVerdict(Insn.encode(insns))
                        : KernelBpf.loadForVerdict(kind.programType, kind.expectedAttachType, Insn.encode(insns));
                if (k.accepted()) KernelBpf.close(k.fd());
                String kernelSays = k.accepted() ? "accept" : KernelRunner.reason(k.log());
                if (!kernelSays.equals(simSays))
                    disagreements.add(kind + " frames " + f[0] + "+" + f[1] + ": kernel " + kernelSays + ", simulator " + simSays);
            }
        }
        assertEquals(List.of(), disagreements);
        assertTrue(privateTypes > 0, "no type with private stacks was asked");
    }
}
