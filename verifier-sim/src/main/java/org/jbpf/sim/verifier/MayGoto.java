package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.JMP;

import org.jbpf.core.asm.Insn;

/**
 * may_goto ({@code BPF_JMP | BPF_JCOND}): a jump taken at run time once a budget of loop iterations is spent. The
 * kernel follows the jump first and explores the fall-through, the loop body, one may_goto level deeper; a state
 * reaching the may_goto again within (by ranges) one kept there at another level is pruned. Before the body,
 * scalars that changed since the previous visit on the same path and that no check needed exactly become unknown,
 * so that a counting loop converges, as the kernel's widen_imprecise_scalars does.
 */
final class MayGoto {
    /** The opcode's operation bits: BPF_JCOND. */
    static final int JCOND = 0xe0;

    private MayGoto() {}

    static boolean is(Insn in) { return in.opcode() == (JMP | JCOND); }

    /** The kernel knows one conditional pseudo-jump, may_goto: source 0, and no register or immediate. */
    static void checkFields(Insn in) {
        if (in.src() != 0 || in.dst() != 0 || in.imm() != 0)
            throw new Reject("invalid may_goto imm " + in.imm(),
                    "instruction " + in + " is a may_goto with a register or immediate set; they must be 0");
    }

    /** True when both states are in the same functions called from the same places. */
    static boolean sameCallSites(VerifierState a, VerifierState b) {
        if (a.frames.size() != b.frames.size()) return false;
        for (int f = 0; f < a.frames.size(); f++) if (a.frames.get(f).callSite != b.frames.get(f).callSite) return false;
        return true;
    }
}
