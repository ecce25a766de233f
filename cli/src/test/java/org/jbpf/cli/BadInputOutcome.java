package org.jbpf.cli;

import java.util.regex.Pattern;

/**
 * What the jbpf command must do with bad input: succeed (the damage was harmless), or exit 1 (error) or 3 (probe
 * rejected) with stderr lines that each begin "jbpf: ", name the input (or the Java line, program or map at fault),
 * and carry no Java internals: no stack frame, no exception class name, no "null" standing for a value. An error
 * (exit 1) is exactly one line.
 */
final class BadInputOutcome {
    /** Words that only Java's own failures put in a message. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\tat |Exception|Error\\b|: null\\b|\\(null\\)|\\bnull$|internal error|\\[B@|\\$[0-9]|Index -?\\d+ out of bounds");
    /**
     * Other ways a line may name what is wrong than by the input's name: a Java file and line (the class's own
     * SourceFile and line numbers, which damage may have changed too, to any letters), or a program or map of the
     * object by name.
     */
    private static final Pattern NAMES_A_PART = Pattern.compile("(?U)\\w\\.java:\\d+|\\b(program|map) \"[^\"]+\"");

    private BadInputOutcome() {}

    /** Null when {@code r} is an acceptable answer to a bad input called {@code name}; else what is wrong with it. */
    static String problem(Cli r, String name) {
        if (r.status() == ExitCodes.OK) return null;
        if (r.status() != ExitCodes.FAILED && r.status() != ExitCodes.REJECTED) return "exit status " + r.status() + ": " + r.err();
        String[] lines = r.err().split("\n");
        if (r.err().isBlank()) return "exit status " + r.status() + " with nothing on stderr";
        if (r.status() == ExitCodes.FAILED && lines.length != 1) return lines.length + " lines for one error: " + r.err();
        for (String line : lines) {
            if (!line.startsWith("jbpf: ")) return "a line that is not a jbpf message: " + line;
            if (!line.contains(name) && !NAMES_A_PART.matcher(line).find()) return "does not name " + name + ": " + line;
            if (INTERNALS.matcher(line).find()) return "Java internals in the message: " + line;
        }
        return null;
    }

    /** Null when {@code thrown} (from the loader API) is a jbpf error naming {@code name}; else what is wrong with it. */
    static String problem(Throwable thrown, String name) {
        if (thrown == null) return null;
        String m = thrown.getMessage();
        if (!thrown.getClass().getName().startsWith("org.jbpf.")) return "not a jbpf error: " + thrown;
        if (m == null || !m.contains(name) && !NAMES_A_PART.matcher(m).find()) return "does not name " + name + ": " + thrown;
        if (INTERNALS.matcher(m.replace(thrown.getClass().getName(), "")).find()) return "Java internals in the message: " + m;
        return null;
    }
}
