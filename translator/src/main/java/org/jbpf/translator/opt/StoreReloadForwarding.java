package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import org.jbpf.translator.mir.Mir;

/**
 * Turns a load of the 8-byte stack slot the instruction just before stored into a copy of the stored register: the
 * allocator spills a value where it is made and reloads it where it is used, which may be the next instruction. The
 * store stays for later reloads; a copy into the same register is left for {@link SelfMoveElimination}.
 */
final class StoreReloadForwarding implements Pass {
    @Override
    public void run(Mir mir) {
        for (int p = 1; p < mir.code.size(); p++) {
            Mir.MInsn store = mir.code.get(p - 1), load = mir.code.get(p);
            if (store.isLabel() || load.isLabel()) continue;
            if (store.opcode == (STX | MEM | DW) && store.dst == R10 && load.opcode == (LDX | MEM | DW) && load.src == R10
                    && load.off == store.off) {
                load.opcode = ALU64 | MOV | X;
                load.src = store.src;
                load.off = 0;
            }
        }
    }
}
