package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jbpf.BPF;
import org.jbpf.events.RingBufferReader;
import org.jbpf.it.Backend;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random probes with state, data and calls ({@link RandomData}) compiled with javac, translated by both backends,
 * loaded and run by the kernel with BPF_PROG_TEST_RUN on a sequence of inputs: every run must give the JVM's result
 * of the Java copy on the same inputs, and after the last run the maps (hash map of structs, counters, LRU, per-CPU
 * sums, array map), the globals and the ring buffer's records read from Java must equal the Java copy's. Programs
 * the verifier stops at one of its limits ({@link #COMPLEXITY}) are counted (the simulation must refuse them too), as are the
 * translator's known refusals ({@link RandomProbesKernelTest#KNOWN_REFUSALS}). The seed is fixed ({@link #FIXED_SEED})
 * and printed; {@code -Djbpf.random.seed=N} replays seed N, {@code fresh} draws one, {@code -Djbpf.random.probes=N}
 * sets the number of programs, {@code -Djbpf.random.program=I} runs program I alone and {@code -Djbpf.random.dir=D}
 * keeps the sources in D.
 */
class RandomDataKernelTest {
    static final int PROGRAMS = Integer.getInteger("jbpf.random.probes", 24);
    /** A seed whose programs pass on both backends. */
    static final long FIXED_SEED = 51;
    static final long[][] INPUTS = RandomProbesKernelTest.INPUTS;
    private static final String[] GLOBALS = {"gl", "gi", "gs", "gt", "gc", "gz"};
    /**
     * The kernel's limits a program may meet on either backend, counted when the simulation refuses the program too:
     * a million instructions, 8,192 jumps on one path, and a counted loop around a {@code Loops.numbers} loop whose
     * counter the kernel widens at the iterator's next and then takes for one that never ends (the direct backend pins
     * such counters now, data seed 53 program 142; LLVM's code has met it only by chance of the kernel's register ids).
     */
    static final java.util.regex.Pattern COMPLEXITY =
            java.util.regex.Pattern.compile("BPF program is too large|The sequence of N jumps is too complex|infinite loop detected");

    @TempDir Path temp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void randomProbesWithDataAgreeWithTheJvmInResultsMapsGlobalsAndRecords(Backend backend) throws Exception {
        run(backend, "random probes with data", RandomData.DATA, org.jbpf.testsupport.RandomSeed.of(FIXED_SEED), PROGRAMS, Integer.getInteger("jbpf.random.program"));
    }

    /** A seed whose programs of the wider shapes ({@link RandomShapes}) pass on both backends. */
    static final long WIDE_SEED = 71;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void randomProbesOfWiderShapesAgreeWithTheJvmInResultsMapsGlobalsAndRecords(Backend backend) throws Exception {
        run(backend, "random probes of wider shapes", RandomData.WIDE, org.jbpf.testsupport.RandomSeed.of(WIDE_SEED), PROGRAMS, Integer.getInteger("jbpf.random.program"));
    }

    /**
     * Programs of other seeds that once went wrong, each run alone on both backends whatever seed is asked for: seed,
     * program. Seed 52 program 122: LLVM tested {@code ix >= 0} of a byte read into an int as a mask of the whole
     * register, so the kernel learned no bound of the index. Seed 52 program 131: LLVM guarded a division in a
     * {@code Loops.numbers} loop with selects that tested the divisor twice; the kernel tracked it exactly and the loop
     * never settled (its 8,192-jump limit). Seed 53 program 7: the direct backend dropped an index check that a counted
     * loop's bound proved, inside a {@code Loops.numbers} loop whose next the kernel widens the index at. Seed 53
     * program 63: {@code Loops.repeat(0, ..)}, whose body the kernel dropped unverified and then missed. Seed 53
     * program 77: the direct backend's numbers loop jumped back to the moves before its next call, where the kernel
     * looks for endless loops, and took a counted loop around it for one. Seed 55 program 85: {@code Loops.repeat(0, ..)}
     * became 0 but left its argument moves, which overwrote values the direct backend kept in r1, r3 and r4. Seed 53
     * program 142: a counted loop with an unknown bound around a numbers loop left by {@code break}; the kernel widened
     * the spilled outer counter at the iterator's next and refused the direct backend's code as an "infinite loop".
     */
    static final long[][] FOUND = {{52, 122}, {52, 131}, {53, 7}, {53, 63}, {53, 77}, {53, 142}, {55, 85}};

    /**
     * The same for the wider shapes. Seed 72 program 26: LLVM's code for a {@code Loops.repeat} body and the program
     * needed 528 bytes of stack together, which LLVM does not check and the kernel refused; the LLVM backend now
     * refuses such a chain as the direct backend does, at the call (this program's frames have since shrunk and fit).
     */
    static final long[][] FOUND_WIDE = {{72, 26}};

    /**
     * Wider shapes the kernel refuses at its limits, which the simulation must refuse with it. Seed 73 programs 77 and
     * 107: the kernel refuses them at its million instructions (direct backend) and its 8,192 pending jumps (LLVM),
     * because once a {@code Loops.numbers} loop has converged it compares the loop's states by all their ranges until
     * the loop is done; the simulation, still pruning by precise scalars alone, accepted both.
     */
    static final long[][] FOUND_WIDE_AT_KERNEL_LIMITS = {{73, 77}, {73, 107}};

    @ParameterizedTest
    @EnumSource(Backend.class)
    void programsFoundBeforeStillAgree(Backend backend) throws Exception {
        Map<String, Integer> refused = new TreeMap<>();
        for (long[] f : FOUND) refused.putAll(run(backend, "random probes with data found before", RandomData.DATA, f[0], (int) f[1] + 1, (int) f[1]));
        for (long[] f : FOUND_WIDE) refused.putAll(run(backend, "random probes of wider shapes found before", RandomData.WIDE, f[0], (int) f[1] + 1, (int) f[1]));
        for (long[] f : FOUND_DEEP) refused.putAll(run(backend, "random probes of deeper shapes found before", RandomData.DEEP, f[0], (int) f[1] + 1, (int) f[1]));
        assertEquals(Map.of(), refused, "every program found before loads and runs");
        // run() fails on a program the simulation accepts and the kernel refuses: what is left is refused by both
        Map<String, Integer> atLimits = new TreeMap<>();
        for (long[] f : FOUND_WIDE_AT_KERNEL_LIMITS)
            atLimits.putAll(run(backend, "random probes at the kernel's limits found before", RandomData.WIDE, f[0], (int) f[1] + 1, (int) f[1]));
        for (String reason : atLimits.keySet()) assertTrue(reason.startsWith("kernel: "), "refused by the kernel and the simulation alike: " + atLimits);
    }

    /** A seed whose programs of the deeper shapes ({@link RandomDeepShapes}) pass on both backends. */
    static final long DEEP_SEED = 81;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void randomProbesOfDeeperShapesAgreeWithTheJvmInResultsMapsGlobalsAndRecords(Backend backend) throws Exception {
        run(backend, "random probes of deeper shapes", RandomData.DEEP, org.jbpf.testsupport.RandomSeed.of(DEEP_SEED), PROGRAMS, Integer.getInteger("jbpf.random.program"));
    }

    /**
     * The same for the deeper shapes. Seed 81 program 0: a lambda as {@code Loops.repeat}'s body became a function
     * whose BTF name, javac's {@code lambda$f$0}, the kernel refused on both backends.
     */
    static final long[][] FOUND_DEEP = {{81, 0}};

    /** Runs programs [0, programs) of the seed, or program {@code only}; returns the refusals it counted, by reason. */
    private Map<String, Integer> run(Backend backend, String label, int mode, long seed, int programs, Integer only) throws Exception {
        String kept = System.getProperty("jbpf.random.dir");
        Path dir = Files.createDirectories(kept != null ? Path.of(kept, new String[] {"data", "wide", "deep"}[mode] + seed) : temp.resolve("data" + seed));
        RandomData generator = new RandomData(seed, mode);
        int from = only != null ? only : 0, to = only != null ? only + 1 : programs;
        return RandomKernelRuns.run(backend, label, dir, generator::source, seed, from, to, (bpf, program) -> agree(bpf, program, mode));
    }

    /** Runs the program on every input pair against the Java copy, then compares maps, globals and records; the first difference, or null. */
    private static String agree(BPF bpf, RandomKernelRuns.Program program, int mode) throws Exception {
        Class<?> reference = program.reference();
        Method f = reference.getMethod("f", long.class, long.class);
        List<String> records = new ArrayList<>();
        try (RingBufferReader<?> ring = bpf.ringBuffer("ring", program.loader().loadClass(program.name() + "$Ev"), ev -> records.add(DataModels.describe(ev)))) {
            BpfMap<Integer, Long> in = bpf.map("in", Integer.class, Long.class), out = bpf.map("out", Integer.class, Long.class);
            for (long[] ab : INPUTS) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval(), program.where());
                long expected = (long) f.invoke(null, ab[0], ab[1]), actual = out.get(0);
                if (expected != actual) return "on (" + ab[0] + ", " + ab[1] + "): JVM " + expected + ", kernel " + actual;
            }
            ring.consume();
        }
        String state = stateDifference(bpf, program.loader(), program.name(), reference, records, mode);
        return state == null ? null : "after " + INPUTS.length + " runs: " + state;
    }

    /** What differs between the kernel's maps, globals and records and the Java copy's, or null when nothing does. */
    private static String stateDifference(BPF bpf, ClassLoader loader, String name, Class<?> reference, List<String> records, int mode) throws Exception {
        List<String> differences = new ArrayList<>();
        structHash(bpf, "hm", loader.loadClass(name + "$V"), reference, differences);
        if (mode >= RandomData.DEEP) structHash(bpf, "sm", loader.loadClass(name + "$Box"), reference, differences);
        for (String counters : new String[] {"ac", "lru", "pch"}) {
            TreeMap<Object, String> kernel = new TreeMap<>(), java = new TreeMap<>();
            for (Map.Entry<Long, Long> entry : bpf.map(counters, Long.class, Long.class).entriesAggregated()) kernel.put(entry.getKey(), entry.getValue().toString());
            for (Map.Entry<Long, Long> entry : ((JavaSemantics.MapModel) field(reference, counters)).entries().entrySet())
                java.put(entry.getKey(), entry.getValue().toString());
            compare(differences, counters, java, kernel);
        }
        BpfMap<Integer, Long> am = bpf.map("am", Integer.class, Long.class);
        long[] amJava = ((StateModels.Longs) field(reference, "am")).values();
        for (int k = 0; k < amJava.length; k++) {
            Long kernel = am.get(k);
            if (kernel == null || kernel != amJava[k]) differences.add("am[" + k + "]: JVM " + amJava[k] + ", kernel " + kernel);
        }
        for (String g : GLOBALS) {
            long java = asLong(field(reference, g)), kernel = bpf.global(g).get();
            if (java != kernel) differences.add("global " + g + ": JVM " + java + ", kernel " + kernel);
        }
        String gbuf = DataModels.describe(bpf.global("gbuf").bytes()), gbufJava = DataModels.describe(field(reference, "gbuf"));
        if (!gbuf.equals(gbufJava)) differences.add("global gbuf: JVM " + gbufJava + ", kernel " + gbuf);
        List<String> recordsJava = ((DataModels.Ring) field(reference, "ring")).records();
        if (!recordsJava.equals(records)) differences.add("ring records: JVM " + recordsJava + ",\n kernel " + records);
        if (mode >= RandomData.WIDE) wideDifferences(bpf, reference, differences);
        return differences.isEmpty() ? null : String.join("; ", differences);
    }

    /** A hash map of struct values against the Java copy's model, entry by entry as text. */
    private static void structHash(BPF bpf, String map, Class<?> valueType, Class<?> reference, List<String> differences) throws Exception {
        TreeMap<Object, String> kernel = new TreeMap<>(), java = new TreeMap<>();
        for (Map.Entry<Integer, ?> entry : bpf.map(map, Integer.class, valueType).entries()) kernel.put(entry.getKey(), DataModels.describe(entry.getValue()));
        for (Map.Entry<Integer, ?> entry : ((StateModels.Hash<?>) field(reference, map)).entries().entrySet())
            java.put(entry.getKey(), DataModels.describe(entry.getValue()));
        compare(differences, map, java, kernel);
    }

    /**
     * The wider shapes' maps: the per-CPU array's sums, and the LRU map, whose evictions are the kernel's choice: at most
     * its 8 entries, each holding the last value written to its key.
     */
    private static void wideDifferences(BPF bpf, Class<?> reference, List<String> differences) throws Exception {
        long[] pcaJava = ((StateModels.Longs) field(reference, "pca")).values();
        TreeMap<Integer, Long> pca = new TreeMap<>();
        for (Map.Entry<Integer, Long> entry : bpf.map("pca", Integer.class, Long.class).entriesAggregated()) pca.put(entry.getKey(), entry.getValue());
        for (int k = 0; k < pcaJava.length; k++)
            if (!Long.valueOf(pcaJava[k]).equals(pca.get(k))) differences.add("pca[" + k + "]: JVM " + pcaJava[k] + ", kernel " + pca.get(k));
        Map<Long, Long> written = ((JavaSemantics.MapModel) field(reference, "lr8")).entries();
        int left = 0;
        for (Map.Entry<Long, Long> entry : bpf.map("lr8", Long.class, Long.class).entries()) {
            left++;
            if (!entry.getValue().equals(written.get(entry.getKey())))
                differences.add("lr8[" + entry.getKey() + "]: kernel " + entry.getValue() + ", last written " + written.get(entry.getKey()));
        }
        if (left > 8) differences.add("lr8 holds " + left + " entries, more than its 8");
    }

    private static void compare(List<String> differences, String map, Map<Object, String> java, Map<Object, String> kernel) {
        if (!java.equals(kernel)) differences.add("map " + map + ": JVM " + java + ", kernel " + kernel);
    }

    private static Object field(Class<?> type, String name) throws ReflectiveOperationException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }

    /** A global's Java value as the kernel's reader gives it: sign-extended from its size, a boolean as 0 or 1. */
    private static long asLong(Object value) {
        if (value instanceof Boolean z) return z ? 1 : 0;
        if (value instanceof Character c) return (short) c.charValue();
        return ((Number) value).longValue();
    }
}
