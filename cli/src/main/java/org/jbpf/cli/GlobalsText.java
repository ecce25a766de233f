package org.jbpf.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.Opcodes;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.GlobalData;

/**
 * An object's global variables as {@code disasm} and {@code translate --emit asm} show them: one line per variable
 * with its section, place and initial value, and the variable's name beside each instruction that takes its address.
 */
final class GlobalsText {
    private GlobalsText() {}

    /**
     * "global hits: .bss offset 0 size 8 = 0", one per variable; load-time constants are marked, numbers show their
     * initial value (the value written into the object, for a constant set with --const).
     */
    static List<String> lines(BpfObject object) {
        List<String> out = new ArrayList<>();
        for (GlobalData g : object.globals())
            for (GlobalData.Variable v : g.variables()) {
                StringBuilder line = new StringBuilder("global ").append(v.name()).append(": ").append(g.name())
                        .append(" offset ").append(v.offset()).append(" size ").append(v.size());
                if (isNumber(v)) line.append(" = ").append(initial(g, v));
                if (g.readOnly()) line.append(" (load-time constant)");
                out.add(line.toString());
            }
        return out;
    }

    /** Whether a variable is read and shown as a number: 1, 2, 4 or 8 bytes. */
    static boolean isNumber(GlobalData.Variable v) {
        return v.size() == 1 || v.size() == 2 || v.size() == 4 || v.size() == 8;
    }

    /** The variable's value in the object's section bytes, little-endian and sign-extended from its size. */
    static long initial(GlobalData g, GlobalData.Variable v) {
        byte[] bytes = g.bytes();
        long value = 0;
        for (int i = v.size() - 1; i >= 0; i--) value = value << 8 | (bytes[v.offset() + i] & 0xff);
        int unused = 64 - 8 * v.size();
        return value << unused >> unused;
    }

    /**
     * For {@code Disassembler.listing}: the name of the variable a {@code map_value} load points into ("paused",
     * "buf+8" inside an array), null for other instructions.
     */
    static Function<Insn, String> notes(BpfObject object) {
        return in -> {
            if (!in.isLdImm64() || in.src() != Opcodes.PSEUDO_MAP_VALUE || in.reference() == null) return null;
            long offset = in.imm() >>> 32;
            for (GlobalData g : object.globals()) {
                if (!g.name().equals(in.reference())) continue;
                for (GlobalData.Variable v : g.variables())
                    if (offset >= v.offset() && offset < v.offset() + v.size())
                        return offset == v.offset() ? v.name() : v.name() + "+" + (offset - v.offset());
            }
            return null;
        };
    }
}
