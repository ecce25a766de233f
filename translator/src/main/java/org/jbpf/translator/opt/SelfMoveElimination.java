package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import org.jbpf.translator.mir.Mir;

/** Removes {@code rX = rX}: copies whose two registers the allocator put in the same place. */
final class SelfMoveElimination implements Pass {
    @Override
    public void run(Mir mir) {
        mir.code.removeIf(m -> !m.isLabel() && m.opcode == (ALU64 | MOV | X) && m.off == 0 && m.dst == m.src);
    }
}
