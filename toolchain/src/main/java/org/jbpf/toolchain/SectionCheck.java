package org.jbpf.toolchain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.jbpf.core.program.Section;
import org.jbpf.core.program.SectionKind;
import org.jbpf.loader.attach.ElfSymbols;
import org.jbpf.core.program.NearNames;
import org.jbpf.loader.attach.Tracefs;
import org.jbpf.loader.attach.UprobeFiles;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.translator.TranslationException;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Checks the attach targets that {@code @Section} names at translation time, where the mistake has a Java line,
 * instead of at attach time: core's {@link Section} validates the name (bpftrace's colon syntax gets the slash
 * form), and on a machine with a readable tracefs a
 * tracepoint that does not exist gets the nearest existing name ({@code sys_enter_exceve}: did you mean
 * {@code sys_enter_execve}?); a uprobe on a file present here must name one of its functions.
 */
final class SectionCheck {
    /** Where the kernel lists its tracepoints, one directory per category and one per tracepoint within it. */
    static final Path TRACEFS_EVENTS = Path.of("/sys/kernel/tracing/events");

    private final Path events;

    SectionCheck(Path events) { this.events = events; }

    /** @throws TranslationException naming the Java line of the first section whose target is wrong */
    void check(byte[] classFile) {
        ClassNode c = new ClassNode();
        new ClassReader(classFile).accept(c, ClassReader.SKIP_FRAMES);
        for (MethodNode m : c.methods) {
            String section = sectionOf(m);
            if (section == null) continue;
            String problem = problem(section);
            if (problem != null) throw new TranslationException(c.sourceFile, firstLine(m), problem + " (@Section of " + m.name + ")");
        }
    }

    /** What is wrong with {@code section}, or null. */
    String problem(String section) {
        Section parsed;
        try {
            parsed = Section.parse(section);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (parsed.kind() == SectionKind.UPROBE || parsed.kind() == SectionKind.URETPROBE)
            return parsed.hasTarget() ? uprobeProblem(parsed) : null;
        if (parsed.kind() != SectionKind.TRACEPOINT || !Files.isDirectory(events) || !Files.isReadable(events)) return null;
        String category = parsed.tracepointCategory(), name = parsed.tracepointName();
        if (!Files.isDirectory(events.resolve(category)))
            return "no tracepoint category " + category + " on this machine (" + events + ")" + NearNames.didYouMean(category, Tracefs.children(events));
        if (!Files.isDirectory(events.resolve(category).resolve(name)))
            return "no tracepoint " + category + "/" + name + " on this machine" + NearNames.didYouMean(name, Tracefs.children(events.resolve(category)));
        return null;
    }

    /**
     * What is wrong with a uprobe's file or function on this machine, or null. A file that is absent here may exist
     * where the probe runs, so only a present file is searched for the function.
     */
    private static String uprobeProblem(Section uprobe) {
        Path file = UprobeFiles.find(uprobe.uprobePath());
        if (file == null) return null;
        if (!Files.isRegularFile(file)) return "uprobe file " + file + " is not a regular file";
        String symbol = uprobe.uprobeSymbol();
        int plus = symbol.indexOf('+');
        String function = plus > 0 ? symbol.substring(0, plus) : symbol;
        if (function.isEmpty() || function.startsWith("0x") || Character.isDigit(function.charAt(0))) return null;
        Set<String> functions;
        try {
            functions = ElfSymbols.functionNames(file);
        } catch (BpfException e) {
            return e.getMessage();
        }
        if (functions.contains(function)) return null;
        return "no function " + function + " in " + file + " (.symtab/.dynsym)" + NearNames.didYouMean(function, functions);
    }

    private static String sectionOf(MethodNode m) {
        if (m.visibleAnnotations == null) return null;
        for (AnnotationNode a : m.visibleAnnotations)
            if (a.desc.equals("Lorg/jbpf/Section;") && a.values != null)
                for (int i = 0; i + 1 < a.values.size(); i += 2) if ("value".equals(a.values.get(i))) return (String) a.values.get(i + 1);
        return null;
    }

    private static int firstLine(MethodNode m) {
        for (var insn : m.instructions) if (insn instanceof LineNumberNode l) return l.line;
        return -1;
    }
}
