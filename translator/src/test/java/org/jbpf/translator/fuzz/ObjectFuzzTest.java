package org.jbpf.translator.fuzz;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jbpf.core.btf.BtfReader;
import org.jbpf.core.damage.ObjectDamage;
import org.jbpf.core.damage.ObjectDamage.Kind;
import org.jbpf.core.elf.ElfFile;
import org.jbpf.core.obj.ObjectFormatException;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/**
 * Damages the ELF objects translated from the examples where it hurts most (section headers, relocations, symbols,
 * code, .BTF and .BTF.ext) and hands them to the object reader the loader uses, and the .BTF bytes alone to the BTF
 * reader. Each must return or throw {@link ObjectFormatException} naming the object, within the time bound.
 * Complements core's MalformedObjectTest and BtfRoundTripTest, which damage a hand-built sample object at random.
 * {@code -Djbpf.fuzz.objectCases=N} changes the number of cases (default 12,000).
 */
class ObjectFuzzTest {
    /** The damage the object reader and the BTF reader get (the command line's fuzz test adds maps, license and truncation). */
    private static final Kind[] KINDS = {Kind.SECTION_HEADER, Kind.SWAPPED_SECTION_HEADERS, Kind.RELOCATION, Kind.SYMBOL, Kind.CODE,
        Kind.BTF_TYPES, Kind.BTF_STRINGS, Kind.BTF_HEADER, Kind.BTF_EXT, Kind.ELF_HEADER};

    record Sample(String name, ElfFile parsed, ObjectDamage damage) {}

    @Test
    void damagedTranslatedObjectsGiveOnlyFormatErrors() {
        int cases = Integer.getInteger("jbpf.fuzz.objectCases", 12_000);
        List<Sample> samples = new ArrayList<>();
        for (String e : TranslatorFuzzTest.EXAMPLES) {
            byte[] elf = ObjectWriter.write(Translator.translate("org.jbpf.examples." + e,
                    Translator.ClassSource.of(getClass().getClassLoader()), TranslatorFuzzTest.NO_SOURCES));
            samples.add(new Sample(e, ElfFile.parse(elf, e + ".o"), new ObjectDamage(elf, e + ".o")));
        }
        Map<Kind, int[]> tally = new LinkedHashMap<>();  // tried, read, refused
        for (Kind k : KINDS) tally.put(k, new int[3]);
        int btfTried = 0, btfRefused = 0;
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        try (CaseRunner runner = new CaseRunner(TranslatorFuzzTest.CASE_TIMEOUT_MS)) {
            for (int c = 0; c < cases; c++) {
                Random rnd = new Random(TranslatorFuzzTest.SEED * 17 + c);
                Sample s = samples.get(c % samples.size());
                Kind kind = KINDS[(c / samples.size()) % KINDS.length];
                byte[] bad = s.damage().damage(kind, rnd);
                int[] t = tally.get(kind);
                t[0]++;
                String object = s.name() + ".o";
                String what = "case " + c + " (" + kind + " of " + object + ", seed " + (TranslatorFuzzTest.SEED * 17 + c) + ")";
                CaseRunner.Outcome<Object> o = runner.run(() -> ObjectReader.read(bad, object));
                if (o.timedOut()) failures.add(what + ": no result within " + TranslatorFuzzTest.CASE_TIMEOUT_MS + " ms of CPU time");
                else if (o.thrown() instanceof ObjectFormatException f) {
                    if (!f.getMessage().startsWith(object)) failures.add(what + ": message does not name the object: " + f.getMessage());
                    else t[2]++;
                } else if (o.thrown() != null) failures.add(what + ": " + o.thrown());
                else t[1]++;

                if (kind == Kind.BTF_TYPES || kind == Kind.BTF_STRINGS || kind == Kind.BTF_HEADER) {
                    // the same damage given to the BTF reader alone
                    ElfFile.Section btf = s.parsed().section(".BTF");
                    byte[] raw = java.util.Arrays.copyOfRange(bad, (int) btf.offset(), (int) (btf.offset() + btf.size()));
                    btfTried++;
                    CaseRunner.Outcome<Object> b = runner.run(() -> BtfReader.read(raw, object + " section .BTF"));
                    if (b.timedOut()) failures.add(what + " BTF alone: no result in time");
                    else if (b.thrown() instanceof ObjectFormatException) btfRefused++;
                    else if (b.thrown() != null) failures.add(what + " BTF alone: " + b.thrown());
                }
            }
        }
        StringBuilder report = new StringBuilder("object fuzz: " + cases + " damaged objects in " + (System.nanoTime() - start) / 1_000_000 + " ms\n");
        int refused = 0;
        for (var e : tally.entrySet()) {
            refused += e.getValue()[2];
            report.append(String.format("  %-24s tried %5d  read %5d  refused %5d%n", e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]));
        }
        report.append(String.format("  %-24s tried %5d  refused %5d%n", "BTF reader alone", btfTried, btfRefused));
        report.append("  unexpected " + failures.size() + "\n");
        System.out.print(report);
        failures.stream().limit(30).forEach(System.out::println);
        assertTrue(failures.isEmpty(), failures.size() + " damaged objects escaped as something else; first: " + (failures.isEmpty() ? "" : failures.get(0)));
        assertTrue(refused > cases / 4, "only " + refused + " of " + cases + " damaged objects were refused");
    }

}
