package org.jbpf.translator.backend;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.mir.Mir;

/** Encodes allocated MIR as BPF instructions: labels become jump offsets counted in instruction slots. */
public final class Encoder {
    private Encoder() {}

    public static List<Insn> encode(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        Map<Mir.Label, Integer> slotOf = new HashMap<>();
        int slot = 0;
        for (Mir.MInsn m : code) {
            if (m.isLabel()) slotOf.put(m.label, slot);
            else slot += m.opcode == (LD | IMM | DW) ? 2 : 1;
        }
        List<Insn> out = new ArrayList<>();
        slot = 0;
        for (Mir.MInsn m : code) {
            if (m.isLabel()) continue;
            if (Mir.isVirtual(m.dst) || Mir.isVirtual(m.src) && cls(m.opcode) != LD)
                throw new IllegalStateException("unallocated register in " + m);
            int width = m.opcode == (LD | IMM | DW) ? 2 : 1;
            Insn in = m.toInsn();
            if (m.target != null) {
                int off = slotOf.get(m.target) - (slot + 1);
                if (off < Short.MIN_VALUE || off > Short.MAX_VALUE)
                    throw new TranslationException("program too large: a jump spans " + off + " instructions");
                in = in.withOff(off);
            }
            out.add(in);
            slot += width;
        }
        return out;
    }
}
