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
}
