package org.jbpf.translator.fuzz;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jbpf.core.btf.BtfReader;
import org.jbpf.core.elf.Elf;
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
    enum Kind { SECTION_HEADER, SWAPPED_SECTION_HEADERS, RELOCATION, SYMBOL, CODE, BTF, BTF_HEADER, BTF_EXT, ELF_HEADER }

    private static final long[] EXTREMES = {0, 1, 2, 3, 7, 8, 9, 0x7f, 0xff, 0xffff, 0x7fffffffL, 0xffffffffL, -1L, -8L, Long.MIN_VALUE, 1L << 32};

    record Sample(String name, byte[] elf, ElfFile parsed) {}

    @Test
    void damagedTranslatedObjectsGiveOnlyFormatErrors() {
        int cases = Integer.getInteger("jbpf.fuzz.objectCases", 12_000);
        List<Sample> samples = new ArrayList<>();
        for (String e : TranslatorFuzzTest.EXAMPLES) {
            byte[] elf = ObjectWriter.write(Translator.translate("org.jbpf.examples." + e,
                    Translator.ClassSource.of(getClass().getClassLoader()), TranslatorFuzzTest.NO_SOURCES));
            samples.add(new Sample(e, elf, ElfFile.parse(elf, e + ".o")));
        }
        Map<Kind, int[]> tally = new LinkedHashMap<>();  // tried, read, refused
        for (Kind k : Kind.values()) tally.put(k, new int[3]);
        int btfTried = 0, btfRefused = 0;
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        try (CaseRunner runner = new CaseRunner(TranslatorFuzzTest.CASE_TIMEOUT_MS)) {
            for (int c = 0; c < cases; c++) {
                Random rnd = new Random(TranslatorFuzzTest.SEED * 17 + c);
                Sample s = samples.get(c % samples.size());
                Kind kind = Kind.values()[(c / samples.size()) % Kind.values().length];
                byte[] bad = mutate(s, kind, rnd);
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

                if (kind == Kind.BTF || kind == Kind.BTF_HEADER) {
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

    static byte[] mutate(Sample s, Kind kind, Random rnd) {
        byte[] b = s.elf().clone();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        ElfFile elf = s.parsed();
        long shoff = buf.getLong(40);
        List<ElfFile.Section> sections = elf.sections();
        switch (kind) {
            case ELF_HEADER -> {
                int[] fields = {16, 18, 20, 24, 32, 40, 48, 52, 54, 56, 58, 60, 62};  // e_type .. e_shstrndx
                int at = fields[rnd.nextInt(fields.length)];
                put(buf, at, at >= 52 ? 2 : at >= 48 || at == 20 ? 4 : at == 16 || at == 18 ? 2 : 8, extreme(rnd));
            }
            case SECTION_HEADER -> {
                ElfFile.Section sec = sections.get(rnd.nextInt(sections.size()));
                int base = (int) (shoff + 64L * sec.index());
                int[][] fields = {{0, 4}, {4, 4}, {8, 8}, {24, 8}, {32, 8}, {40, 4}, {44, 4}, {48, 8}, {56, 8}};
                int[] f = fields[rnd.nextInt(fields.length)];
                long v = rnd.nextBoolean() ? extreme(rnd) : f[0] == 4 ? new int[] {Elf.SHT_REL, Elf.SHT_SYMTAB, Elf.SHT_STRTAB, 1, 8}[rnd.nextInt(5)]
                        : rnd.nextInt(sections.size() + 2);
                put(buf, base + f[0], f[1], v);
            }
            case SWAPPED_SECTION_HEADERS -> {
                int a = (int) (shoff + 64L * rnd.nextInt(sections.size())), c = (int) (shoff + 64L * rnd.nextInt(sections.size()));
                int field = new int[] {0, 24, 32, 40}[rnd.nextInt(4)];
                int len = field == 0 || field == 40 ? 8 : 16;  // name+type, offset+size, size+link, link+info
                byte[] tmp = java.util.Arrays.copyOfRange(b, a + field, a + field + len);
                System.arraycopy(b, c + field, b, a + field, len);
                System.arraycopy(tmp, 0, b, c + field, len);
            }
            case RELOCATION -> {
                List<ElfFile.Section> rels = sections.stream().filter(x -> x.type() == Elf.SHT_REL && x.size() >= 16).toList();
                if (rels.isEmpty()) return flip(b, rnd, 0, b.length);
                ElfFile.Section rel = rels.get(rnd.nextInt(rels.size()));
                int entry = (int) (rel.offset() + 16L * rnd.nextInt((int) (rel.size() / 16)));
                switch (rnd.nextInt(3)) {
                    case 0 -> buf.putLong(entry, rnd.nextBoolean() ? extreme(rnd) : buf.getLong(entry) + rnd.nextInt(33) - 16);
                    case 1 -> buf.putInt(entry + 12, rnd.nextBoolean() ? (int) extreme(rnd) : rnd.nextInt(elf.symbols().size() + 3));
                    default -> buf.putInt(entry + 8, rnd.nextInt(16));
                }
            }
            case SYMBOL -> {
                ElfFile.Section symtab = sections.stream().filter(x -> x.type() == Elf.SHT_SYMTAB).findFirst().orElseThrow();
                int entry = (int) (symtab.offset() + 24L * rnd.nextInt((int) (symtab.size() / 24)));
                int[][] fields = {{0, 4}, {4, 1}, {6, 2}, {8, 8}, {16, 8}};
                int[] f = fields[rnd.nextInt(fields.length)];
                long v = rnd.nextBoolean() ? extreme(rnd) : f[0] == 6 ? rnd.nextInt(sections.size() + 2) : f[0] == 8 ? 8L * rnd.nextInt(64) + rnd.nextInt(2) * 4 : rnd.nextInt(256);
                put(buf, entry + f[0], f[1], v);
            }
            case CODE -> {
                List<ElfFile.Section> code = sections.stream().filter(x -> x.isExecutable() && x.size() > 0).toList();
                ElfFile.Section sec = code.get(rnd.nextInt(code.size()));
                int insn = (int) (sec.offset() + 8L * rnd.nextInt((int) (sec.size() / 8)));
                switch (rnd.nextInt(3)) {
                    case 0 -> b[insn] = (byte) rnd.nextInt(256);                     // opcode
                    case 1 -> buf.putShort(insn + 2, (short) rnd.nextInt(65536));     // jump offset
                    default -> b[insn + 1] = (byte) rnd.nextInt(256);                 // registers
                }
            }
            case BTF -> {
                ElfFile.Section btf = elf.section(".BTF");
                return flip(b, rnd, (int) btf.offset() + 24, (int) (btf.offset() + btf.size()));
            }
            case BTF_HEADER -> {
                ElfFile.Section btf = elf.section(".BTF");
                int at = (int) btf.offset() + 4 + 4 * rnd.nextInt(5);
                buf.putInt(at, rnd.nextBoolean() ? (int) extreme(rnd) : buf.getInt(at) + rnd.nextInt(17) - 8);
            }
            case BTF_EXT -> {
                ElfFile.Section ext = elf.section(".BTF.ext");
                if (ext == null) return flip(b, rnd, 0, b.length);
                return flip(b, rnd, (int) ext.offset(), (int) (ext.offset() + ext.size()));
            }
        }
        return b;
    }

    private static byte[] flip(byte[] b, Random rnd, int from, int to) {
        for (int k = 0, n = 1 + rnd.nextInt(3); k < n; k++) b[from + rnd.nextInt(to - from)] = (byte) rnd.nextInt(256);
        return b;
    }

    private static long extreme(Random rnd) { return EXTREMES[rnd.nextInt(EXTREMES.length)]; }

    private static void put(ByteBuffer buf, int at, int width, long v) {
        switch (width) {
            case 1 -> buf.put(at, (byte) v);
            case 2 -> buf.putShort(at, (short) v);
            case 4 -> buf.putInt(at, (int) v);
            default -> buf.putLong(at, v);
        }
    }
}
