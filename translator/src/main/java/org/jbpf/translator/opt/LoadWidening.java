package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.translator.mir.Mir;

/**
 * Turns a 32-bit load whose only use is its sign extension to 64 bits ({@code long x = s.intField}) into one
 * sign-extending load (BPF ISA v4's {@code LDX MEMSX}).
 */
final class LoadWidening implements Pass {
    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        int[] uses = new int[mir.vregCount()], defs = new int[mir.vregCount()];
        for (Mir.MInsn m : code) {
            int d = Mir.def(m);
            if (d >= 0 && d < defs.length) defs[d]++;
            for (int u : Mir.uses(m)) if (u < uses.length) uses[u]++;
        }
        FallThrough flow = new FallThrough(code);
        for (int i = 0; i + 1 < code.size(); i++) {
            Mir.MInsn load = code.get(i);
            if (load.isLabel() || load.opcode != (LDX | MEM | W)) continue;
            int e = flow.next(i + 1);   // an inlined getter returns through a jump to the next label
            if (e < 0) continue;
            Mir.MInsn ext = code.get(e);
            if (ext.opcode != (ALU64 | MOV | X) || ext.off != 32) continue;
            int t = load.dst;
            if (!Mir.isVirtual(t) || ext.src != t || uses[t] != 1 || defs[t] != 1) continue;
            load.opcode = LDX | MEMSX | W;
            load.dst = ext.dst;
            code.remove(e);
        }
    }
}
