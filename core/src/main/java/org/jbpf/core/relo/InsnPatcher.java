package org.jbpf.core.relo;

import static org.jbpf.core.asm.Opcodes.*;

import org.jbpf.core.asm.Insn;

/**
 * Writes a relocated value into the one instruction that carries it: the immediate of an ALU instruction or of a
 * 64-bit load, or the offset of a memory access. The instruction must hold the value computed from the object's
 * own BTF first; anything else means the relocation record and the code disagree.
 */
final class InsnPatcher {
    private InsnPatcher() {}

    /** An expected value that matches whatever the instruction holds. */
    static final long ANY = Long.MIN_VALUE;

    /**
     * The instruction with {@code value} in place of {@code expected}; for a memory access whose field changed size
     * ({@code oldSize} to {@code newSize} bytes, 0 when not a sized field) the access width follows.
     */
    static Insn patch(Insn in, long expected, long value, int oldSize, int newSize) {
        int cls = in.opcode() & 0x07;
        if (in.isLdImm64()) {
            if (expected != ANY && in.imm() != expected) throw mismatch(in, expected);
            return in.withImm(value);
        }
        if (cls == ALU || cls == ALU64) {
            if ((in.opcode() & X) != 0) throw new IllegalArgumentException("instruction " + in + " takes a register, not a constant");
            if (expected != ANY && (int) in.imm() != (int) expected) throw mismatch(in, expected);
            if (value != (int) value && value != (value & 0xffffffffL))
                throw new IllegalArgumentException("value " + value + " does not fit the 32-bit immediate of " + in);
            return in.withImm((int) value);
        }
        if (cls == LDX || cls == ST || cls == STX) {
            if (expected != ANY && in.off() != expected) throw mismatch(in, expected);
            if (value != (short) value) throw new IllegalArgumentException("offset " + value + " does not fit the 16-bit offset of " + in);
            Insn out = in.withOff((int) value);
            if (oldSize == newSize || oldSize == 0 || (in.opcode() & 0xe0) != MEM) return out;
            if (sizeBytes(in.opcode()) != oldSize)
                throw new IllegalArgumentException("instruction " + in + " accesses " + sizeBytes(in.opcode()) + " bytes of a "
                        + oldSize + "-byte field");
            if (newSize != 1 && newSize != 2 && newSize != 4 && newSize != 8)
                throw new IllegalArgumentException("the field is " + newSize + " bytes on this kernel, which one access cannot read");
            return new Insn((out.opcode() & ~0x18) | sizeFor(newSize), out.dst(), out.src(), out.off(), out.imm(), out.reference(), out.source());
        }
        throw new IllegalArgumentException("instruction " + in + " cannot carry a relocated value");
    }

    private static IllegalArgumentException mismatch(Insn in, long expected) {
        return new IllegalArgumentException("instruction " + in + " does not hold " + expected
                + ", the value the object's own BTF gives; the relocation record does not fit the code");
    }
}
