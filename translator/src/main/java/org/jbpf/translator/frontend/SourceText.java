package org.jbpf.translator.frontend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;

/**
 * Fills the text of each instruction's source line from the .java file when it can be found under a source root,
 * so {@code bpftool prog dump xlated} and verifier logs show Java code; otherwise the text is "File.java:LINE".
 */
public final class SourceText {
    private final List<Path> roots;
    private final String packagePath;
    private final Map<String, List<String>> files = new HashMap<>();

    public SourceText(List<Path> roots, String classInternalName) {
        this.roots = roots;
        int slash = classInternalName.lastIndexOf('/');
        this.packagePath = slash < 0 ? "" : classInternalName.substring(0, slash + 1);
    }

    public List<Insn> annotate(List<Insn> insns) {
        List<Insn> out = new ArrayList<>(insns.size());
        // a method without a line number table has no line to name (-1), and BTF line info cannot say "unknown"
        for (Insn in : insns) out.add(in.source() == null ? in : in.source().line() < 1 ? in.withSource(null) : in.withSource(annotate(in.source())));
        return out;
    }

    public SourceLine annotate(SourceLine s) {
        List<String> lines = lines(s.file());
        String text = lines != null && s.line() >= 1 && s.line() <= lines.size() ? lines.get(s.line() - 1).strip() : "";
        if (text.isEmpty()) text = s.file() + ":" + s.line();
        // BTF keeps the text as a C string: a NUL javac accepted in a literal is written as its escape
        return new SourceLine(s.file(), s.line(), 0, text.replace("\0", "\\0"));
    }

    /** The file's lines, read once (null when no source root has it, which is looked up once too). */
    private List<String> lines(String file) {
        if (files.containsKey(file)) return files.get(file);
        List<String> lines = read(file);
        files.put(file, lines);
        return lines;
    }

    private List<String> read(String file) {
        for (Path root : roots) {
            Path p;
            try {
                p = root.resolve(packagePath + file);
            } catch (java.nio.file.InvalidPathException e) {
                return null;  // a damaged class's SourceFile or package names no file: no source text
            }
            if (Files.isRegularFile(p)) {
                try {
                    return Files.readAllLines(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
