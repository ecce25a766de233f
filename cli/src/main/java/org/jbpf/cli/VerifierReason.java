package org.jbpf.cli;

import java.util.regex.Pattern;
import org.jbpf.loader.VerifierException;

/**
 * The one-line story of a program the kernel verifier refused: where (program, Java line, instruction) and why
 * (the verifier's reason line, e.g. {@code R2 invalid mem access 'scalar'}). The whole log is for --verbose.
 */
final class VerifierReason {
    private VerifierReason() {}

    /** Where the loader's message says the log tail starts; the line is shown without it. */
    private static final String TAIL_MARK = "; last lines of the verifier log:";
    /** Instruction and register-state lines ("12: (79) r0 = ...", "12: R1=ctx()"): the trace, not the reason. */
    private static final Pattern TRACE_LINE = Pattern.compile("^\\d+: ");

    /** The error line: the loader's head, then the verifier's reason. */
    static String line(VerifierException e) {
        String head = e.getMessage() == null ? "the kernel verifier rejected program \"" + e.program() + "\"" : e.getMessage();
        int tail = head.indexOf(TAIL_MARK);
        if (tail >= 0) head = head.substring(0, tail);
        int nl = head.indexOf('\n');
        if (nl >= 0) head = head.substring(0, nl);
        String reason = reason(e.log());
        return reason == null ? head : head + ": " + reason + " (--verbose prints the whole verifier log)";
    }

    /**
     * The verifier's reason: the last line of the log that is neither instruction trace nor the closing statistics
     * ("processed N insns", "verification time", "stack depth"); null when the log has none.
     */
    static String reason(String log) {
        if (log == null || log.isBlank()) return null;
        String[] lines = log.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("processed ") || l.startsWith("verification time") || l.startsWith("stack depth")
                    || TRACE_LINE.matcher(l).find()) continue;
            return l;
        }
        return null;
    }
}
