package org.jbpf.translator;

/**
 * A probe class jbpf cannot translate. The message starts with the Java position ({@code File.java:LINE: }) when
 * one is known and says what to write instead.
 */
public class TranslationException extends RuntimeException {
    private final String file;
    private final int line;
    /** Whether the message names a method and bytecode offset in place of a line (a class without line numbers). */
    private final boolean atOffset;

    public TranslationException(String file, int line, String message) { this(file, line, message, false); }

    /** With {@code atOffset}, the message already says where: a method and bytecode offset, which no caller replaces. */
    public TranslationException(String file, int line, String message, boolean atOffset) {
        super(position(file, line) + message);
        this.file = file;
        this.line = line;
        this.atOffset = atOffset;
    }

    public TranslationException(String message) { this(null, -1, message); }

    private static String position(String file, int line) {
        if (file == null) return "";
        return line > 0 ? file + ":" + line + ": " : file + ": ";
    }

    public String file() { return file; }
    public int line() { return line; }

    /** Whether the message says where in the class it is: at a line, or at a method and bytecode offset. */
    public boolean placed() { return line > 0 || atOffset; }
}
