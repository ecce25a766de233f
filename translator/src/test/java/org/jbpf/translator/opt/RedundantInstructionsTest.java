package org.jbpf.translator.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/**
 * Translates every probe class of the examples and of this module's tests (those it refuses on purpose aside) and
 * fails on any instruction {@link RedundantInstructions} finds: dead definitions, move chains, a stack slot reloaded
 * right after it was stored and jumps to the next instruction.
 */
class RedundantInstructionsTest {
    private static final Translator.ClassSource CLASSPATH = Translator.ClassSource.of(RedundantInstructionsTest.class.getClassLoader());

    /**
     * The class source for the corpus: directories named by {@code -Djbpf.redundant.corpus=dir:dir} (other modules'
     * probes, such as the benchmarks' and the integration tests', built after this one), then the class path.
     */
    private static Translator.ClassSource source(List<Path> extra) {
        return name -> {
            for (Path d : extra) {
                Path f = d.resolve(name + ".class");
                if (Files.exists(f)) return Files.readAllBytes(f);
            }
            return CLASSPATH.read(name);
        };
    }

    @Test
    void translatedProbesHaveNoRedundantInstructions() throws IOException {
        List<String> classes = new ArrayList<>(ProbeClassFiles.in(Path.of("../examples/target/classes")));
        for (String c : ProbeClassFiles.in(Path.of("target/test-classes")))
            if (!c.startsWith("org.jbpf.translator.bad.")) classes.add(c);
        List<Path> extra = new ArrayList<>();
        for (String d : System.getProperty("jbpf.redundant.corpus", "").split(":"))
            if (!d.isEmpty()) { extra.add(Path.of(d)); classes.addAll(ProbeClassFiles.in(Path.of(d))); }
        Translator.ClassSource source = source(extra);
        List<RedundantInstructions.Finding> found = new ArrayList<>();
        int programs = 0;
        for (String c : classes) {
            BpfObject o;
            try {
                o = Translator.translate(c, source, new Translator.Options(List.of()));
            } catch (TranslationException refused) {
                continue;   // a probe a test expects to be refused
            }
            programs += o.programs().size();
            found.addAll(RedundantInstructions.of(o));
        }
        assertTrue(programs >= 30, "only " + programs + " programs translated from " + classes.size() + " classes");
        StringBuilder report = new StringBuilder();
        found.forEach(f -> report.append('\n').append(f));
        assertEquals(0, found.size(), found.size() + " redundant instructions in " + programs + " programs:" + report);
    }

    @Test
    void eachPatternIsFound() {
        List<Insn> code = List.of(
                Insn.mov64Imm(2, 7),                 // dead: r2 is written again before any read
                Insn.mov64Imm(2, 1),
                Insn.mov64Reg(3, 2),                 // a chain: r2 is only copied on
                Insn.store(8, 10, -8, 3),
                Insn.load(8, 4, 10, -8),             // reloads what the store before it wrote
                Insn.ja(0),                          // to the next instruction
                Insn.alu64Reg(org.jbpf.core.asm.Opcodes.ADD, 4, 3),
                Insn.mov64Reg(0, 4),
                Insn.exit());
        ProgramSpec p = new ProgramSpec("p", "socket", code, List.of());
        BpfObject o = new BpfObject("t", "GPL", List.of(), List.of(p), null);
        List<String> found = RedundantInstructions.of(o).stream().map(f -> f.index() + " " + f.pattern()).toList();
        assertEquals(List.of("0 dead definition", "1 move chain", "3 store then reload", "5 jump to the next instruction"), found);
    }
}
