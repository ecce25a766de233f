package org.jbpf.loader;

/**
 * The one-line story of a program the kernel verifier refused: where (program, Java line, instruction) and why
 * (the verifier's reason line, e.g. {@code R2 invalid mem access 'scalar'}). The whole log is kept for who asks for
 * it: the CLI's --verbose, the agent's verbose option.
 */
public final class VerifierReason {
    private VerifierReason() {}

    /** Where the loader's message says the log tail starts; the line is shown without it. */
    private static final String TAIL_MARK = "; last lines of the verifier log:";

    /** The error line: the loader's head, then the verifier's reason and {@code howToSeeTheLog} in parentheses. */
    public static String line(VerifierException e, String howToSeeTheLog) {
        String head = e.getMessage() == null ? "the kernel verifier rejected program \"" + e.program() + "\"" : e.getMessage();
        int tail = head.indexOf(TAIL_MARK);
        if (tail >= 0) head = head.substring(0, tail);
        int nl = head.indexOf('\n');
        if (nl >= 0) head = head.substring(0, nl);
        String reason = reason(e.log());
        return reason == null ? head : head + ": " + reason + " (" + howToSeeTheLog + ")";
    }

    /**
     * The verifier's reason: the last line of the log that is neither instruction trace nor the closing statistics
     * ("processed N insns", "verification time", "stack depth"); null when the log has none.
     */
    public static String reason(String log) {
        if (log == null || log.isBlank()) return null;
        String[] lines = log.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("processed ") || l.startsWith("verification time") || l.startsWith("stack depth")
                    || isTrace(l)) continue;
            return l;
        }
        return null;
    }

    /** Instruction and register-state lines ("12: (79) r0 = ...", "12: R1=ctx()"): the trace, not the reason. */
    private static boolean isTrace(String line) {
        int i = 0;
        while (i < line.length() && Character.isDigit(line.charAt(i))) i++;
        return i > 0 && line.startsWith(": ", i);
    }
}
