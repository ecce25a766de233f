package org.jbpf.translator;

/**
 * A probe class jbpf cannot translate. The message starts with the Java position ({@code File.java:LINE: }) when
 * one is known and says what to write instead.
 */
public class TranslationException extends RuntimeException {
    private final String file;
    private final int line;

    public TranslationException(String file, int line, String message) {
        super(position(file, line) + message);
        this.file = file;
        this.line = line;
    }

    public TranslationException(String message) { this(null, -1, message); }

    private static String position(String file, int line) {
        if (file == null) return "";
        return line > 0 ? file + ":" + line + ": " : file + ": ";
    }

    public String file() { return file; }
    public int line() { return line; }
}
