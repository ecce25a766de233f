// The Java side of scripts/bench-ringbuf: records per second drained from a ring buffer and from perf buffers by
// jbpf's readers against libbpf's ring_buffer and perf_buffer APIs (ringbuf_consumer.c, perf_consumer.c), on the same
// producer programs and buffers, in one run. Each round fills the buffer with 64-byte records (BPF_PROG_TEST_RUN with
// a repeat count), then times draining it. C and Java alternate twice; each side's median over all its rounds is shown,
// with the range of its rounds, and every ratio is of the two medians.
// Both sides time the draining thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so other load on the machine does not
// count; draining makes no system calls, so that is all the time it takes. Each jbpf reader runs in a JVM of its own
// (as JMH forks per benchmark), as an application with one kind of reader would: in one JVM the readers' handlers
// would share the ring loop's call profile and slow each other down. Its heap is fixed and touched at start (HEAP).

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jbpf.BPF;
import org.jbpf.events.EventReader;
import org.jbpf.events.PerfBufferReader;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.events.PerfFlood;
import org.jbpf.examples.events.Record64;
import org.jbpf.examples.events.RingBench;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfCmd;
import org.jbpf.loader.sys.Sys;
import org.jbpf.runtime.Codecs;
import org.jbpf.translator.Translator;

