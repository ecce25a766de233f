package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.verifier.Liveness;

/**
 * Finds instructions of translated code that a shorter program would not have: a value nobody reads (a dead
 * definition), a copy of a register whose only use is the next copy (a move chain), a reload of the 8-byte stack slot
 * the instruction before stored (store then reload) and a jump to the next instruction.
 */
final class RedundantInstructions {
    private RedundantInstructions() {}

    /** One finding: the program, the instruction's index, the pattern and the instructions it is about. */
    record Finding(String program, int index, String pattern, String code) {
        @Override public String toString() { return program + " #" + index + " " + pattern + ": " + code; }
    }

    static List<Finding> of(BpfObject obj) {
        List<Finding> out = new ArrayList<>();
        for (ProgramSpec p : obj.programs()) out.addAll(of(obj, p));
        return out;
    }

    static List<Finding> of(BpfObject obj, ProgramSpec prog) {
        List<Insn> insns = prog.insns();
        int n = insns.size();
        int[] live = Liveness.ofProgram(obj, prog);
        int[] slot = Insn.slotOffsets(insns);
        boolean[] target = new boolean[n + 1];
        for (int i = 0; i < n; i++) {
            Insn in = insns.get(i);
            if (in.isJump() || in.isLocalCall()) {
                int to = slot[i] + 1 + in.jumpOffset();
                for (int k = 0; k <= n; k++) if (slot[k] == to) target[k] = true;
            }
        }
        List<Finding> out = new ArrayList<>();
        String name = obj.name() + "/" + prog.name();
        for (int i = 0; i < n; i++) {
            Insn in = insns.get(i);
            Insn next = i + 1 < n ? insns.get(i + 1) : null;
            boolean nextInBlock = next != null && !target[i + 1];
            // a test of a register against 0 that goes on either way is the loop counters' precision pin, kept on purpose
            if (in.isJump() && in.jumpOffset() == 0 && !(in.opcode() == (JMP | JEQ | K) && in.imm() == 0))
                out.add(new Finding(name, i, "jump to the next instruction", in.toString()));
            if (definesOnly(in) && in.dst() != 10 && (i + 1 >= n || (live[i + 1] & (1 << in.dst())) == 0))
                out.add(new Finding(name, i, "dead definition", in.toString()));
            if (nextInBlock && isMove(next) && next.src() == in.dst() && in.dst() != next.dst() && isAluMove(in) && (i + 2 >= n || (live[i + 2] & (1 << in.dst())) == 0))
                out.add(new Finding(name, i, "move chain", in + "; " + next));
            // 8 bytes only: a narrower reload also truncates, which takes an instruction as well
            if (nextInBlock && in.opcode() == (STX | MEM | DW) && in.dst() == 10 && next.opcode() == (LDX | MEM | DW)
                    && next.src() == 10 && next.off() == in.off())
                out.add(new Finding(name, i, "store then reload", in + "; " + next));
        }
        return out;
    }

    /** An instruction whose only effect is writing its destination register. */
    private static boolean definesOnly(Insn in) {
        int c = cls(in.opcode());
        return c == ALU || c == ALU64 || c == LDX && mode(in.opcode()) == MEM || in.isLdImm64();
    }

    private static boolean isAluMove(Insn in) {
        return (cls(in.opcode()) == ALU || cls(in.opcode()) == ALU64) && op(in.opcode()) == MOV;
    }

    private static boolean isMove(Insn in) {
        return in.opcode() == (ALU64 | MOV | X) && in.off() == 0;
    }
}
