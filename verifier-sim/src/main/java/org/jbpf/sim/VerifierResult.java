package org.jbpf.sim;

import java.util.List;

/**
 * The verdict on one program.
 *
 * @param program           program name
 * @param errors            empty when the program would be accepted
 * @param processedInsns    instructions the exploration processed (the kernel's "processed N insns")
 */
public record VerifierResult(String program, List<VerifierError> errors, int processedInsns) {
    public VerifierResult {
        errors = List.copyOf(errors);
    }

    public boolean ok() { return errors.isEmpty(); }

    @Override public String toString() {
        if (ok()) return program + ": accepted (" + processedInsns + " insns processed)";
        StringBuilder b = new StringBuilder(program).append(": rejected");
        for (VerifierError e : errors) b.append("\n  ").append(e);
        return b.toString();
    }
}
