package org.jbpf.translator.ir;

import org.jbpf.core.asm.SourceLine;

/**
 * One instruction of the translator's IR: a BPF instruction whose registers may be virtual (numbers from
 * {@link IrProgram#FIRST_VIRTUAL}) and whose jump names a label, or a label marker.
 *
 * @param label     id of the label this marker places, or -1 for an instruction
 * @param target    label id a jump goes to, or -1
 * @param callArgs  for helper calls: how many of r1..r5 carry arguments
 */
public record IrInsn(int opcode, int dst, int src, int off, long imm, String reference, int target, int label,
                     int callArgs, SourceLine line) {
    public boolean isLabel() { return label >= 0; }
}
