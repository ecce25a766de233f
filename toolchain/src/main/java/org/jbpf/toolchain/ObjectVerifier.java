package org.jbpf.toolchain;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierError;
import org.jbpf.sim.VerifierResult;

/** Runs the offline verifier simulation on an object and sorts its verdict into accepted programs and problems. */
public final class ObjectVerifier {
    /**
     * One reason the kernel would refuse a program, in Java terms and in the kernel verifier's words as the simulation
     * predicts them (labelled so: the kernel itself has not seen the program).
     */
    public record Problem(String program, String javaMessage, String kernelMessage) {
        @Override public String toString() {
            return javaMessage + (kernelMessage == null || kernelMessage.isEmpty() ? "" : " [verifier simulation predicts: " + kernelMessage + "]");
        }
    }

    /** The simulation's verdict on every program of one object. */
    public record Outcome(List<String> acceptedPrograms, List<Problem> problems) {
        public boolean ok() { return problems.isEmpty(); }
    }

    private ObjectVerifier() {}

    public static Outcome verify(BpfObject object) {
        List<String> accepted = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (VerifierResult r : Verifier.verifyAll(object)) {
            if (r.errors().isEmpty()) accepted.add(r.program());
            else for (VerifierError e : r.errors()) problems.add(new Problem(r.program(), e.javaMessage(), e.kernelMessage()));
        }
        return new Outcome(List.copyOf(accepted), List.copyOf(problems));
    }
}
