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

    /**
     * Verifies {@code prog} as it may be loaded with any load-time constants: of the read-only data only the string
     * sections ({@code .rodata.str*}) are read as the kernel reads frozen data, as known values.
     */
    public static VerifierResult verify(BpfObject obj, ProgramSpec prog) {
        return new AbstractInterpreter(obj, prog, false).run();
    }

    /**
     * Verifies {@code prog} as the kernel sees it once the loader has written {@code obj}'s read-only sections
     * ({@code .rodata*}) and frozen them: loads from them at a constant offset are the bytes the object holds, so
     * branches they decide are explored, and pruned, as in the kernel.
     */
    public static VerifierResult verifyFrozen(BpfObject obj, ProgramSpec prog) {
        return new AbstractInterpreter(obj, prog, true).run();
    }

    public static List<VerifierResult> verifyAll(BpfObject obj) {
        List<VerifierResult> out = new ArrayList<>();
        for (ProgramSpec p : obj.programs()) out.add(verify(obj, p));
        return out;
    }
}
