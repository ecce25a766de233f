package org.jbpf.translator.mir;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.Opcodes;
import org.jbpf.core.asm.SourceLine;

/**
 * The translator's machine IR: BPF instructions whose register operands may be virtual registers (numbers from
 * {@link #VREG_BASE}) and whose jumps name {@link Label}s. Physical r0–r5 appear only around helper calls, at
 * program entry and at exit; register allocation maps the rest onto r1–r9 and stack slots.
 */
public final class Mir {
    public static final int VREG_BASE = 16;

    private int nextVreg = VREG_BASE;
    private int nextLabel;
    /**
     * The frame areas the lowering allocated (structs, keys, arrays, scratch), their sizes by r10 offset: how far an
     * address taken of one can reach. Empty when not known, and then an address may reach anything above it.
     */
    public java.util.Map<Integer, Integer> frameAreas = java.util.Map.of();
    /** The r10 offsets of the 8-byte slots the register allocator keeps spilled values in; only they are read and written there. */
    public java.util.Set<Integer> spillSlots = java.util.Set.of();
    /**
     * The MIR goes to another backend (LLVM), which may rewrite the tests the kernel verifier learns an offset's range
     * from: the bound checks of offsets added to the packet's start stay even where the range passes prove them.
     */
    public boolean keepPacketOffsetChecks;
    /**
     * The program's context (r1 on entry) is memory nothing changes while it runs: a tracepoint's record or a raw
     * tracepoint's arguments. False for functions a program calls and for programs whose helpers rewrite their context.
     */
    public boolean readOnlyContext;
    /** The program's instructions and label markers, in order. */
    public final List<MInsn> code = new ArrayList<>();

    public static final class Label {
        final int id;
        Label(int id) { this.id = id; }
        @Override public String toString() { return "L" + id; }
    }

    /** One instruction, or a label marker when {@link #label} is set. */
    public static final class MInsn implements MirInstruction {
        public int opcode;
        public int dst, src, off;
        public long imm;
        public String ref;
        public Label target;
        public Label label;
        /** For helper calls: how many of r1..r5 carry arguments. */
        public int callArgs;
        public SourceLine line;

        @Override public int opcode() { return opcode; }
        @Override public int dst() { return dst; }
        @Override public int src() { return src; }
        @Override public int off() { return off; }
        @Override public long imm() { return imm; }
        @Override public String reference() { return ref; }
        @Override public int targetId() { return target != null ? target.id : -1; }
        @Override public int labelId() { return label != null ? label.id : -1; }
        @Override public int callArgs() { return callArgs; }
        @Override public SourceLine line() { return line; }

        @Override public boolean isLabel() { return label != null; }
        public boolean isCall() { return label == null && opcode == (Opcodes.JMP | Opcodes.CALL); }
        public boolean isExit() { return label == null && opcode == (Opcodes.JMP | Opcodes.EXIT); }
        public boolean isJump() { return label == null && target != null; }
        public boolean isUnconditionalJump() { return isJump() && opcode == (Opcodes.JMP | Opcodes.JA); }

        public Insn toInsn() { return new Insn(opcode, dst, src, off, imm, ref, line); }

        @Override public String toString() {
            if (isLabel()) return label + ":";
            String s;
            try {
                s = new Insn(opcode, Math.min(dst, 15), Math.min(src, 15), target != null ? 0 : off, imm, ref, null).toString();
            } catch (RuntimeException e) {
                s = "op" + opcode;
            }
            return s + (dst >= VREG_BASE ? " [dst v" + dst + "]" : "") + (src >= VREG_BASE ? " [src v" + src + "]" : "")
                    + (target != null ? " -> " + target : "");
        }
    }

    public int newVreg() { return nextVreg++; }
    public int vregCount() { return nextVreg; }
    public Label newLabel() { return new Label(nextLabel++); }

    public static boolean isVirtual(int reg) { return reg >= VREG_BASE; }

    /** Registers this instruction reads. */
    public static int[] uses(MInsn m) {
        if (m.isLabel()) return new int[0];
        int op = m.opcode, cls = Opcodes.cls(op);
        switch (cls) {
            case Opcodes.ALU:
            case Opcodes.ALU64: {
                int aop = Opcodes.op(op);
                if (aop == Opcodes.MOV) return Opcodes.source(op) == Opcodes.X ? new int[] {m.src} : new int[0];
                if (aop == Opcodes.NEG || aop == Opcodes.END) return new int[] {m.dst};
                return Opcodes.source(op) == Opcodes.X ? new int[] {m.dst, m.src} : new int[] {m.dst};
            }
            case Opcodes.LDX: return new int[] {m.src};
            case Opcodes.ST: return new int[] {m.dst};
            case Opcodes.STX: return new int[] {m.dst, m.src};
            case Opcodes.LD: return new int[0];
            case Opcodes.JMP:
            case Opcodes.JMP32: {
                int jop = Opcodes.op(op);
                if (jop == Opcodes.CALL) {
                    int[] r = new int[m.callArgs];
                    for (int k = 0; k < m.callArgs; k++) r[k] = k + 1;
                    return r;
                }
                if (jop == Opcodes.EXIT) return new int[] {0};
                if (jop == Opcodes.JA) return new int[0];
                return Opcodes.source(op) == Opcodes.X ? new int[] {m.dst, m.src} : new int[] {m.dst};
            }
            default: return new int[0];
        }
    }

    /** The register this instruction writes, or -1. Calls define r0 (and clobber r1–r5). */
    public static int def(MInsn m) {
        if (m.isLabel()) return -1;
        int cls = Opcodes.cls(m.opcode);
        switch (cls) {
            case Opcodes.ALU:
            case Opcodes.ALU64:
            case Opcodes.LDX:
            case Opcodes.LD:
                return m.dst;
            case Opcodes.JMP:
                return m.isCall() ? 0 : -1;
            default:
                return -1;
        }
    }
}
