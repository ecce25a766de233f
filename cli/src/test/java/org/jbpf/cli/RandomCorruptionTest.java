package org.jbpf.cli;

import static org.jbpf.cli.BadInputCases.inTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jbpf.BPF;
import org.jbpf.cli.BadInputCases.Tally;
import org.jbpf.core.damage.RandomCorruption;
import org.jbpf.core.elf.ElfFile;
import org.jbpf.core.obj.ObjectFormatException;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.RandomSeed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corruption drawn at random ({@link RandomCorruption}: stacked byte flips, fields set to 0, all ones or huge values,
 * spans swapped or copied, files cut or grown) of the same sound inputs {@link BadInputFuzzTest} damages one place
 * at a time: the examples' objects and the one clang builds, their BTF alone, the probe classes and the @Struct
 * classes they use. Each mutant goes through the real entry point (the object reader, {@code disasm}, {@code
 * verify}, {@code run} and the loader API into the kernel, {@code gen btf --btf}, {@code translate}) and must end
 * loaded or translated, or as {@link BadInputOutcome} says, within a time bound. Seeds are fixed ({@link RandomSeed});
 * a failure prints the edits that made its mutant; {@code -Djbpf.fuzz.randomCases=N} scales the number of cases.
 */
class RandomCorruptionTest {
    static final long SEED = RandomSeed.of(0x636f7272L);
    static final int SCALE = Integer.getInteger("jbpf.fuzz.randomCases", 300);
    /** -Djbpf.fuzz.only=N: only case N of each test, to replay one. */
    static final Integer ONLY = BadInputFuzzTest.ONLY;

    @TempDir static Path dir;

    @BeforeAll static void soundInputs() throws Exception { BadInputFuzzTest.soundInputs(dir); }

    private static Map<String, byte[]> objects() { return BadInputFuzzTest.objects; }

    /** Each mutant read in this process as every object command reads it: read, or refused naming the object. */
    @Test void thousandsOfRandomlyCorruptedObjectsAreReadOrRefusedNamingThem() throws Exception {
        List<String> failures = new ArrayList<>();
        Map<String, int[]> outcomes = new LinkedHashMap<>();
        for (String name : objects().keySet()) {
            RandomCorruption corruption = RandomCorruption.ofObject(objects().get(name), name);
            int[] tally = outcomes.computeIfAbsent(name, k -> new int[2]);
            for (int c = 0; c < SCALE * 5; c++) {
                if (ONLY != null && c != ONLY) continue;
                List<String> edits = new ArrayList<>();
                byte[] bad = corruption.corrupt(new Random(SEED * 59 + c * 37L + name.hashCode()), edits);
                Throwable thrown = inTime(() -> {
                    try {
                        ObjectReader.read(bad, name);
                        return null;
                    } catch (RuntimeException | StackOverflowError e) {
                        return e;
                    }
                });
                tally[thrown == null ? 0 : 1]++;
                if (thrown != null && (!(thrown instanceof ObjectFormatException) || !thrown.getMessage().startsWith(name + ": ")))
                    failures.add(name + " case " + c + " " + edits + ": " + thrown + at(thrown));
            }
        }
        outcomes.forEach((name, t) -> System.out.printf("random corruption of %s: read %d, refused %d%n", name, t[0], t[1]));
        failures.stream().limit(20).forEach(System.out::println);
        assertTrue(failures.isEmpty(), failures.size() + " corrupted objects escaped as something else; first: " + (failures.isEmpty() ? "" : failures.get(0)));
        for (var e : outcomes.entrySet())
            assertTrue(ONLY != null || e.getValue()[1] >= SCALE, e.getKey() + ": only " + e.getValue()[1] + " refused: the corruption misses");
    }

