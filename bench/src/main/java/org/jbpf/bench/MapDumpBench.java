package org.jbpf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.LoadedObject;
import org.jbpf.loader.Loader;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.Codecs;

/**
 * Entries per second reading a full map of u32 keys and u64 values, a hash map and an array: jbpf's
 * {@link BpfMap#forEachRaw} (the primitive fast path) and {@link BpfMap#entries} (boxed keys and values) against a C
 * program reading it with {@code bpf_map_lookup_batch}, 256 entries per call (scripts/bench/map_dump.c, the anchor of
 * every ratio). Beside them when present: a second C reader doing what jbpf's walk does, with its program loaded once
 * ({@code map_dump_foreach} and its {@code .bpf.o} next to the first, from scripts/bench/map_dump_foreach*.c), and,
 * given another build's tree, that build's {@code forEachRaw} run from its jars ({@link MapDumpReader}). Every side
 * runs its rounds twice, alternating, and each side's median over all its rounds is compared.
 */
final class MapDumpBench {
    private MapDumpBench() {}

    static final int ROUNDS = 9, WARMUP = 5;
    static long checksum;

    /** {@code baselineTree}: a built jbpf tree whose bench/target/classpath.txt names its jars, or null. */
    static void run(int entries, String cProgram, String baselineTree) throws Exception {
        String before = baselineTree == null ? null : baselineClassPath(Path.of(baselineTree));
        System.out.printf("map dump of %,d entries (u32 -> u64), medians of %d rounds per side; C reads with "
                + "bpf_map_lookup_batch, 256 entries per call%n", entries, 2 * ROUNDS);
        for (int type : new int[] {MapTypes.HASH, MapTypes.ARRAY}) one(type, entries, cProgram, before);
        if (checksum == 42) System.out.print("");
    }

    /**
     * A reader's row: its median entries per second of wall time and of CPU time, and its ratios to both C readers
     * (the second only when it ran). On a busy machine the CPU figures are the ones to compare.
     */
    private static void row(String label, List<double[]> rounds, List<double[]> cBatch, List<double[]> cForEach) {
        StringBuilder line = new StringBuilder(String.format("  %s", label));
        for (int col = 0; col < 2; col++) {
            double m = median(rounds, col);
            line.append(String.format("%s %,13.0f/s", col == 0 ? "" : "  CPU", m));
            if (rounds != cBatch) line.append(String.format(" %.2f× C", m / median(cBatch, col)));
            if (cForEach != null && rounds != cForEach) line.append(String.format(" %.2f× for_each", m / median(cForEach, col)));
        }
        System.out.println(line);
    }

    private static void one(int type, int entries, String cProgram, String before) throws Exception {
        MapSpec spec = new MapSpec("bench_dump", type, 4, 8, entries, 0, 0, 0);
        try (LoadedObject o = new Loader().load(new BpfObject("bench", "GPL", List.of(spec), List.of(), null))) {
            BpfMap<Integer, Long> m = BpfMap.of(o.map("bench_dump"), Codecs.INT, Codecs.LONG, false);
            for (int i = 0; i < entries; i++) m.put(i, (long) i * 3);
            Path pin = Path.of("/sys/fs/bpf/jbpf-bench-dump-" + ProcessHandle.current().pid());
            m.pin(pin);
            try {
                List<double[]> raw = new ArrayList<>(), boxed = new ArrayList<>(), c = new ArrayList<>(), old = new ArrayList<>(),
                        forEach = new ArrayList<>();
                Path cForEach = Path.of(cProgram).resolveSibling("map_dump_foreach");
                boolean withForEach = Files.isExecutable(cForEach);
                for (int pass = 0; pass < 2; pass++) {
                    c.addAll(rounds(entries, cProgram, pin.toString(), String.valueOf(ROUNDS + WARMUP)));
                    if (withForEach)
                        forEach.addAll(rounds(entries, cForEach.toString(), cForEach + ".bpf.o", pin.toString(),
                                String.valueOf(ROUNDS + WARMUP)));
                    if (before != null)
                        old.addAll(rounds(entries, "java", "-cp", before, MapDumpReader.class.getName(), pin.toString(),
                                String.valueOf(ROUNDS + WARMUP)));
                    raw.addAll(java(m, entries, true));
                    boxed.addAll(java(m, entries, false));
                }
                String kind = type == MapTypes.HASH ? "hash map" : "array";
                System.out.printf("%s (jbpf walks it by %s); entries per second of wall time, then of CPU time:%n", kind, m.walkPath());
                List<double[]> each = withForEach ? forEach : null;
                row("C, bpf_map_lookup_batch chunk 256:", c, c, each);
                if (withForEach) row("C, for_each program loaded once:  ", forEach, c, each);
                if (before != null) row("jbpf before, forEachRaw:          ", old, c, each);
                row("jbpf forEachRaw (no boxing):      ", raw, c, each);
                row("jbpf entries() (boxed entries):   ", boxed, c, each);
            } finally {
                m.unpin();
            }
        }
    }

