package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.Iterator;

import org.jbpf.translator.mir.Mir;

/** Removes {@code rX = rX}: copies whose two registers the allocator put in the same place. */
final class SelfMoveElimination implements Pass {
    @Override
    public void run(Mir mir) {
        // a loop, not removeIf with a lambda: each lambda links method handles at its first call, in a cold translate
        for (Iterator<Mir.MInsn> i = mir.code.iterator(); i.hasNext(); ) {
            Mir.MInsn m = i.next();
            if (!m.isLabel() && m.opcode == (ALU64 | MOV | X) && m.off == 0 && m.dst == m.src) i.remove();
        }
    }
}