    @Test void randomlyCorruptedObjectsAreDisassembledAndVerifiedOrRefusedInOneLine() throws Exception {
        Tally tally = new Tally(SEED, ONLY != null);
        List<String> names = new ArrayList<>(objects().keySet());
        for (int c = 0; c < SCALE; c++) {
            if (ONLY != null && c != ONLY) continue;
            String name = names.get(c % names.size());
            List<String> edits = new ArrayList<>();
            Path file = write(c, name + ".o", RandomCorruption.ofObject(objects().get(name), name).corrupt(new Random(SEED * 61 + c), edits));
            String what = "object case " + c + " " + edits;
            tally.check(what + " disasm", name, name, "disasm", file.toString());
            tally.check(what + " verify", name, name, "verify", file.toString());
        }
        tally.assertClean("randomly corrupted objects", SCALE / 4);
    }

    /** Into the kernel: the command's load and the loader API; the kernel's refusals must be told in one line too. */
    @Test void randomlyCorruptedObjectsLoadOrAreRefusedInOneLine() throws Exception {
        Kernel.requireTracefs();
        Tally tally = new Tally(SEED, ONLY != null);
        List<String> names = new ArrayList<>(objects().keySet());
        for (int c = 0; c < SCALE / 3; c++) {
            if (ONLY != null && c != ONLY) continue;
            String name = names.get(c % names.size());
            List<String> edits = new ArrayList<>();
            Path file = write(c, name + ".o", RandomCorruption.ofObject(objects().get(name), name).corrupt(new Random(SEED * 67 + c), edits));
            String what = "load case " + c + " " + edits;
            tally.check(what + " run", name, name, "run", file.toString(), "-d", "1ms");
            tally.check(what + " BPF.open", name, BadInputOutcome.problem(inTime(() -> {
                try (BPF bpf = BPF.open(file)) {
                    bpf.attachAll();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }), name));
        }
        tally.assertClean("randomly corrupted objects loaded", SCALE / 12);
    }

    @Test void randomlyCorruptedBtfIsReadOrRefusedByGenBtfInOneLine() throws Exception {
        Tally tally = new Tally(SEED, ONLY != null);
        List<String> names = new ArrayList<>(objects().keySet());
        for (int c = 0; c < SCALE / 2; c++) {
            if (ONLY != null && c != ONLY) continue;
            String name = names.get(c % names.size());
            ElfFile elf = ElfFile.parse(objects().get(name), name);
            List<String> edits = new ArrayList<>();
            byte[] btf = RandomCorruption.ofBtf(elf.data(elf.section(".BTF"))).corrupt(new Random(SEED * 71 + c), edits);
            Path file = write(c, name + ".btf", btf);
            Path out = file.getParent().resolve("gen");
            tally.check("BTF case " + c + " " + edits, name, name + ".btf", "gen", "btf", "--btf", file.toString(), "-o", out.toString(),
                    "task_struct.pid");
        }
        tally.assertClean("randomly corrupted BTF", SCALE / 8);
    }

    @Test void randomlyCorruptedClassesTranslateOrFailInOneLineNamingThem() throws Exception {
        Tally tally = new Tally(SEED, ONLY != null);
        List<String> names = new ArrayList<>(BadInputFuzzTest.classes.keySet());
        for (int c = 0; c < SCALE / 2; c++) {
            if (ONLY != null && c != ONLY) continue;
            String name = names.get(c % names.size());
            List<String> edits = new ArrayList<>();
            Path file = write(c, name + ".class", RandomCorruption.ofClass(BadInputFuzzTest.classes.get(name)).corrupt(new Random(SEED * 73 + c), edits));
            String what = "class case " + c + " " + edits;
            tally.check(what + " translate", name, name, "translate", file.toString(), "-cp", CommandLineTest.EXAMPLES, "-o",
                    file.getParent().resolve("out").toString());
            tally.check(what + " verify", name, name, "verify", file.toString(), "-cp", CommandLineTest.EXAMPLES);
        }
        tally.assertClean("randomly corrupted classes", SCALE / 8);
    }

    /** A sound probe whose @Struct class, first on the class path, is corrupted: named by the struct's file or the probe's line. */
    @Test void randomlyCorruptedStructClassesAreNamedByTheProbesThatUseThem() throws Exception {
        Tally tally = new Tally(SEED, ONLY != null);
        List<String> structs = new ArrayList<>(BadInputFuzzTest.structs.keySet());
        for (int c = 0; c < SCALE / 4; c++) {
            if (ONLY != null && c != ONLY) continue;
            String struct = structs.get(c % structs.size()), simple = struct.substring(struct.lastIndexOf('/') + 1);
            Path root = Files.createDirectories(dir.resolve("struct" + c));
            Path file = Files.createDirectories(root.resolve(struct).getParent()).resolve(simple + ".class");
            List<String> edits = new ArrayList<>();
            Files.write(file, RandomCorruption.ofClass(BadInputFuzzTest.structs.get(struct)).corrupt(new Random(SEED * 79 + c), edits));
            String probe = BadInputFuzzTest.binaryNames.entrySet().stream()
                    .filter(e -> BadInputFuzzTest.uses(BadInputFuzzTest.classes.get(e.getKey()), struct)).map(Map.Entry::getValue)
                    .findFirst().orElseThrow();
            tally.check("struct case " + c + " " + edits + " used by " + probe, simple, simple, "translate", probe,
                    "-cp", root + ":" + CommandLineTest.EXAMPLES, "-o", root.resolve("out").toString());
        }
        tally.assertClean("randomly corrupted struct classes", SCALE / 32);
    }

    /**
     * Mutants the corruption found, pinned by what they hold: a map without room for an entry reached the kernel, whose
     * EINVAL named neither the parameter nor the file; and a section name with a damaged byte named the program alone.
     */
    @Test void foundMutantsAreRefusedNamingTheFileAndWhatIsWrong() throws Exception {
        Kernel.requireTracefs();
        BpfObject sound = ObjectReader.read(objects().get("ProcessCounter"), "ProcessCounter");
        MapSpec m = sound.maps().get(0);
        MapSpec empty = new MapSpec(m.name(), m.type(), m.keySize(), m.valueSize(), 0, m.flags(), m.btfKeyType(), m.btfValueType(), m.pinning());
        Path noRoom = write(-1, "NoRoom.o", ObjectWriter.write(new BpfObject(sound.name(), sound.license(),
                java.util.stream.Stream.concat(java.util.stream.Stream.of(empty), sound.maps().stream().skip(1)).toList(), sound.programs(), sound.btf())));
        Cli r = BadInputCases.cli("run", noRoom.toString(), "-d", "1ms");
        assertEquals("jbpf: " + noRoom + ": map \"" + m.name() + "\" (hash) has max_entries 0; it needs room for at least one entry\n", r.err());
        assertEquals(ExitCodes.FAILED, r.status());

        ProgramSpec p = sound.programs().get(0);
        String damagedSection = p.section().replace("sys_enter", "sys\u00e9enter");
        Path badName = write(-2, "BadName.o", ObjectWriter.write(new BpfObject(sound.name(), sound.license(), sound.maps(),
                List.of(new ProgramSpec(p.name(), damagedSection, p.insns(), p.funcInfos(), p.coreRelocations())), sound.btf())));
        r = BadInputCases.cli("run", badName.toString(), "-d", "1ms");
        // the damaged name is shown escaped, as Java would write it
        assertTrue(r.err().startsWith("jbpf: " + badName + ": program \"" + p.name() + "\": section \"" + damagedSection.replace("\u00e9", "\\u00e9")
                + "\" has the unprintable character \\u00e9 at index "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals(ExitCodes.FAILED, r.status());
    }

    /** Where an unexpected exception came from: its first frames. */
    private static String at(Throwable t) {
        return " at " + String.join(" < ", Arrays.stream(t.getStackTrace()).limit(4).map(String::valueOf).toList());
    }

    private static Path write(int c, String fileName, byte[] bytes) throws Exception {
        Path file = Files.createDirectories(dir.resolve("case" + c)).resolve(fileName);
        Files.write(file, bytes);
        return file;
    }
}
