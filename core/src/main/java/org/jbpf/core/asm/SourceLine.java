package org.jbpf.core.asm;

/**
 * Where an instruction came from: a source file, its 1-based line and (when known) the text of that line.
 * Becomes a BTF line_info record in the object file.
 */
public record SourceLine(String file, int line, int column, String text) {
    public SourceLine {
        if (file == null) file = "";
        if (text == null) text = "";
    }

    public SourceLine(String file, int line) { this(file, line, 0, ""); }

    @Override public String toString() { return file + ":" + line; }

    // spelled out: the record's own are bound through method handles at their first call, milliseconds of a cold start
    @Override public boolean equals(Object o) {
        return o instanceof SourceLine s && line == s.line && column == s.column && file.equals(s.file) && text.equals(s.text);
    }
    @Override public int hashCode() { return ((file.hashCode() * 31 + line) * 31 + column) * 31 + text.hashCode(); }
}
