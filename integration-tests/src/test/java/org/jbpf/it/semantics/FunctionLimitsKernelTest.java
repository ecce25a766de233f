package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.it.KernelCheck;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * The kernel's two limits on BPF functions, each at its edge, on the kernel and in the verifier simulation: at most
 * 8 frames on one call chain, and at most 512 bytes of stack along it (each frame rounded up to 16 bytes).
 */
class FunctionLimitsKernelTest {
    /** An XDP program whose entry calls a chain of {@code depth} functions, each calling the next. */
    static BpfObject chain(int depth) {
        List<Insn> insns = new ArrayList<>();
        for (int k = 0; k < depth; k++) {
            insns.add(Insn.callLocal("f" + (k + 1), 1));   // the next function starts two slots on
            insns.add(Insn.exit());
        }
        insns.add(Insn.mov64Imm(0, 2));
        insns.add(Insn.exit());
        return object("chain" + depth, insns);
    }

    /** An entry using 256 bytes of stack calling a function using {@code calleeBytes}. */
    static BpfObject stacks(int calleeBytes) {
        return object("stack" + calleeBytes, List.of(
                Insn.storeImm(8, 10, -256, 0), Insn.callLocal("f", 1), Insn.exit(),
                Insn.storeImm(8, 10, -calleeBytes, 0), Insn.mov64Imm(0, 2), Insn.exit()));
    }

    static BpfObject object(String name, List<Insn> insns) {
        return new BpfObject(name, "GPL", List.of(), List.of(new ProgramSpec(name, "xdp/" + name, insns, List.of())), null);
    }

    static VerifierResult simulate(BpfObject obj) { return Verifier.verifyAll(obj).get(0); }

    static void kernelAccepts(BpfObject obj) {
        try (BPF bpf = BPF.load(obj)) {
            assertEquals(2, bpf.program(obj.name()).testRun(new byte[64], 1).retval());
        }
    }

    static String kernelRefusal(BpfObject obj) {
        return assertThrows(RuntimeException.class, () -> BPF.load(obj).close()).getMessage();
    }

    @Test
    void eightFramesLoadNineDoNot() {
        KernelCheck.require();
        kernelAccepts(chain(7));
        assertTrue(simulate(chain(7)).ok(), simulate(chain(7)).toString());
        assertTrue(kernelRefusal(chain(8)).contains("the call stack of 9 frames is too deep"), kernelRefusal(chain(8)));
        VerifierResult sim = simulate(chain(8));
        assertEquals("the call stack of 9 frames is too deep", sim.errors().get(0).kernelMessage(), sim.toString());
    }

    @Test
    void fiveHundredTwelveBytesAlongAChainLoadMoreDoNot() {
        KernelCheck.require();
        kernelAccepts(stacks(256));
        assertTrue(simulate(stacks(256)).ok(), simulate(stacks(256)).toString());
        assertTrue(kernelRefusal(stacks(264)).contains("combined stack size of 2 calls is 528. Too large"), kernelRefusal(stacks(264)));
        VerifierResult sim = simulate(stacks(264));
        assertEquals("combined stack size of 2 calls is 528. Too large", sim.errors().get(0).kernelMessage(), sim.toString());
    }
}
