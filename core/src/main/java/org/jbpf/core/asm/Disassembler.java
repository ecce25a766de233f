package org.jbpf.core.asm;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import java.util.function.Function;
import org.jbpf.core.helper.HelperTable;

/** Renders instructions in the notation of the kernel verifier log and {@code bpftool prog dump xlated}. */
public final class Disassembler {
    private Disassembler() {}

    private static final String[] ALU_OPS = new String[16];
    private static final String[] JMP_OPS = new String[16];
    static {
        ALU_OPS[ADD >> 4] = "+="; ALU_OPS[SUB >> 4] = "-="; ALU_OPS[MUL >> 4] = "*="; ALU_OPS[DIV >> 4] = "/=";
        ALU_OPS[OR >> 4] = "|="; ALU_OPS[AND >> 4] = "&="; ALU_OPS[LSH >> 4] = "<<="; ALU_OPS[RSH >> 4] = ">>=";
        ALU_OPS[MOD >> 4] = "%="; ALU_OPS[XOR >> 4] = "^="; ALU_OPS[MOV >> 4] = "="; ALU_OPS[ARSH >> 4] = "s>>=";
        JMP_OPS[JEQ >> 4] = "=="; JMP_OPS[JGT >> 4] = ">"; JMP_OPS[JGE >> 4] = ">="; JMP_OPS[JSET >> 4] = "&";
        JMP_OPS[JNE >> 4] = "!="; JMP_OPS[JSGT >> 4] = "s>"; JMP_OPS[JSGE >> 4] = "s>="; JMP_OPS[JLT >> 4] = "<";
        JMP_OPS[JLE >> 4] = "<="; JMP_OPS[JSLT >> 4] = "s<"; JMP_OPS[JSLE >> 4] = "s<=";
    }

    private static String sizeName(int opcode) {
        switch (size(opcode)) {
            case W: return "u32";
            case H: return "u16";
            case B: return "u8";
            default: return "u64";
        }
    }

    private static String signedSizeName(int opcode) { return "s" + sizeName(opcode).substring(1); }

    private static String mem(int reg, int off) { return "(r" + reg + " " + (off < 0 ? "-" : "+") + Math.abs(off) + ")"; }

    private static String pcRel(int off) { return "pc" + (off < 0 ? "" : "+") + off; }

    public static String format(Insn in) {
        int opc = in.opcode();
        int cls = cls(opc);
        String r = cls == ALU || cls == JMP32 ? "w" : "r";
        switch (cls) {
            case ALU:
            case ALU64: {
                int op = op(opc);
                if (op == NEG) return r + in.dst() + " = -" + r + in.dst();
                if (op == END) {
                    int bits = (int) in.imm();
                    if (cls == ALU64) return "r" + in.dst() + " = bswap" + bits + " r" + in.dst();
                    return "r" + in.dst() + " = " + (source(opc) == TO_BE ? "be" : "le") + bits + " r" + in.dst();
                }
                if (op == MOV && source(opc) == X && in.off() != 0)
                    return r + in.dst() + " = (s" + in.off() + ")" + r + in.src();
                String sym = ALU_OPS[op >> 4];
                if (sym == null) return invalid(in);
                if ((op == DIV || op == MOD) && in.off() == 1) sym = "s" + sym;
                String rhs = source(opc) == X ? r + in.src() : Long.toString(in.imm());
                return r + in.dst() + " " + sym + " " + rhs;
            }
            case LDX:
                if (mode(opc) == MEM)
                    return "r" + in.dst() + " = *(" + sizeName(opc) + " *)" + mem(in.src(), in.off());
                if (mode(opc) == MEMSX)
                    return "r" + in.dst() + " = *(" + signedSizeName(opc) + " *)" + mem(in.src(), in.off());
                return invalid(in);
            case ST:
                if (mode(opc) == MEM)
                    return "*(" + sizeName(opc) + " *)" + mem(in.dst(), in.off()) + " = " + in.imm();
                return invalid(in);
            case STX:
                if (mode(opc) == MEM)
                    return "*(" + sizeName(opc) + " *)" + mem(in.dst(), in.off()) + " = r" + in.src();
                if (mode(opc) == ATOMIC) return atomic(in);
                return invalid(in);
            case LD:
                if (in.isLdImm64()) {
                    if (in.src() == PSEUDO_MAP_FD)
                        return "r" + in.dst() + " = map[" + (in.reference() != null ? in.reference() : "fd:" + in.imm()) + "] ll";
                    if (in.src() == PSEUDO_MAP_VALUE)
                        return "r" + in.dst() + " = map_value[" + (in.reference() != null ? in.reference() : "fd:" + (int) in.imm()) + "]"
                                + ((in.imm() >>> 32) != 0 ? " + " + (in.imm() >>> 32) : "") + " ll";
                    if (in.src() == PSEUDO_FUNC)   // a function's address, as bpftool prints a callback
                        return "r" + in.dst() + " = " + (in.reference() != null ? in.reference() : "pc" + (in.imm() >= 0 ? "+" : "") + in.imm()) + " ll";
                    return "r" + in.dst() + " = 0x" + Long.toHexString(in.imm()) + " ll";
                }
                if (mode(opc) == ABS) return "r0 = *(" + sizeName(opc) + " *)skb[" + in.imm() + "]";
                if (mode(opc) == IND) return "r0 = *(" + sizeName(opc) + " *)skb[r" + in.src() + " + " + in.imm() + "]";
                return invalid(in);
            case JMP:
            case JMP32: {
                int op = op(opc);
                if (op == EXIT && cls == JMP) return "exit";
                if (op == CALL && cls == JMP) {
                    if (in.src() == PSEUDO_CALL)
                        return "call " + (in.reference() != null ? in.reference() : pcRel((int) in.imm()));
                    if (in.src() == PSEUDO_KFUNC_CALL) return in.reference() != null ? "call " + in.reference() : "call kfunc#" + in.imm();
                    return "call " + HelperTable.logName((int) in.imm());
                }
                if (op == JA) return (cls == JMP32 ? "gotol " + pcRel((int) in.imm()) : "goto " + pcRel(in.off()));
                String sym = JMP_OPS[op >> 4];
                if (sym == null) return invalid(in);
                String rhs = source(opc) == X ? r + in.src() : "0x" + Integer.toHexString((int) in.imm());
                return "if " + r + in.dst() + " " + sym + " " + rhs + " goto " + pcRel(in.off());
            }
            default:
                return invalid(in);
        }
    }

