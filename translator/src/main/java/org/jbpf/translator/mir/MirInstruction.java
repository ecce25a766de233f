package org.jbpf.translator.mir;

import org.jbpf.core.asm.SourceLine;

/**
 * What another backend reads of one MIR instruction: a BPF instruction whose registers may be virtual (numbers from
 * {@link MirProgram#FIRST_VIRTUAL}) and whose jump names a label, or a label marker.
 */
public interface MirInstruction {
    int opcode();

    int dst();

    int src();

    int off();

    long imm();

    /** The map whose address a 64-bit immediate load takes, or null. */
    String reference();

    /** The id of the label a jump goes to, or -1. */
    int targetId();

    /** The id of the label this marker places, or -1 for an instruction. */
    int labelId();

    /** For helper calls: how many of r1..r5 carry arguments. */
    int callArgs();

    /** The Java source line, with its text when the source was found; may be null. */
    SourceLine line();

    default boolean isLabel() { return labelId() >= 0; }
}
