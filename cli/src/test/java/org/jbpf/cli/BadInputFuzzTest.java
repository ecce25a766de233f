package org.jbpf.cli;

import static org.jbpf.cli.BadInputCases.inTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jbpf.BPF;
import org.jbpf.cli.BadInputCases.Tally;
import org.jbpf.core.damage.ClassDamage;
import org.jbpf.core.damage.ObjectDamage;
import org.jbpf.core.obj.ObjectFormatException;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.RandomSeed;
import org.jbpf.testsupport.Tools;
import org.jbpf.testsupport.TracingOn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged class files, BPF objects and BTF fed to every command that reads them: {@code translate} and
 * {@code verify} for probe classes, {@code translate} for the @Struct classes a sound probe uses; {@code disasm},
 * {@code verify} and {@code run} (the kernel's load path, and the loader API beside it) for objects;
 * {@code gen btf --btf} for BTF; the objects are the examples' and two clang builds from C. Each case must succeed or end as
 * {@link BadInputOutcome} says: one clear line naming the input, within a time bound. The damage is drawn from a
 * fixed seed ({@link RandomSeed}; {@code -Djbpf.random.seed=N} replays N), so a failure names the case that repeats
 * it; {@code -Djbpf.fuzz.cliCases=N} scales the number of cases.
 */
@ExtendWith(TracingOn.class)   // its stderr is compared line by line: no 'tracing is off' line
class BadInputFuzzTest {
    /** Examples under org.jbpf.examples: maps of each kind, events, printk, CO-RE reads of kernel structs (ExecSnoop), XDP. */
    static final String[] EXAMPLES = {"ProcessCounter", "OpenCounter", "ReadLatency", "EventSampler", "PerCpuCounters",
            "ExecPerfEvents", "ExecRingEvents", "HelloPrintk", "kernel.ExecSnoop", "net.XdpFirewall"};
    static final long SEED = RandomSeed.of(0x62616469L);
    static final int SCALE = Integer.getInteger("jbpf.fuzz.cliCases", 400);
    /** -Djbpf.fuzz.only=N: only case N of each test, to replay one. */
    static final Integer ONLY = Integer.getInteger("jbpf.fuzz.only");

    @TempDir static Path dir;
    static final Map<String, byte[]> objects = new LinkedHashMap<>(), classes = new LinkedHashMap<>();
    /** The examples' own other classes (their @Struct records) by binary name, read from the class path. */
    static final Map<String, byte[]> structs = new LinkedHashMap<>();
    /** Each example's binary name by its simple name. */
    static final Map<String, String> binaryNames = new LinkedHashMap<>();

    @BeforeAll static void translateTheExamples() throws Exception { soundInputs(dir); }

    /**
     * Fills {@link #objects}, {@link #classes}, {@link #structs} and {@link #binaryNames} once, translating under
     * {@code dir}; the other bad-input tests start from the same sound inputs.
     */
    static synchronized void soundInputs(Path dir) throws Exception {
        if (!objects.isEmpty()) return;
        Path sound = Files.createDirectories(dir.resolve("sound"));
        for (String example : EXAMPLES) {
            String e = example.substring(example.lastIndexOf('.') + 1);
            Cli r = Cli.run("translate", "org.jbpf.examples." + example, "-cp", CommandLineTest.EXAMPLES, "-o", sound.toString(), "--no-verify");
            assertEquals(0, r.status(), r.err());
            objects.put(e, Files.readAllBytes(sound.resolve(e + ".o")));
            String internal = "org/jbpf/examples/" + example.replace('.', '/');
            classes.put(e, resource(internal + ".class"));
            binaryNames.put(e, "org.jbpf.examples." + example);
            for (String used : classesUsed(classes.get(e)))
                if (used.startsWith("org/jbpf/examples/") && !used.equals(internal) && !structs.containsKey(used))
                    structs.put(used, resource(used + ".class"));
        }
        structs.values().removeIf(java.util.Objects::isNull);
        assertTrue(structs.size() >= 1, "the examples use @Struct classes: " + structs.keySet());
        String clang = Tools.find("clang-19") != null ? "clang-19" : Tools.find("clang") != null ? "clang" : null;
        if (clang != null)
            for (String c : new String[] {CLANG_OBJECT, CLANG_LEGACY_OBJECT}) objects.put(c, clangObject(clang, sound, c));
    }

    /** An object clang builds from C ({@code c/opens.c}): BTF-defined maps, a global, a .text function, clang's own BTF. */
    static final String CLANG_OBJECT = "opens";
    /** Another ({@code c/legacy_core.c}): a legacy map definition, a CO-RE relocation in .BTF.ext, a ring buffer. */
    static final String CLANG_LEGACY_OBJECT = "legacy_core";

    private static byte[] clangObject(String clang, Path sound, String name) throws Exception {
        Path c = sound.resolve(name + ".c"), o = sound.resolve(name + ".o");
        Files.write(c, resource("c/" + name + ".c"));
        Tools.check(clang, "-O2", "-g", "-target", "bpf", "-c", c.toString(), "-o", o.toString());
        return Files.readAllBytes(o);
    }

    @Test void anObjectClangBuiltIsAmongTheDamagedOnes() {
        if (!objects.containsKey(CLANG_OBJECT)) Tools.require("clang");
        assertTrue(objects.containsKey(CLANG_OBJECT) && objects.containsKey(CLANG_LEGACY_OBJECT), objects.keySet().toString());
    }

    /**
     * Many more damaged objects, each of every kind, read in this process as every command reads them: each is read or
     * refused with an {@link ObjectFormatException} naming the object, never another exception, within the time bound.
     */
    @Test void thousandsOfDamagedObjectsAreReadOrRefusedNamingThem() throws Exception {
        List<String> failures = new ArrayList<>();
        Map<String, int[]> refusedByObject = new LinkedHashMap<>();
        ObjectDamage.Kind[] kinds = ObjectDamage.Kind.values();
        int perObject = SCALE * 5;
        for (String name : objects.keySet()) {
            ObjectDamage damage = new ObjectDamage(objects.get(name), name);
            int[] tally = refusedByObject.computeIfAbsent(name, k -> new int[2]);
            for (int c = 0; c < perObject; c++) {
                if (ONLY != null && c != ONLY) continue;
                ObjectDamage.Kind kind = kinds[c % kinds.length];
                byte[] bad = damage.damage(kind, new Random(SEED * 53 + c * 31L + name.hashCode()));
                Throwable thrown = inTime(() -> {
                    try {
                        ObjectReader.read(bad, name);
                        return null;
                    } catch (RuntimeException | StackOverflowError e) {
                        return e;
                    }
                });
                tally[thrown == null ? 0 : 1]++;
                if (thrown == null) continue;
                if (!(thrown instanceof ObjectFormatException) || !thrown.getMessage().startsWith(name + ": "))
                    failures.add(name + " case " + c + " (" + kind + "): " + thrown);
            }
        }
        refusedByObject.forEach((name, t) -> System.out.printf("in-process damage of %s: read %d, refused %d%n", name, t[0], t[1]));
        failures.stream().limit(20).forEach(System.out::println);
        assertTrue(failures.isEmpty(), failures.size() + " damaged objects escaped as something else; first: " + (failures.isEmpty() ? "" : failures.get(0)));
        for (var e : refusedByObject.entrySet())
            assertTrue(ONLY != null || e.getValue()[1] >= perObject / 4, e.getKey() + ": only " + e.getValue()[1] + " refused: the damage misses");
    }

    private static byte[] resource(String name) throws java.io.IOException {
        try (var in = BadInputFuzzTest.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** Whether a class file's constant pool names the class {@code internalName}. */
    static boolean uses(byte[] classFile, String internalName) { return classesUsed(classFile).contains(internalName); }

    /** The classes a class file's constant pool names. */
    private static List<String> classesUsed(byte[] classFile) {
        org.objectweb.asm.ClassReader r = new org.objectweb.asm.ClassReader(classFile);
        List<String> out = new ArrayList<>();
        char[] buf = new char[r.getMaxStringLength()];
        for (int i = 1; i < r.getItemCount(); i++) {
            int at = r.getItem(i);
            if (at > 0 && r.readByte(at - 1) == 7) out.add(r.readUTF8(at, buf));  // CONSTANT_Class
        }
        return out;
    }

    @Test void damagedClassesTranslateOrFailWithOneLineNamingThem() throws Exception {
        Tally tally = new Tally(SEED, ONLY != null);
        List<String> names = new ArrayList<>(classes.keySet());
        for (int c = 0; c < SCALE / 2; c++) {
            if (ONLY != null && c != ONLY) continue;
            Random rnd = new Random(SEED * 31 + c);
            String name = names.get(c % names.size());
            ClassDamage.Kind kind = ClassDamage.Kind.values()[(c / names.size()) % ClassDamage.Kind.values().length];
            Path file = write(c, name + ".class", new ClassDamage(classes.get(name)).damage(kind, rnd));
            String what = "class case " + c + " (" + kind + " of " + name + ")";
            Path out = Files.createDirectories(file.getParent().resolve("out"));
            tally.check(what, kind, name, "translate", file.toString(), "-cp", CommandLineTest.EXAMPLES, "-o", out.toString());
            tally.check(what + " verify", kind, name, "verify", file.toString(), "-cp", CommandLineTest.EXAMPLES);
        }
        tally.assertClean("damaged classes", SCALE / 8);
    }

    /** A sound probe whose @Struct class, found first on the class path, is damaged. */
    @Test void damagedStructClassesAreNamedByTheProbesThatUseThem() throws Exception {
        Tally tally = new Tally(SEED, ONLY != null);
        List<String> names = new ArrayList<>(structs.keySet());
        for (int c = 0; c < SCALE / 4; c++) {
            if (ONLY != null && c != ONLY) continue;
            Random rnd = new Random(SEED * 47 + c);
            String struct = names.get(c % names.size()), simple = struct.substring(struct.lastIndexOf('/') + 1);
            ClassDamage.Kind kind = ClassDamage.Kind.values()[(c / names.size()) % ClassDamage.Kind.values().length];
            Path root = Files.createDirectories(dir.resolve("struct" + c));
            Path file = Files.createDirectories(root.resolve(struct).getParent()).resolve(simple + ".class");
            Files.write(file, new ClassDamage(structs.get(struct)).damage(kind, rnd));
            for (String probe : classes.keySet()) {
                if (!classesUsed(classes.get(probe)).contains(struct)) continue;
                String cp = root + ":" + CommandLineTest.EXAMPLES;
                tally.check("struct case " + c + " (" + kind + " of " + simple + ", used by " + probe + ")", kind, simple,
                        "translate", binaryNames.get(probe), "-cp", cp, "-o", root.resolve("out").toString());
            }
        }
        tally.assertClean("damaged struct classes", SCALE / 32);
    }

    @Test void damagedObjectsAreReadOrRefusedWithOneLineNamingThem() throws Exception {
        Tally tally = new Tally(SEED, ONLY != null);
        List<String> names = new ArrayList<>(objects.keySet());
        for (int c = 0; c < SCALE; c++) {
            if (ONLY != null && c != ONLY) continue;
            Random rnd = new Random(SEED * 37 + c);
            String name = names.get(c % names.size());
            ObjectDamage.Kind kind = ObjectDamage.Kind.values()[(c / names.size()) % ObjectDamage.Kind.values().length];
            Path file = write(c, name + ".o", new ObjectDamage(objects.get(name), name).damage(kind, rnd));
            String what = "object case " + c + " (" + kind + " of " + name + ".o)";
            tally.check(what + " disasm", kind, name, "disasm", file.toString());
            tally.check(what + " verify", kind, name, "verify", file.toString());
        }
        tally.assertClean("damaged objects", SCALE / 4);
    }

    @Test void damagedBtfIsRefusedByGenBtfWithOneLineNamingIt() throws Exception {
        Tally tally = new Tally(SEED, ONLY != null);
        List<String> names = new ArrayList<>(objects.keySet());
        ObjectDamage.Kind[] kinds = {ObjectDamage.Kind.BTF_HEADER, ObjectDamage.Kind.BTF_TYPES, ObjectDamage.Kind.BTF_STRINGS};
        for (int c = 0; c < SCALE / 4; c++) {
            if (ONLY != null && c != ONLY) continue;
            Random rnd = new Random(SEED * 41 + c);
            String name = names.get(c % names.size());
            ObjectDamage.Kind kind = kinds[(c / names.size()) % kinds.length];
            Path file = write(c, name + ".btf", new ObjectDamage(objects.get(name), name).btfAlone(kind, rnd));
            Path out = Files.createDirectories(file.getParent().resolve("gen"));
            tally.check("BTF case " + c + " (" + kind + " of " + name + ")", kind, name + ".btf",
                    "gen", "btf", "--btf", file.toString(), "-o", out.toString(), "task_struct.pid");
        }
        tally.assertClean("damaged BTF", SCALE / 16);
    }

    @Test void damagedObjectsLoadOrAreRefusedWithOneLineNamingThem() throws Exception {
        Kernel.requireTracefs();
        Tally tally = new Tally(SEED, ONLY != null);
        List<String> names = new ArrayList<>(objects.keySet());
        for (int c = 0; c < SCALE / 4; c++) {
            if (ONLY != null && c != ONLY) continue;
            Random rnd = new Random(SEED * 43 + c);
            String name = names.get(c % names.size());
            ObjectDamage.Kind kind = ObjectDamage.Kind.values()[(c / names.size()) % ObjectDamage.Kind.values().length];
            Path file = write(c, name + ".o", new ObjectDamage(objects.get(name), name).damage(kind, rnd));
            String what = "load case " + c + " (" + kind + " of " + name + ".o)";
            tally.check(what + " run", kind, name, "run", file.toString(), "-d", "1ms");
            tally.check(what + " BPF.open", kind, BadInputOutcome.problem(inTime(() -> {
                try (BPF bpf = BPF.open(file)) {
                    bpf.attachAll();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }), name));
        }
        tally.assertClean("damaged objects loaded", SCALE / 16);
    }

    /** Writes a case's input under its own directory. */
    private static Path write(int c, String fileName, byte[] bytes) throws Exception {
        Path file = Files.createDirectories(dir.resolve("case" + c)).resolve(fileName);
        Files.write(file, bytes);
        return file;
    }
}
