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

    /**
     * A value that needs no register; {@code object} names the local struct or array it is, when it is one, so that
     * a join where the other path brings a pointer can put its address into a register.
     */
    record Known(org.jbpf.translator.analysis.Value.StackObj object) implements Operand {
        public Known() { this(null); }
    }

    /** The same value for a second stack slot: an owned register is owned by neither copy. */
    static Operand shared(Operand o) { return o instanceof Reg r && r.owned() ? new Reg(r.reg(), false) : o; }
}
