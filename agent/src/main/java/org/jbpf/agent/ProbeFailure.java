package org.jbpf.agent;

import org.jbpf.loader.VerifierException;
import org.jbpf.loader.VerifierReason;
import org.jbpf.toolchain.ObjectVerifier;

/**
 * Why a probe did not load, as one line for the application's log and for {@code jbpf attach}: a kernel verifier
 * refusal by its program, Java line and reason, a simulation's refusal by its first problem, anything else by the
 * first line of its message. The verifier log and the stack trace are for the verbose option.
 */
final class ProbeFailure {
    /** What the verbose option is called, where a line says how to see more. */
    static final String HOW_TO_SEE_MORE = "add ;verbose to the agent's options, or run jbpf attach --verbose, for the whole verifier log";

    private ProbeFailure() {}

    /** The line for a probe {@code className} that failed with {@code e}. */
    static String line(String className, Throwable e) {
        return "probe " + className + " not loaded: " + reason(e);
    }

    private static String reason(Throwable e) {
        if (e instanceof VerifierException v) return VerifierReason.line(v, HOW_TO_SEE_MORE);
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName() + (e.getCause() != null ? ": " + reason(e.getCause()) : "");
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** The refusal of a probe the verifier simulation predicts the kernel refuses: its first problem, and how many more. */
    static IllegalStateException refused(ObjectVerifier.Outcome verdict) {
        int more = verdict.problems().size() - 1;
        String first = verdict.problems().get(0).toString();
        int nl = first.indexOf('\n');
        if (nl >= 0) first = first.substring(0, nl);
        return new IllegalStateException(first + (more > 0 ? " (and " + more + " more; jbpf verify lists them all)" : ""));
    }

    /** The whole story for the verbose option: the verifier log of a kernel refusal, else nothing beyond the stack trace. */
    static String details(Throwable e) {
        return e instanceof VerifierException v && v.log() != null ? "verifier log of program " + v.program() + ":\n" + v.log().stripTrailing() : null;
    }
}
