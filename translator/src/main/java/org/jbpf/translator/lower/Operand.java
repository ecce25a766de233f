package org.jbpf.translator.lower;

/**
 * A symbolic operand-stack entry during lowering: a virtual register, a constant, or a value that needs no register
 * (a stack object, a map, a string: the analysis's frame says which).
 */
public sealed interface Operand {
    /** A value in virtual register {@code reg}; {@code owned} when no other slot refers to it, so it may be overwritten. */
    record Reg(int reg, boolean owned) implements Operand {}

    /** A constant. */
    record Imm(long value) implements Operand {}

    /** A value that needs no register. */
    record Known() implements Operand {}

    /** The same value for a second stack slot: an owned register is owned by neither copy. */
    static Operand shared(Operand o) { return o instanceof Reg r && r.owned() ? new Reg(r.reg(), false) : o; }
}
