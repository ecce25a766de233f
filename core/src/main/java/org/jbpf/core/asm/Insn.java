package org.jbpf.core.asm;

import static org.jbpf.core.asm.Opcodes.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One BPF instruction as a value. A 64-bit immediate load ({@code LD|IMM|DW}) is one {@code Insn} that
 * occupies two 8-byte slots; every other instruction occupies one. Jump offsets ({@link #off}) count slots,
 * as in the encoded form.
 *
 * @param opcode    the 8-bit opcode
 * @param dst       destination register 0..10
 * @param src       source register 0..10, or a pseudo source for LD_IMM64 and CALL
 * @param off       signed 16-bit offset
 * @param imm       signed 32-bit immediate, or the full 64-bit constant of LD_IMM64
 * @param reference symbol this instruction refers to (a map for LD_IMM64, a function for a pseudo call), or null
 * @param source    the source line the instruction was generated from, or null
 */
public record Insn(int opcode, int dst, int src, int off, long imm, String reference, SourceLine source) {

    public Insn {
        if ((opcode & ~0xff) != 0) throw new IllegalArgumentException("opcode out of range: " + opcode);
        if (dst < 0 || dst > 15 || src < 0 || src > 15) throw new IllegalArgumentException("register out of range");
        if (off < Short.MIN_VALUE || off > Short.MAX_VALUE) throw new IllegalArgumentException("offset out of range: " + off);
        if (!isLdImm64(opcode) && (imm < Integer.MIN_VALUE || imm > 0xffffffffL))
            throw new IllegalArgumentException("immediate out of 32-bit range: " + imm);
        if (!isLdImm64(opcode)) imm = (int) imm;
    }

    public Insn(int opcode, int dst, int src, int off, long imm) { this(opcode, dst, src, off, imm, null, null); }

    static boolean isLdImm64(int opcode) { return opcode == (LD | IMM | DW); }

    /** Number of 8-byte slots this instruction occupies when encoded. */
    public int slots() { return isLdImm64(opcode) ? 2 : 1; }

    public boolean isLdImm64() { return isLdImm64(opcode); }

    public Insn withOff(int newOff) { return new Insn(opcode, dst, src, newOff, imm, reference, source); }
    public Insn withImm(long newImm) { return new Insn(opcode, dst, src, off, newImm, reference, source); }
    public Insn withSrc(int newSrc) { return new Insn(opcode, dst, newSrc, off, imm, reference, source); }
    public Insn withDst(int newDst) { return new Insn(opcode, newDst, src, off, imm, reference, source); }
    public Insn withReference(String ref) { return new Insn(opcode, dst, src, off, imm, ref, source); }
    public Insn withSource(SourceLine line) { return new Insn(opcode, dst, src, off, imm, reference, line); }

    // ---- factories -------------------------------------------------------------------------------

    public static Insn alu64Reg(int op, int dst, int src) { return new Insn(ALU64 | op | X, dst, src, 0, 0); }
    public static Insn alu64Imm(int op, int dst, long imm) { return new Insn(ALU64 | op | K, dst, 0, 0, imm); }
    public static Insn alu32Reg(int op, int dst, int src) { return new Insn(ALU | op | X, dst, src, 0, 0); }
    public static Insn alu32Imm(int op, int dst, long imm) { return new Insn(ALU | op | K, dst, 0, 0, imm); }
    public static Insn mov64Reg(int dst, int src) { return alu64Reg(MOV, dst, src); }
    public static Insn mov64Imm(int dst, long imm) { return alu64Imm(MOV, dst, imm); }
    public static Insn mov32Reg(int dst, int src) { return alu32Reg(MOV, dst, src); }
    public static Insn mov32Imm(int dst, long imm) { return alu32Imm(MOV, dst, imm); }
    /** {@code dst = (s8|s16|s32) src} sign extension within 64 bits (ISA v4). */
    public static Insn movsx64(int dst, int src, int bits) { return new Insn(ALU64 | MOV | X, dst, src, bits, 0); }
    /** {@code wdst = (s8|s16) wsrc} sign extension within 32 bits (ISA v4). */
    public static Insn movsx32(int dst, int src, int bits) { return new Insn(ALU | MOV | X, dst, src, bits, 0); }
    /** Signed division or modulo (ISA v4): {@code op} is DIV or MOD, {@code alu64} picks the width. */
    public static Insn sdivReg(int op, boolean alu64, int dst, int src) { return new Insn((alu64 ? ALU64 : ALU) | op | X, dst, src, 1, 0); }
    public static Insn sdivImm(int op, boolean alu64, int dst, long imm) { return new Insn((alu64 ? ALU64 : ALU) | op | K, dst, 0, 1, imm); }
    public static Insn neg64(int dst) { return new Insn(ALU64 | NEG, dst, 0, 0, 0); }
    public static Insn neg32(int dst) { return new Insn(ALU | NEG, dst, 0, 0, 0); }

    public static Insn ldImm64(int dst, long value) { return new Insn(LD | IMM | DW, dst, 0, 0, value); }
    /** Loads the address of the named map; the loader patches the map fd in. */
    public static Insn ldMap(int dst, String mapName) { return new Insn(LD | IMM | DW, dst, PSEUDO_MAP_FD, 0, 0, mapName, null); }

    public static Insn load(int sizeBytes, int dst, int base, int off) { return new Insn(LDX | MEM | sizeFor(sizeBytes), dst, base, off, 0); }
    public static Insn loadSigned(int sizeBytes, int dst, int base, int off) { return new Insn(LDX | MEMSX | sizeFor(sizeBytes), dst, base, off, 0); }
    public static Insn store(int sizeBytes, int base, int off, int src) { return new Insn(STX | MEM | sizeFor(sizeBytes), base, src, off, 0); }
    public static Insn storeImm(int sizeBytes, int base, int off, long imm) { return new Insn(ST | MEM | sizeFor(sizeBytes), base, 0, off, imm); }
    public static Insn atomic(int sizeBytes, int aop, int base, int off, int src) { return new Insn(STX | ATOMIC | sizeFor(sizeBytes), base, src, off, aop); }

    public static Insn jumpReg(int op, int dst, int src, int off) { return new Insn(JMP | op | X, dst, src, off, 0); }
    public static Insn jumpImm(int op, int dst, long imm, int off) { return new Insn(JMP | op | K, dst, 0, off, imm); }
    public static Insn jump32Reg(int op, int dst, int src, int off) { return new Insn(JMP32 | op | X, dst, src, off, 0); }
    public static Insn jump32Imm(int op, int dst, long imm, int off) { return new Insn(JMP32 | op | K, dst, 0, off, imm); }
    public static Insn ja(int off) { return new Insn(JMP | JA, 0, 0, off, 0); }
    public static Insn call(int helperId) { return new Insn(JMP | CALL, 0, 0, 0, helperId); }
    /** BPF-to-BPF call of a function in the same program; {@code imm} is the slot distance minus one. */
    public static Insn callLocal(String function, int imm) { return new Insn(JMP | CALL, 0, PSEUDO_CALL, 0, imm, function, null); }
    public static Insn exit() { return new Insn(JMP | EXIT, 0, 0, 0, 0); }
    /** Call of kernel function (kfunc) {@code name}; the loader puts its kernel BTF id into {@code imm}. */
    public static Insn callKernel(String name) { return new Insn(JMP | CALL, 0, PSEUDO_KFUNC_CALL, 0, 0, name, null); }

    // ---- classification ---------------------------------------------------------------------------

    public boolean isJump() { return Opcodes.isJump(opcode) && op(opcode) != CALL && op(opcode) != EXIT; }
    public boolean isConditionalJump() { return isJump() && op(opcode) != JA; }
    public boolean isCall() { return opcode == (JMP | CALL); }
    public boolean isHelperCall() { return isCall() && src == 0; }
    public boolean isLocalCall() { return isCall() && src == PSEUDO_CALL; }
    public boolean isExit() { return opcode == (JMP | EXIT); }

    /** Jump distance in slots, counted from the slot after this instruction ({@code gotol} uses imm). */
    public int jumpOffset() { return opcode == (JMP32 | JA) ? (int) imm : off; }

    // ---- encoding ---------------------------------------------------------------------------------

    public void encode(ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) opcode);
        out.put((byte) ((src << 4) | dst));
        out.putShort((short) off);
        out.putInt((int) imm);
        if (isLdImm64()) {
            out.put((byte) 0).put((byte) 0).putShort((short) 0);
            out.putInt((int) (imm >>> 32));
        }
    }

    public static byte[] encode(List<Insn> insns) {
        int slots = 0;
        for (Insn i : insns) slots += i.slots();
        ByteBuffer buf = ByteBuffer.allocate(slots * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (Insn i : insns) i.encode(buf);
        return buf.array();
    }

    /**
     * Decodes instructions; a truncated LD_IMM64, or one whose second slot sets anything but the upper 32 bits of
     * the constant (fields the kernel requires to be zero), is reported as an error.
     */
    public static List<Insn> decode(byte[] code) {
        if (code.length % 8 != 0) throw new IllegalArgumentException("instruction bytes not a multiple of 8: " + code.length);
        ByteBuffer in = ByteBuffer.wrap(code).order(ByteOrder.LITTLE_ENDIAN);
        List<Insn> out = new ArrayList<>(code.length / 8);
        while (in.hasRemaining()) {
            int pos = in.position();
            int opcode = in.get() & 0xff;
            int regs = in.get() & 0xff;
            int off = in.getShort();
            long imm = in.getInt();
            if (isLdImm64(opcode)) {
                if (!in.hasRemaining())
                    throw new IllegalArgumentException("LD_IMM64 at byte " + pos + " is missing its second slot");
                if (in.getInt() != 0)
                    throw new IllegalArgumentException("LD_IMM64 at byte " + pos + ": its second slot sets opcode, registers"
                            + " or offset, which must be 0 (the kernel refuses it: invalid bpf_ld_imm64 insn)");
                long hi = in.getInt();
                imm = (imm & 0xffffffffL) | (hi << 32);
            }
            out.add(new Insn(opcode, regs & 0xf, regs >>> 4, off, imm));
        }
        return out;
    }

    /** Slot index of each instruction, plus the total at index {@code insns.size()}. */
    public static int[] slotOffsets(List<Insn> insns) {
        int[] at = new int[insns.size() + 1];
        int s = 0;
        for (int i = 0; i < insns.size(); i++) { at[i] = s; s += insns.get(i).slots(); }
        at[insns.size()] = s;
        return at;
    }

    @Override public String toString() { return Disassembler.format(this); }
}
