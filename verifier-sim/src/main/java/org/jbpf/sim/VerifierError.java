package org.jbpf.sim;

import org.jbpf.core.asm.SourceLine;

/**
 * One reason the kernel would refuse a program, as the simulation predicts it: the simulator's prediction, not a
 * message the kernel printed (its text says so).
 *
 * @param insn          index of the failing instruction in {@code ProgramSpec.insns()}
 * @param slot          its position in 8-byte slots, the number the kernel log uses
 * @param kernelMessage the message the kernel verifier is predicted to give, in its words, e.g.
 *                      {@code R0 invalid mem access 'map_value_or_null'}; where the simulator refuses something it does
 *                      not model, its own words (e.g. {@code helper bpf_foo#999 is not modelled by the simulator})
 * @param javaMessage   an explanation in terms of the Java source, prefixed with {@code File.java:line:} when known
 * @param source        the Java source line the instruction came from, or null
 */
public record VerifierError(int insn, int slot, String kernelMessage, String javaMessage, SourceLine source) {
    @Override public String toString() {
        // some of the kernel's messages name the instruction themselves ("infinite loop detected at insn 5")
        String at = " at insn " + slot;
        return javaMessage + " [verifier simulation: " + kernelMessage + (kernelMessage.endsWith(at) ? "" : at) + "]";
    }
}
