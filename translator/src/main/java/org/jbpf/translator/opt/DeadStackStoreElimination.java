package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jbpf.translator.backend.StackFrameLayout;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;

/**
 * Removes stores to the stack that a later store in the same block overwrites before anything can read them —
 * typically the zero-fill of a new struct whose fields are all assigned right after.
 */
final class DeadStackStoreElimination implements Pass {
    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        boolean stackPointerEscapes = false;
        for (Mir.MInsn m : code)
            if (!m.isLabel() && m.opcode == (ALU64 | MOV | X) && m.src == R10 && Mir.isVirtual(m.dst)) stackPointerEscapes = true;
        MirBlocks blocks = new MirBlocks(code);
        List<Mir.MInsn> dead = new ArrayList<>();
        for (int b = 0; b < blocks.count; b++) {
            BitSet overwritten = new BitSet(StackFrameLayout.MAX_STACK);
            for (int p = blocks.end[b]; p >= blocks.start[b]; p--) {
                Mir.MInsn m = code.get(p);
                if (m.isLabel()) continue;
                int c = cls(m.opcode);
                if ((c == ST || c == STX) && mode(m.opcode) == MEM && m.dst == R10) {
                    int from = m.off + StackFrameLayout.MAX_STACK, to = from + sizeBytes(m.opcode);
                    if (from >= 0 && overwritten.get(from, to).cardinality() == to - from) dead.add(m);
                    else if (from >= 0) overwritten.set(from, to);
                } else if (c == LDX && m.src == R10) {
                    int from = m.off + StackFrameLayout.MAX_STACK;
                    if (from >= 0) overwritten.clear(from, from + sizeBytes(m.opcode));
                } else if (m.isCall() || c == LDX && stackPointerEscapes || c == STX && mode(m.opcode) == ATOMIC) {
                    overwritten.clear();
                } else if (m.opcode == (ALU64 | MOV | X) && m.src == R10) {
                    overwritten.clear();   // an address of the stack is taken: whoever gets it may read
                }
            }
        }
        code.removeAll(dead);
    }
}