public final class RingBufferBench {
    /**
     * Ring records per round: 500,000 (36 MB, more than this VM's 32 MB cache, so both sides stream from memory) unless
     * JBPF_BENCH_RING_RECORDS says otherwise; 100,000 (7.2 MB) measures the reading loops with the records in cache.
     */
    static final int RING_RECORDS = Integer.parseInt(System.getenv().getOrDefault("JBPF_BENCH_RING_RECORDS", "500000"));
    static final int PERF_RECORDS = 40_000, PERF_PAGES = 1024, ROUNDS = 10, WARMUP = 5, PASSES = 2;
    /**
     * Small rounds before the timed ones, as an application that has polled a while has made them: they let the JIT
     * compile the reading loop as a method of its own. The timed rounds call it once each, too few calls for that, so
     * without them each round would start in the interpreter and move into a copy of the loop compiled for that
     * situation (on-stack replacement) only after its first thousand records or so (about a fifth of a perf round).
     * Not a multiple of the loops' 64-record batches: a warm-up whose passes all end on a batch boundary leaves the
     * other way out of a batch unprofiled, and the first timed round then drops back to the interpreter.
     */
    static final int WARM_CALLS = 1000, WARM_RECORDS = 250;
    static final byte[] PACKET = new byte[64];
    /**
     * A fixed heap, touched when the JVM starts: as in an application that has run a while. A growing heap's first
     * touches of new pages are page faults charged to the allocating thread, which made the new-object reader's
     * rounds three times slower and their spread wide.
     */
    static final String[] HEAP = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"};
    static long checksum;
    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--java")) {
            javaVariant(args[1]);
            return;
        }
        String ringConsumer = args[0], perfConsumer = args[1];
        Path dir = Path.of("/sys/fs/bpf/jbpf-ringbench");
        Files.createDirectories(dir);
        try {
            ring(ringConsumer, dir);
            perf(perfConsumer, dir);
        } finally {
            Files.deleteIfExists(dir);
        }
        if (checksum == 42) System.out.print("");
    }

    /** In a JVM of its own: loads the producer, drains with one kind of reader and prints each round's rate. */
    static void javaVariant(String variant) throws Exception {
        boolean ring = !variant.startsWith("perf");
        Class<?> probe = ring ? RingBench.class : PerfFlood.class;
        try (BPF bpf = BPF.load(Translator.translate(probe), probe)) {
            var map = bpf.loaded().map("events");
            var codec = Codecs.of(Record64.class);
            Function<BPF, EventReader> open = switch (variant) {
                case "record-view" -> b -> RingBufferReader.openView(map, r -> checksum += r.getLong(0));
                case "in-place", "in-place-mixed" -> b -> RingBufferReader.openInPlace(map, (r, off, len) -> checksum += r.getLong(off));
                case "views" -> b -> b.ringBuffer(RingBench.events, (ByteBuffer r) -> checksum += r.getLong(0));
                case "decoded" -> b -> RingBufferReader.open(map, codec, (Record64 r) -> checksum += r.seq);
                case "reused" -> b -> RingBufferReader.openReusing(map, codec, (Record64 r) -> checksum += r.seq);
                case "perf-record-view" -> b -> PerfBufferReader.openView(map, PERF_PAGES, (cpu, s) -> checksum += s.getLong(0), null);
                case "perf-in-place" -> b -> PerfBufferReader.openInPlace(map, PERF_PAGES, (cpu, s, off, len) -> checksum += s.getLong(off), null);
                case "perf-views" -> b -> b.perfBuffer("events", PERF_PAGES, (cpu, s) -> checksum += s.getLong(0), null);
                case "perf-decoded" -> b -> b.perfBuffer("events", Record64.class, PERF_PAGES, (cpu, r) -> checksum += r.seq, null);
                case "perf-reused" -> b -> PerfBufferReader.openReusing(map, codec, PERF_PAGES, (cpu, r) -> checksum += r.seq, null);
                default -> throw new IllegalArgumentException(variant);
            };
            if (variant.equals("in-place-mixed")) {
                // an application with several kinds of reader: three others drain the ring first, in the same JVM
                List<Function<BPF, EventReader>> others = List.of(
                        b -> RingBufferReader.openInPlace(map, (r, off, len) -> checksum ^= r.getLong(off + 8)),
                        b -> b.ringBuffer(RingBench.events, (ByteBuffer r) -> checksum += r.getLong(0)),
                        b -> RingBufferReader.openReusing(map, codec, (Record64 r) -> checksum += r.time));
                for (Function<BPF, EventReader> other : others) java(bpf, RING_RECORDS, other);
            }
            for (String round : java(bpf, ring ? RING_RECORDS : PERF_RECORDS, open)) System.out.println(round);
            long failed = bpf.map(ring ? RingBench.counts : PerfFlood.counts).get(2);
            if (failed != 0) throw new IllegalStateException(failed + " records did not fit");
        }
        if (checksum == 42) System.out.print("");
    }

    /** The rates of one reader kind, measured in a child JVM. */
    static List<Double> fork(String variant) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(HEAP));
        if (Runtime.version().feature() >= 24) cmd.add("--enable-native-access=ALL-UNNAMED");  // JNA's System.load, without a warning
        String extra = System.getenv("JBPF_BENCH_JVM_OPTS");  // e.g. -Xlog options, to see what a reader's JVM does
        if (extra != null && !extra.isBlank()) cmd.addAll(List.of(extra.trim().split(" +")));
        String classPath = System.getProperty("java.class.path"), reader = variant;
        if (variant.endsWith(BEFORE)) {  // the same reader with another build's maps runtime, e.g. the last release's
            reader = variant.substring(0, variant.length() - BEFORE.length());
            classPath = classPath.replaceAll("[^:]*jbpf-maps-runtime[^:]*\\.jar",
                    java.util.regex.Matcher.quoteReplacement(System.getenv("JBPF_BENCH_BEFORE")));
        }
        cmd.addAll(List.of("-cp", classPath, "scripts/bench/RingBufferBench.java", "--java", reader));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("jbpf " + variant + " reader failed: " + out);
        List<Double> rates = new ArrayList<>();
        for (String line : out.trim().split("\n")) {
            if (TRACE) System.out.println("    round " + variant + ": " + line);
            String[] f = line.split(" ");
            rates.add(Double.parseDouble(f[0]));
            placed(variant, f[1], f[2], f[3], f[4]);
        }
        return rates;
    }

    /** JBPF_BENCH_TRACE=1: print every round's rate, the CPUs of its fill and of its drain's start and end, and page faults. */
    static final boolean TRACE = "1".equals(System.getenv("JBPF_BENCH_TRACE"));

    /** Per reader ("C" for libbpf): rounds, rounds whose fill and drain did not all run on one CPU, page faults while draining. */
    static final java.util.Map<String, long[]> PLACEMENT = new java.util.TreeMap<>();

    static void placed(String reader, String fillCpu, String startCpu, String endCpu, String faults) {
        long[] p = PLACEMENT.computeIfAbsent(reader, k -> new long[3]);
        p[0]++;
        if (!fillCpu.equals(startCpu) || !startCpu.equals(endCpu)) p[1]++;
        p[2] += Long.parseLong(faults);
    }

    /** One line saying, per reader, in how many rounds the drain ran on another CPU than the fill, and its page faults. */
    static void placement() {
        StringBuilder b = new StringBuilder("  rounds whose drain left the fill's CPU, and page faults while draining:");
        for (var e : PLACEMENT.entrySet()) b.append(String.format(" %s %d of %d, %d;", e.getKey(), e.getValue()[1], e.getValue()[0], e.getValue()[2]));
        System.out.println(b.substring(0, b.length() - 1));
        PLACEMENT.clear();
    }

    /** This thread's CPU (field 39 of /proc/thread-self/stat) and its minor page faults so far (field 10). */
    static long[] where() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[39 - 3]), Long.parseLong(f[10 - 3])};
        } catch (java.io.IOException e) {
            return new long[] {-1, -1};
        }
    }

    /**
     * JBPF_BENCH_BEFORE=path/to/jbpf-maps-runtime.jar: each reader is measured a second time with that jar in place of
     * this tree's maps runtime, alternating with this tree's rounds and against the same C rounds: before and after in
     * one run.
     */
    static final String BEFORE = "@before";

    static List<String[]> withBefore(String[][] readers) {
        List<String[]> all = new ArrayList<>();
        String before = System.getenv("JBPF_BENCH_BEFORE");
        for (String[] r : readers) {
            all.add(r);
            if (before != null && !before.isBlank()) all.add(new String[] {r[0] + BEFORE, "  before (JBPF_BENCH_BEFORE):              "});
        }
        return all;
    }

    /** The readers to measure: all, or those named in JBPF_BENCH_READERS (e.g. "in-place,reused,perf-views"). */
    static boolean wanted(String variant) {
        String only = System.getenv("JBPF_BENCH_READERS");
        return only == null || only.isBlank() || Arrays.asList(only.split(",")).contains(variant.replace(BEFORE, ""));
    }

    static final String[][] RING_READERS = withBefore(new String[][] {
        {"record-view", "jbpf RecordView (RecordViewHandler):       "},
        {"in-place", "jbpf in place (RawRecordHandler):          "},
        {"in-place-mixed", "  the same after 3 other kinds of reader:  "},
        {"views", "jbpf view per record (RecordHandler):      "},
        {"decoded", "jbpf decoded @Struct, new object each:     "},
        {"reused", "jbpf decoded into one reused @Struct:      "},
    }).toArray(new String[0][]);
    static final String[][] PERF_READERS = withBefore(new String[][] {
        {"perf-record-view", "jbpf RecordView (SampleViewHandler):       "},
        {"perf-in-place", "jbpf in place (RawSampleHandler):          "},
        {"perf-views", "jbpf view per sample (SampleHandler):      "},
        {"perf-decoded", "jbpf decoded @Struct, new object each:     "},
        {"perf-reused", "jbpf decoded into one reused @Struct:      "},
    }).toArray(new String[0][]);

    static void ring(String consumer, Path dir) throws Exception {
        if (Arrays.stream(RING_READERS).noneMatch(r -> wanted(r[0]))) return;
        try (BPF bpf = BPF.load(Translator.translate(RingBench.class), RingBench.class)) {
            Path mapPin = pin(dir.resolve("events"), bpf.loaded().map("events").fd().value());
            Path progPin = pin(dir.resolve("produce"), bpf.program("produce").fd().value());
            try {
                List<Double> c = new ArrayList<>();
                List<List<Double>> jbpf = new ArrayList<>();
                for (String[] r : RING_READERS) jbpf.add(new ArrayList<>());
                for (int pass = 0; pass < PASSES; pass++) {
                    c.addAll(c(consumer, RING_RECORDS, mapPin.toString(), progPin.toString(), String.valueOf(RING_RECORDS),
                            String.valueOf(ROUNDS + WARMUP)));
                    for (int i = 0; i < RING_READERS.length; i++) if (wanted(RING_READERS[i][0])) jbpf.get(i).addAll(fork(RING_READERS[i][0]));
                }
                long failed = bpf.map(RingBench.counts).get(2);
                System.out.printf("ring buffer: %,d records of 64 bytes per round, %d rounds per side (after %d warm-up rounds per pass); failed reserves: %d%n",
                        RING_RECORDS, c.size(), WARMUP, failed);
                System.out.printf("  (jbpf readers each in a JVM of its own with %s)%n", String.join(" ", HEAP));
                double mc = median(c);
                System.out.printf("  C, libbpf ring_buffer__consume:            %,14.0f records/s  %s%n", mc, range(c));
                for (int i = 0; i < RING_READERS.length; i++) if (wanted(RING_READERS[i][0])) row("  " + RING_READERS[i][1], jbpf.get(i), mc);
                placement();
            } finally {
                Files.deleteIfExists(mapPin);
                Files.deleteIfExists(progPin);
            }
        }
    }

    static void perf(String consumer, Path dir) throws Exception {
        if (Arrays.stream(PERF_READERS).noneMatch(r -> wanted(r[0]))) return;
        try (BPF bpf = BPF.load(Translator.translate(PerfFlood.class), PerfFlood.class)) {
            Path mapPin = pin(dir.resolve("perf"), bpf.loaded().map("events").fd().value());
            Path progPin = pin(dir.resolve("perf_produce"), bpf.program("produce").fd().value());
            try {
                List<Double> c = new ArrayList<>();
                List<List<Double>> jbpf = new ArrayList<>();
                for (String[] r : PERF_READERS) jbpf.add(new ArrayList<>());
                for (int pass = 0; pass < PASSES; pass++) {
                    c.addAll(c(consumer, PERF_RECORDS, mapPin.toString(), progPin.toString(), String.valueOf(PERF_RECORDS),
                            String.valueOf(ROUNDS + WARMUP), String.valueOf(PERF_PAGES)));
                    for (int i = 0; i < PERF_READERS.length; i++) if (wanted(PERF_READERS[i][0])) jbpf.get(i).addAll(fork(PERF_READERS[i][0]));
                }
                System.out.printf("perf buffer: %,d samples of 64 bytes per round, %d pages per CPU, %d rounds per side; failed outputs: %d%n",
                        PERF_RECORDS, PERF_PAGES, c.size(), bpf.map(PerfFlood.counts).get(2));
                double mc = median(c);
                System.out.printf("  C, libbpf perf_buffer__consume:            %,14.0f records/s  %s%n", mc, range(c));
                for (int i = 0; i < PERF_READERS.length; i++) if (wanted(PERF_READERS[i][0])) row("  " + PERF_READERS[i][1], jbpf.get(i), mc);
                placement();
            } finally {
                Files.deleteIfExists(mapPin);
                Files.deleteIfExists(progPin);
            }
        }
    }

    /** A jbpf reader's median, its rounds' range and the ratio of its median to C's: medians on both sides, always. */
    static void row(String label, List<Double> rates, double c) {
        double m = median(rates);
        System.out.printf("%s%,14.0f records/s  %s  ratio of medians jbpf/C %.2f%n", label, m, range(rates), m / c);
    }

    /** The slowest and fastest round, in millions of records per second. */
    static String range(List<Double> rates) {
        double min = rates.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return String.format("(rounds %.0f-%.0f M/s)", min / 1e6, max(rates) / 1e6);
    }

    static Path pin(Path path, int fd) throws Exception {
        Files.deleteIfExists(path);
        Sys.bpf(BpfCmd.OBJ_PIN, BpfAttrs.objPin(path.toString(), fd), () -> "pinning " + path);
        return path;
    }

    /** Records/s of the rounds after warm-up, with a reader opened for the run and closed after it. */
    static List<String> java(BPF bpf, int records, Function<BPF, EventReader> open) {
        List<String> rates = new ArrayList<>();
        try (EventReader reader = open.apply(bpf)) {
            reader.consume();
            for (int i = 0; i < WARM_CALLS; i++) {
                bpf.program("produce").testRun(PACKET, WARM_RECORDS);
                if (reader.consume() != WARM_RECORDS) throw new IllegalStateException("a warm-up round lost records");
            }
            for (int round = 0; round < ROUNDS + WARMUP; round++) {
                long fillCpu = where()[0];
                bpf.program("produce").testRun(PACKET, records);
                long[] start = where();
                long t0 = CPU.getCurrentThreadCpuTime();
                int n = reader.consume();
                long t1 = CPU.getCurrentThreadCpuTime();
                long[] end = where();
                if (n != records) throw new IllegalStateException("drained " + n + " records, expected " + records);
                // the rate, then as the C side prints them: the CPU of the fill, of the drain's start and end, page faults
                if (round >= WARMUP) rates.add((n * 1e9 / (t1 - t0)) + " " + fillCpu + " " + start[0] + " " + end[0] + " " + (end[1] - start[1]));
            }
        }
        return rates;
    }

    static List<Double> c(String consumer, int records, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(consumer));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("C consumer failed: " + out);
        List<Double> rates = new ArrayList<>();
        String[] lines = out.trim().split("\n");
        for (int i = WARMUP; i < lines.length; i++) {
            String[] f = lines[i].trim().split(" ");
            if (Integer.parseInt(f[0]) != records) throw new IllegalStateException("C drained " + f[0] + " records, expected " + records);
            rates.add(Double.parseDouble(f[1]));
            placed("C", f[2], f[3], f[4], f[5]);
            if (TRACE) System.out.println("    round C: " + lines[i].trim().substring(f[0].length() + 1));
        }
        return rates;
    }

    static double max(List<Double> v) { return v.stream().mapToDouble(Double::doubleValue).max().orElse(0); }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
