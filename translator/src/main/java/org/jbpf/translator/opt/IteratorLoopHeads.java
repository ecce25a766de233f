package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jbpf.translator.mir.Mir;

/**
 * A {@code Loops.numbers} loop's back edge goes to the iterator's {@code bpf_iter_num_next} call itself, not to the
 * moves of its argument before it: each jump to a label that only sets up that call's arguments takes its own copy of
 * the moves and jumps to the call. The kernel's verifier checks two states on one path for an endless loop at every
 * jump target except an iterator's next, where it takes an equal state as the loop converging instead. With the back
 * edge one or two instructions early, an outer counted loop whose counter the kernel widened at an inner iterator's
 * next reaches that target twice in the same state and is refused as an "infinite loop" (clang's {@code bpf_for}
 * jumps straight to the call).
 */
final class IteratorLoopHeads implements Pass {
    static final String NEXT = "bpf_iter_num_next";

    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        for (int p = 0; p < code.size(); p++) {
            Set<Mir.Label> heads = new HashSet<>();
            int call = p;
            while (call < code.size() && code.get(call).isLabel()) heads.add(code.get(call++).label);
            int first = call;
            while (call < code.size() && isArgumentSetup(code.get(call))) call++;
            if (heads.isEmpty() || call == first || call >= code.size() || !isNext(code.get(call))) continue;
            List<Mir.MInsn> setup = new ArrayList<>(code.subList(first, call)), jumps = new ArrayList<>();
            for (Mir.MInsn m : code) if (m.isJump() && heads.contains(m.target)) jumps.add(m);
            if (jumps.isEmpty()) continue;
            Mir.MInsn atCall = label(mir);
            code.add(call, atCall);
            Mir.MInsn trampoline = null;
            for (Mir.MInsn jump : jumps) {
                if (!jump.isUnconditionalJump()) {
                    // a conditional jump ("if (..) continue;") goes through one shared copy at the end
                    if (trampoline == null) {
                        code.add(trampoline = label(mir));
                        for (Mir.MInsn m : setup) code.add(copy(m));
                        Mir.MInsn back = new Mir.MInsn();
                        back.opcode = JMP | JA;
                        back.target = atCall.label;
                        code.add(back);
                    }
                    jump.target = trampoline.label;
                    continue;
                }
                jump.target = atCall.label;
                int j = code.indexOf(jump);
                for (Mir.MInsn m : setup) code.add(j++, copy(m));
            }
            p = code.indexOf(atCall);
        }
    }

    private static Mir.MInsn label(Mir mir) {
        Mir.MInsn marker = new Mir.MInsn();
        marker.label = mir.newLabel();
        return marker;
    }

    /** A move of r10 or a constant into an argument register, or a constant added to one: what sets up a call. */
    private static boolean isArgumentSetup(Mir.MInsn m) {
        if (m.isLabel() || m.dst < R1 || m.dst > R5) return false;
        return m.opcode == (ALU64 | MOV | X) && m.src == R10 || m.opcode == (ALU64 | ADD | K)
                || m.opcode == (ALU64 | MOV | K) || m.opcode == (ALU | MOV | K);
    }

    private static boolean isNext(Mir.MInsn m) { return m.isCall() && m.src == PSEUDO_KFUNC_CALL && NEXT.equals(m.ref); }

    private static Mir.MInsn copy(Mir.MInsn m) {
        Mir.MInsn c = new Mir.MInsn();
        c.opcode = m.opcode;
        c.dst = m.dst;
        c.src = m.src;
        c.off = m.off;
        c.imm = m.imm;
        c.line = m.line;
        return c;
    }
}
