package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * Random probes of two programs sharing state ({@link RandomShared}) compiled with javac, translated by both backends,
 * loaded, and run by the kernel with BPF_PROG_TEST_RUN in turns on a sequence of inputs: the writer {@code write},
 * then the reader {@code run}, each run's result equal to the Java copy's on the JVM. After the last run the global
 * variables, the global tables, the hash map, the per-CPU array's sums and the ring buffer's records read from Java
 * must equal the Java copy's. The translator's known refusals are counted, as are programs the kernel refuses at one
 * of its limits when the simulation refuses them too. The seed is fixed ({@link #FIXED_SEED}) and printed;
 * {@code -Djbpf.random.seed=N} replays seed N, {@code fresh} draws one, {@code -Djbpf.random.probes=N} sets the number
 * of programs, {@code -Djbpf.random.program=I} runs program I alone and {@code -Djbpf.random.dir=D} keeps the sources in D.
 * What these probes found is pinned apart, cut down: {@link KernelKnownCounts} (a {@code Loops.repeat} count only the
 * kernel knew to be 0) and the translator's test of a NUL in a source line.
 */
class RandomSharedKernelTest {
    static final int PROGRAMS = Integer.getInteger("jbpf.random.probes", 16);
    /** A seed whose programs pass on both backends. */
    static final long FIXED_SEED = 91;
    static final long[][] INPUTS = RandomProbesKernelTest.INPUTS;
    private static final String[] GLOBALS = {"gl", "gi", "gs", "gt", "gc", "gz"};
    private static final String[] TABLES = {"ti", "tl", "ts", "tc", "gname"};

    @TempDir Path temp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void programsSharingStateAgreeWithTheJvmInResultsGlobalsTablesMapsAndRecords(Backend backend) throws Exception {
        run(backend, org.jbpf.testsupport.RandomSeed.of(FIXED_SEED), PROGRAMS, Integer.getInteger("jbpf.random.program"));
    }

    /** Runs programs [0, programs) of the seed, or program {@code only}; returns the refusals it counted, by reason. */
    private Map<String, Integer> run(Backend backend, long seed, int programs, Integer only) throws Exception {
        String kept = System.getProperty("jbpf.random.dir");
        Path dir = Files.createDirectories(kept != null ? Path.of(kept, "shared" + seed) : temp.resolve("shared" + seed));
        RandomShared generator = new RandomShared(seed);
        int from = only != null ? only : 0, to = only != null ? only + 1 : programs;
        return RandomKernelRuns.run(backend, "random probes sharing state", dir, generator::source, seed, from, to, RandomSharedKernelTest::agree);
    }

    /**
     * Runs the writer and then the reader on each input pair, each against the Java copy's result, then compares the
     * globals, tables, maps and records; returns the first difference, or null.
     */
    private static String agree(BPF bpf, RandomKernelRuns.Program program) throws Exception {
        Class<?> reference = program.reference();
        Method put = reference.getMethod("put", long.class, long.class), f = reference.getMethod("f", long.class, long.class);
        List<String> records = new ArrayList<>();
        try (RingBufferReader<?> ring = bpf.ringBuffer("ring", program.loader().loadClass(program.name() + "$Ev"), ev -> records.add(DataModels.describe(ev)))) {
            BpfMap<Integer, Long> in = bpf.map("in", Integer.class, Long.class), out = bpf.map("out", Integer.class, Long.class);
            for (int k = 0; k < INPUTS.length; k++) {
                long[] ab = INPUTS[k];
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                String on = " on (" + ab[0] + ", " + ab[1] + "), run " + (k + 1);
                assertEquals(2, bpf.program("write").testRun(new byte[64], 1).retval(), program.where());
                long expected = (long) put.invoke(null, ab[0], ab[1]), actual = out.get(1);
                if (expected != actual) return on + ": write: JVM " + expected + ", kernel " + actual;
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval(), program.where());
                expected = (long) f.invoke(null, ab[0], ab[1]);
                actual = out.get(0);
                if (expected != actual) return on + ": run: JVM " + expected + ", kernel " + actual;
            }
            ring.consume();
        }
        List<String> differences = differences(bpf, reference, records);
        return differences.isEmpty() ? null : "after " + INPUTS.length + " runs: " + String.join("; ", differences);
    }

    /** What differs between the kernel's globals, tables, maps and records and the Java copy's. */
    private static List<String> differences(BPF bpf, Class<?> reference, List<String> records) throws Exception {
        List<String> differences = new ArrayList<>();
        for (String g : GLOBALS) {
            Object value = field(reference, g);
            long java = value instanceof Boolean z ? (z ? 1 : 0) : value instanceof Character c ? (short) c.charValue() : ((Number) value).longValue();
            long kernel = bpf.global(g).get();
            if (java != kernel) differences.add("global " + g + ": JVM " + java + ", kernel " + kernel);
        }
        for (String t : TABLES) {
            String java = DataModels.describe(littleEndian(field(reference, t))), kernel = DataModels.describe(bpf.global(t).bytes());
            if (!java.equals(kernel)) differences.add("table " + t + ": JVM " + java + ", kernel " + kernel);
        }
        TreeMap<Long, Long> hm = new TreeMap<>();
        for (Map.Entry<Long, Long> entry : bpf.map("hm", Long.class, Long.class).entries()) hm.put(entry.getKey(), entry.getValue());
        Map<Long, Long> hmJava = new TreeMap<>(((JavaSemantics.MapModel) field(reference, "hm")).entries());
        if (!hmJava.equals(hm)) differences.add("map hm: JVM " + hmJava + ", kernel " + hm);
        long[] paJava = ((StateModels.Longs) field(reference, "pa")).values();
        TreeMap<Integer, Long> pa = new TreeMap<>();
        for (Map.Entry<Integer, Long> entry : bpf.map("pa", Integer.class, Long.class).entriesAggregated()) pa.put(entry.getKey(), entry.getValue());
        for (int k = 0; k < paJava.length; k++)
            if (!Long.valueOf(paJava[k]).equals(pa.get(k))) differences.add("pa[" + k + "]: JVM " + paJava[k] + ", kernel " + pa.get(k));
        List<String> recordsJava = ((DataModels.Ring) field(reference, "ring")).records();
        if (!recordsJava.equals(records)) differences.add("ring records: JVM " + recordsJava + ",\n kernel " + records);
        return differences;
    }

    /** A Java table's elements as the little-endian bytes of its BPF global. */
    private static byte[] littleEndian(Object array) {
        if (array instanceof byte[] b) return b;
        int n = java.lang.reflect.Array.getLength(array), width = array instanceof long[] ? 8 : array instanceof int[] ? 4 : 2;
        ByteBuffer b = ByteBuffer.allocate(n * width).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < n; k++) {
            Object v = java.lang.reflect.Array.get(array, k);
            if (v instanceof Long l) b.putLong(l);
            else if (v instanceof Integer x) b.putInt(x);
            else if (v instanceof Short s) b.putShort(s);
            else b.putChar((Character) v);
        }
        return b.array();
    }

    private static Object field(Class<?> type, String name) throws ReflectiveOperationException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }
}
