package org.jbpf.sim.junit;

import java.util.stream.Collectors;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;

/**
 * What {@link BpfSimExtension} hands a test: loads an object the way the kernel would (verifying every program
 * first) and returns an interpreter over fresh maps; or loads a probe class and returns a {@link SimProbe} that
 * speaks the probe's Java types.
 */
public final class BpfSimulator {
    private Interpreter last;

    /** Verifies every program of {@code obj}; a rejection fails the test with the Java-level reasons. */
    public Interpreter load(BpfObject obj) {
        String rejected = Verifier.verifyAll(obj).stream().filter(r -> !r.ok())
                .map(VerifierResult::toString).collect(Collectors.joining("\n"));
        if (!rejected.isEmpty()) throw new AssertionError("the kernel verifier would reject " + obj.name() + ":\n" + rejected);
        last = new Interpreter(obj);
        return last;
    }

    /**
     * Translates {@code probe} with the translator on the class path ({@code org.jbpf:jbpf-toolchain}), verifies
     * and loads it: maps are then reached by their declarations, keys and values as the probe's types.
     */
    public SimProbe load(Class<?> probe) {
        return new SimProbe(probe, load(org.jbpf.runtime.ProbeTranslator.find(probe).translate(probe)));
    }

    /** Loads without verifying, for programs whose rejection a test expects or does not care about. */
    public Interpreter loadUnverified(BpfObject obj) {
        last = new Interpreter(obj);
        return last;
    }

    Interpreter lastLoaded() { return last; }
}
