package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.Iterator;

import org.jbpf.translator.mir.Mir;

/**
 * Removes copies that change nothing: {@code rX = rX}, whose two registers the allocator put in the same place, and
 * {@code rY = rX} right after {@code rX = rY}, a copy back of the value just copied.
 */
final class SelfMoveElimination implements Pass {
    @Override
    public void run(Mir mir) {
        // a loop, not removeIf with a lambda: each lambda links method handles at its first call, in a cold translate
        Mir.MInsn before = null;
        for (Iterator<Mir.MInsn> i = mir.code.iterator(); i.hasNext(); ) {
            Mir.MInsn m = i.next();
            if (isCopy(m) && (m.dst == m.src || isCopy(before) && before.dst == m.src && before.src == m.dst)) i.remove();
            else before = m;
        }
    }

    private static boolean isCopy(Mir.MInsn m) {
        return m != null && !m.isLabel() && m.opcode == (ALU64 | MOV | X) && m.off == 0;
    }
}