    /** The bench jar first (for {@link MapDumpReader}), then the other build's jars. */
    private static String baselineClassPath(Path tree) throws Exception {
        Path self = Path.of(MapDumpReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return self + ":" + Files.readString(tree.resolve("bench/target/classpath.txt")).trim();
    }

    /** Entries per second of the rounds after warm-up: {wall, CPU} for each. */
    private static List<double[]> java(BpfMap<Integer, Long> m, int entries, boolean raw) {
        List<double[]> rates = new ArrayList<>();
        for (int r = 0; r < ROUNDS + WARMUP; r++) {
            long t0 = System.nanoTime(), c0 = cpuNanos();
            long n;
            if (raw) {
                long[] sum = {0, 0};
                m.forEachRaw((k, v) -> {
                    sum[0] += k.getInt() + v.getLong();
                    sum[1]++;
                });
                checksum += sum[0];
                n = sum[1];
            } else {
                List<Map.Entry<Integer, Long>> all = m.entries();
                for (Map.Entry<Integer, Long> e : all) checksum += e.getKey() + e.getValue();
                n = all.size();
            }
            long t1 = System.nanoTime(), c1 = cpuNanos();
            if (n != entries) throw new IllegalStateException("read " + n + " entries, expected " + entries);
            if (r >= WARMUP) rates.add(new double[] {n * 1e9 / (t1 - t0), n * 1e9 / (c1 - c0)});
        }
        return rates;
    }

    /** CPU time of the calling thread, in user space and in the kernel (as the C readers count their process's). */
    static long cpuNanos() { return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); }

    /**
     * The rates a reader process printed, one "entries rate cpu-rate" line per round, after its warm-up rounds: {wall,
     * CPU} for each. Its other lines, if any, are passed on to standard error.
     */
    private static List<double[]> rounds(int entries, String... cmd) throws Exception {
        Bench.Result res = Bench.run(cmd);
        if (res.code() != 0) throw new IllegalStateException(cmd[0] + " map dump failed: " + res.out());
        List<double[]> rates = new ArrayList<>();
        int round = 0;
        for (String line : res.out().trim().split("\n")) {
            if (line.startsWith("checksum")) continue;
            if (line.isEmpty() || !Character.isDigit(line.charAt(0))) {
                System.err.println(cmd[0] + ": " + line);
                continue;
            }
            String[] f = line.trim().split(" ");
            if (Long.parseLong(f[0]) != entries) throw new IllegalStateException(cmd[0] + " read " + f[0] + " entries, expected " + entries);
            if (round++ >= WARMUP) rates.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        return rates;
    }

    /** The median of column {@code column} (0 wall, 1 CPU) of the rounds. */
    static double median(List<double[]> rounds, int column) {
        List<Double> v = new ArrayList<>();
        for (double[] r : rounds) v.add(r[column]);
        return median(v);
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