    private static String atomic(Insn in) {
        int opc = in.opcode();
        String sz = sizeName(opc);
        String r = size(opc) == W ? "w" : "r";
        int aop = (int) in.imm();
        String target = "*(" + sz + " *)" + mem(in.dst(), in.off());
        if (aop == XCHG) return r + in.src() + " = xchg(" + target + ", " + r + in.src() + ")";
        if (aop == CMPXCHG) return r + "0 = cmpxchg(" + target + ", " + r + "0, " + r + in.src() + ")";
        String sym = ALU_OPS[(aop & 0xf0) >> 4];
        if (sym == null || ((aop & 0xf0) != ADD && (aop & 0xf0) != AND && (aop & 0xf0) != OR && (aop & 0xf0) != XOR))
            return invalid(in);
        if ((aop & FETCH) != 0) {
            String name = (aop & 0xf0) == ADD ? "add" : (aop & 0xf0) == AND ? "and" : (aop & 0xf0) == OR ? "or" : "xor";
            return r + in.src() + " = atomic_fetch_" + name + "(" + target + ", " + r + in.src() + ")";
        }
        return "lock " + target + " " + sym + " " + r + in.src();
    }

    private static String invalid(Insn in) {
        return String.format("invalid opcode 0x%02x (dst=%d src=%d off=%d imm=%d)", in.opcode(), in.dst(), in.src(), in.off(), in.imm());
    }

    /** One line per instruction, prefixed with its slot index, like {@code bpftool prog dump xlated}. */
    public static String listing(List<Insn> insns) { return listing(insns, null); }

    /**
     * The same listing with a note after the instructions {@code note} has one for (null: none), e.g. the global
     * variable a {@code map_value} load addresses; a null {@code note} adds none.
     */
    public static String listing(List<Insn> insns, Function<Insn, String> note) {
        StringBuilder sb = new StringBuilder();
        int slot = 0;
        SourceLine last = null;
        for (Insn in : insns) {
            SourceLine src = in.source();
            if (src != null && !src.equals(last)) {
                sb.append("; ").append(src.text().isEmpty() ? "" : src.text().strip() + " ").append("@ ")
                  .append(src.file()).append(':').append(src.line()).append('\n');
                last = src;
            }
            String n = note == null ? null : note.apply(in);
            sb.append(String.format("%4d: %s%s%n", slot, format(in), n == null ? "" : "  ; " + n));
            slot += in.slots();
        }
        return sb.toString();
    }
}
