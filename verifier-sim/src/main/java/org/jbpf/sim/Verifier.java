package org.jbpf.sim;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.verifier.AbstractInterpreter;

/**
 * Predicts whether the kernel verifier accepts a program, for a privileged (CAP_BPF + CAP_PERFMON) load on
 * x86-64, without a kernel. A program it accepts, the kernel accepts; where it is stricter than the kernel the
 * difference is documented on {@link AbstractInterpreter}.
 */
public final class Verifier {
    private Verifier() {}

    public static VerifierResult verify(BpfObject obj, ProgramSpec prog) {
        return new AbstractInterpreter(obj, prog).run();
    }

    public static List<VerifierResult> verifyAll(BpfObject obj) {
        List<VerifierResult> out = new ArrayList<>();
        for (ProgramSpec p : obj.programs()) out.add(verify(obj, p));
        return out;
    }
}
