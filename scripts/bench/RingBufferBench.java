// The Java side of scripts/bench-ringbuf: records per second drained from a ring buffer and from perf buffers by
// jbpf's readers against libbpf's ring_buffer and perf_buffer APIs (ringbuf_consumer.c, perf_consumer.c), on the same
// producer programs and buffers, in one run. Each round fills the buffer with 64-byte records (BPF_PROG_TEST_RUN with
// a repeat count), then times draining it; a ring round does that once per size (in cache, then 36 MB).
//
// The same rules for both sides: every reader, C or jbpf, runs in several short processes (JBPF_BENCH_PROCESSES, 5 by
// default: the default readers then take about 8 minutes a JDK on the idle 2-core VM), each timing JBPF_BENCH_ROUNDS rounds (15) after 2 warm-up rounds. The processes are interleaved one by one,
// a C process among the jbpf ones in every pass, the order rotated each pass, so load on the machine falls on both
// sides alike. A process's median is its figure; a reader's figure is the median of its processes' medians, shown
// with their range, and its ratio is to C's. Beside it: the median and range of every round, and the median (range)
// of the ratios paired within a pass; each reader's process medians are printed too. A 7.2 MB round lasts under a
// millisecond, and single rounds on this VM move by up to a third whatever the process (JDK 25 in place under load 13:
// rounds of one process at 179-333 M records/s, C's at 186-310, the JIT's code for the loop the same in all of them):
// a median of 5 rounds made whole processes look fast or slow, hence 15 rounds a process by default.
// Both sides time the draining thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so other load on the machine does not
// count; draining makes no system calls, so that is all the time it takes. Each jbpf reader runs in JVMs of its own
// (as JMH forks per benchmark), as an application with one kind of reader would: in one JVM the readers' handlers
// would share the ring loop's call profile and slow each other down. Its heap is fixed and touched at start (HEAP).
// Both sides drain the same pinned buffer, filled by the same pinned producer program run the same way (the packet in,
// nothing out): a reader that loaded a ring of its own would read pages new to its process, where C's are not.

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jbpf.BPF;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.events.EventReader;
import org.jbpf.events.PerfBufferReader;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.events.PerfFlood;
import org.jbpf.examples.events.Record64;
import org.jbpf.examples.events.RingBench;
import org.jbpf.loader.LoadedMap;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.loader.MapInfo;
import org.jbpf.loader.Pins;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfCmd;
import org.jbpf.loader.sys.BpfSyscalls;
import org.jbpf.loader.sys.Fd;
import org.jbpf.loader.sys.Sys;
import org.jbpf.runtime.Codecs;
import org.jbpf.translator.Translator;

public final class RingBufferBench {
    /**
     * Ring records per drain, each size once a round: 100,000 (7.2 MB, in this VM's 32 MB cache) and 500,000 (36 MB,
     * more than the cache, so both sides stream from memory), unless JBPF_BENCH_RING_RECORDS lists others.
     */
    static final int[] RING_RECORDS = ints(env("JBPF_BENCH_RING_RECORDS", "100000,500000"));
    static final int[] PERF_RECORDS = {40_000};
    static final int PERF_PAGES = 1024, WARMUP = 2;
    static final int PROCESSES = Integer.parseInt(env("JBPF_BENCH_PROCESSES", "5"));
    static final int ROUNDS = Integer.parseInt(env("JBPF_BENCH_ROUNDS", "15"));
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
            javaVariant(args[1], ints(args[2]), Path.of(args[3]), Path.of(args[4]));
            return;
        }
        String ringConsumer = args[0], perfConsumer = args[1];
        Path dir = Path.of("/sys/fs/bpf/jbpf-ringbench-" + ProcessHandle.current().pid());  // one per run: runs may overlap
        Files.createDirectories(dir);
        try {
            ring(ringConsumer, dir);
            perf(perfConsumer, dir);
        } finally {
            Files.deleteIfExists(dir);
        }
        if (checksum == 42) System.out.print("");
    }

    /**
     * In a JVM of its own: drains with one kind of reader the buffer pinned at {@code mapPin}, filled by the producer
     * pinned at {@code progPin} (the buffer and program the C consumer uses), and prints each drain as the C side does.
     * The "-own" readers load a producer and buffer of their own instead, as every reader did before both sides shared
     * one: a fresh 64 MiB ring per process, its pages new to the process.
     */
    static void javaVariant(String variant, int[] sizes, Path mapPin, Path progPin) throws Exception {
        boolean ring = !variant.startsWith("perf"), own = variant.endsWith(OWN);
        String kind = own ? variant.substring(0, variant.length() - OWN.length()) : variant;
        Class<?> probe = ring ? RingBench.class : PerfFlood.class;
        if (own) {
            try (BPF bpf = BPF.load(Translator.translate(probe), probe)) {
                LoadedProgram produce = bpf.program("produce");
                for (String drain : java(bpf.loaded().map("events"), kind, sizes, n -> produce.testRun(PACKET, n))) System.out.println(drain);
                long failed = bpf.map(ring ? RingBench.counts : PerfFlood.counts).get(2);
                if (failed != 0) throw new IllegalStateException(failed + " records did not fit");
            }
        } else {
            try (Fd mapFd = Pins.openMap(mapPin); Fd progFd = BpfSyscalls.kernel().objGet(progPin.toString(), 0)) {
                MapInfo info = MapInfo.of(mapFd);
                LoadedMap map = new LoadedMap(new MapSpec("events", info.type(), info.keySize(), info.valueSize(), info.maxEntries(),
                        info.flags(), 0, 0), mapFd, null);
                Memory packet = new Memory(PACKET.length);
                packet.clear();
                // as ringbuf_consumer.c runs it: the packet in, nothing out
                IntConsumer produce = n -> Sys.bpf(BpfCmd.PROG_TEST_RUN,
                        BpfAttrs.testRun(progFd.value(), packet, PACKET.length, null, 0, n), "BPF_PROG_TEST_RUN of the pinned producer");
                for (String drain : java(map, kind, sizes, produce)) System.out.println(drain);
            }
        }
        if (checksum == 42) System.out.print("");
    }

    /** The reader {@code kind} of {@code map}, drained after each {@code produce} of the given number of records. */
    static List<String> java(LoadedMap map, String kind, int[] sizes, IntConsumer produce) {
        var codec = Codecs.of(Record64.class);
        Supplier<EventReader> open = switch (kind) {
            case "record-view" -> () -> RingBufferReader.openView(map, r -> checksum += r.getLong(0));
            case "in-place", "in-place-mixed" -> () -> RingBufferReader.openInPlace(map, (r, off, len) -> checksum += r.getLong(off));
            case "views" -> () -> RingBufferReader.openRaw(map, (ByteBuffer r) -> checksum += r.getLong(0));
            case "decoded" -> () -> RingBufferReader.open(map, codec, (Record64 r) -> checksum += r.seq);
            case "reused" -> () -> RingBufferReader.openReusing(map, codec, (Record64 r) -> checksum += r.seq);
            case "perf-record-view" -> () -> PerfBufferReader.openView(map, PERF_PAGES, (cpu, s) -> checksum += s.getLong(0), null);
            case "perf-in-place" -> () -> PerfBufferReader.openInPlace(map, PERF_PAGES, (cpu, s, off, len) -> checksum += s.getLong(off), null);
            case "perf-views" -> () -> PerfBufferReader.openRaw(map, PERF_PAGES, (cpu, s) -> checksum += s.getLong(0), null);
            case "perf-decoded" -> () -> PerfBufferReader.open(map, codec, PERF_PAGES, (cpu, r) -> checksum += r.seq, null);
            case "perf-reused" -> () -> PerfBufferReader.openReusing(map, codec, PERF_PAGES, (cpu, r) -> checksum += r.seq, null);
            default -> throw new IllegalArgumentException(kind);
        };
        if (kind.equals("in-place-mixed")) {
            // an application with several kinds of reader: three others drain the ring first, in the same JVM
            List<Supplier<EventReader>> others = List.of(
                    () -> RingBufferReader.openInPlace(map, (r, off, len) -> checksum ^= r.getLong(off + 8)),
                    () -> RingBufferReader.openRaw(map, (ByteBuffer r) -> checksum += r.getLong(0)),
                    () -> RingBufferReader.openReusing(map, codec, (Record64 r) -> checksum += r.time));
            for (Supplier<EventReader> other : others) java(sizes, other, produce);
        }
        return java(sizes, open, produce);
    }

    /**
     * Every drain of a reader's warm-up and timed rounds, in order, as the C consumers print them: records drained,
     * records/s, the CPU of the fill, of the drain's start and its end, and page faults while draining. The small
     * warm-up rounds take the same steps as a timed one ({@link #drain}) and the lines are written after the last
     * round, and then the timed rounds wait until the JIT has been idle a while ({@link #awaitIdleJit}): otherwise the
     * JIT compiled the bench's own steps (reading /proc, the clock, formatting) during the timed rounds, on the other
     * CPU of this 2-CPU VM, beside the drain, which C's drains never have (JDK 25 in place, 5 processes of 15 rounds
     * under load 13, at 7.2 / 36 MB: the slowest tenth of rounds under 244 / 277 M records/s with those compiles, 260 /
     * 298 without; process medians 293-316 / 310-327 and 291-317 / 315-328).
     */
    static List<String> java(int[] sizes, Supplier<EventReader> open, IntConsumer produce) {
        long[][] rows = new long[(WARMUP + ROUNDS) * sizes.length][];
        int lines = 0;
        try (EventReader reader = open.get()) {
            reader.consume();  // whatever an earlier reader left behind
            for (int i = 0; i < WARM_CALLS; i++) {
                long[] row = drain(reader, produce, WARM_RECORDS);
                if (row[0] != WARM_RECORDS) throw new IllegalStateException("a warm-up round lost records");
                lines += line(row).length();  // compiled here too
            }
            awaitIdleJit();
            for (int d = 0; d < rows.length; d++) rows[d] = drain(reader, produce, sizes[d % sizes.length]);
        }
        List<String> drains = new ArrayList<>();
        for (long[] row : rows) drains.add(line(row));
        if (lines == 42) System.out.print("");
        return drains;
    }

    /** One round: a fill of {@code records}, then one timed drain; records drained, ns of CPU time, the CPUs and faults as {@link #line} prints them. */
    static long[] drain(EventReader reader, IntConsumer produce, int records) {
        long fillCpu = where()[0];
        produce.accept(records);
        long[] start = where();
        long t0 = CPU.getCurrentThreadCpuTime();
        int n = reader.consume();
        long t1 = CPU.getCurrentThreadCpuTime();
        long[] end = where();
        return new long[] {n, t1 - t0, fillCpu, start[0], end[0], end[1] - start[1]};
    }

    static String line(long[] row) {
        return row[0] + " " + (row[0] * 1e9 / row[1]) + " " + row[2] + " " + row[3] + " " + row[4] + " " + row[5];
    }

    /** Waits (at most 10 s) until the JIT's compilation time has not grown for 300 ms: its compiles done. */
    static void awaitIdleJit() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) return;
        long last = -1;
        for (int i = 0, still = 0; i < 100 && still < 3; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            long t = jit.getTotalCompilationTime();
            still = t == last ? still + 1 : 0;
            last = t;
        }
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

    /** One reader, C or jbpf: per size, the timed rates of each of its processes, in the order they ran. */
    static final class Reader {
        final String id, label;
        final Map<Integer, List<List<Double>>> processes = new LinkedHashMap<>();
        long rounds, moved, faults;

        Reader(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** Takes one process's output: its drains, warm-up rounds first, in the order of {@code sizes}. */
        void add(String out, int[] sizes) {
            String[] lines = out.trim().split("\n");
            if (lines.length != (WARMUP + ROUNDS) * sizes.length)
                throw new IllegalStateException(id + " printed " + lines.length + " drains, expected " + (WARMUP + ROUNDS) * sizes.length + ": " + out);
            Map<Integer, List<Double>> rates = new LinkedHashMap<>();
            for (int d = 0; d < lines.length; d++) {
                String[] f = lines[d].trim().split(" ");
                int size = sizes[d % sizes.length];
                if (Integer.parseInt(f[0]) != size) throw new IllegalStateException(id + " drained " + f[0] + " records, expected " + size);
                if (d < WARMUP * sizes.length) continue;
                rates.computeIfAbsent(size, k -> new ArrayList<>()).add(Double.parseDouble(f[1]));
                rounds++;
                if (!f[2].equals(f[3]) || !f[3].equals(f[4])) moved++;
                faults += Long.parseLong(f[5]);
                if (TRACE) System.out.println("    " + id + " " + size + ": " + lines[d].trim().substring(f[0].length() + 1));
            }
            for (var e : rates.entrySet()) processes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }

        List<Double> medians(int size) {
            List<Double> m = new ArrayList<>();
            for (List<Double> p : processes.get(size)) m.add(median(p));
            return m;
        }

        List<Double> all(int size) {
            List<Double> a = new ArrayList<>();
            for (List<Double> p : processes.get(size)) a.addAll(p);
            return a;
        }
    }

    /** JBPF_BENCH_TRACE=1: print every timed drain (rate, the CPUs of its fill and of its drain's start and end, page faults). */
    static final boolean TRACE = "1".equals(System.getenv("JBPF_BENCH_TRACE"));

    /**
     * JBPF_BENCH_BEFORE=path/to/jbpf-maps-runtime.jar: each reader is measured a second time with that jar in place of
     * this tree's maps runtime, in the same passes and against the same C processes: before and after in one run.
     */
    static final String BEFORE = "@before";
    /**
     * A reader named with this suffix in JBPF_BENCH_READERS (e.g. in-place-own) loads a producer and buffer of its own
     * in each process, instead of draining the pinned ones C drains: to see what the buffer's placement does.
     */
    static final String OWN = "-own";

    static final String[][] RING_READERS = {
        {"record-view", "jbpf RecordView (RecordViewHandler)"},
        {"in-place", "jbpf in place (RawRecordHandler)"},
        {"in-place-mixed", "  the same after 3 other kinds of reader"},
        {"views", "jbpf view per record (RecordHandler)"},
        {"decoded", "jbpf decoded @Struct, new object each"},
        {"reused", "jbpf decoded into one reused @Struct"},
    };
    static final String[][] PERF_READERS = {
        {"perf-record-view", "jbpf RecordView (SampleViewHandler)"},
        {"perf-in-place", "jbpf in place (RawSampleHandler)"},
        {"perf-views", "jbpf view per sample (SampleHandler)"},
        {"perf-decoded", "jbpf decoded @Struct, new object each"},
        {"perf-reused", "jbpf decoded into one reused @Struct"},
    };
    /** Measured unless JBPF_BENCH_READERS names others ("all" for every reader): the fastest ways to read each buffer, and one decoder. */
    static final List<String> DEFAULT_READERS = List.of("record-view", "in-place", "reused", "perf-record-view", "perf-in-place");

    /** The readers of a table to measure, each followed by its JBPF_BENCH_BEFORE twin when that is set. */
    static List<Reader> readers(String[][] table) {
        String only = env("JBPF_BENCH_READERS", ""), before = env("JBPF_BENCH_BEFORE", "");
        List<String> wanted = only.isBlank() ? DEFAULT_READERS : Arrays.asList(only.split(","));
        List<Reader> readers = new ArrayList<>();
        for (String[] r : table) {
            if (!wanted.contains(r[0]) && !wanted.contains("all")) continue;
            readers.add(new Reader(r[0], r[1]));
            if (!before.isBlank()) readers.add(new Reader(r[0] + BEFORE, "  before (JBPF_BENCH_BEFORE)"));
        }
        for (String[] r : table) {
            if (!wanted.contains(r[0] + OWN)) continue;
            readers.add(new Reader(r[0] + OWN, r[0] + ", a buffer of its own"));
            if (!before.isBlank()) readers.add(new Reader(r[0] + OWN + BEFORE, "  before (JBPF_BENCH_BEFORE)"));
        }
        return readers;
    }

    static void ring(String consumer, Path dir) throws Exception {
        List<Reader> readers = readers(RING_READERS);
        if (readers.isEmpty()) return;
        try (BPF bpf = BPF.load(Translator.translate(RingBench.class), RingBench.class)) {
            Path mapPin = pin(dir.resolve("events"), bpf.loaded().map("events").fd().value());
            Path progPin = pin(dir.resolve("produce"), bpf.program("produce").fd().value());
            try {
                Reader c = new Reader("C", "C, libbpf ring_buffer__consume");
                passes(c, readers, RING_RECORDS, consumer, mapPin.toString(), progPin.toString(), String.valueOf(WARMUP + ROUNDS));
                System.out.printf("ring buffer, 64-byte records; failed reserves: %d%n", bpf.map(RingBench.counts).get(2));
                for (int size : RING_RECORDS) report(String.format("%,d records a drain (%.1f MB)", size, size * 72 / 1e6), c, readers, size);
                placement(c, readers);
            } finally {
                Files.deleteIfExists(mapPin);
                Files.deleteIfExists(progPin);
            }
        }
    }

    static void perf(String consumer, Path dir) throws Exception {
        List<Reader> readers = readers(PERF_READERS);
        if (readers.isEmpty()) return;
        try (BPF bpf = BPF.load(Translator.translate(PerfFlood.class), PerfFlood.class)) {
            Path mapPin = pin(dir.resolve("perf"), bpf.loaded().map("events").fd().value());
            Path progPin = pin(dir.resolve("perf_produce"), bpf.program("produce").fd().value());
            try {
                Reader c = new Reader("C", "C, libbpf perf_buffer__consume");
                passes(c, readers, PERF_RECORDS, consumer, mapPin.toString(), progPin.toString(), String.valueOf(PERF_PAGES),
                        String.valueOf(WARMUP + ROUNDS));
                System.out.printf("perf buffer, 64-byte samples, %d pages per CPU; failed outputs: %d%n", PERF_PAGES, bpf.map(PerfFlood.counts).get(2));
                for (int size : PERF_RECORDS) report(String.format("%,d samples a drain", size), c, readers, size);
                placement(c, readers);
            } finally {
                Files.deleteIfExists(mapPin);
                Files.deleteIfExists(progPin);
            }
        }
    }

    /**
     * PROCESSES passes, each running one process of C and of every jbpf reader, one after another, starting one
     * further along the list each pass so no side always runs first or right after the other.
     */
    static void passes(Reader c, List<Reader> readers, int[] sizes, String... cArgs) throws Exception {
        List<Reader> all = new ArrayList<>(List.of(c));
        all.addAll(readers);
        List<String> cmd = new ArrayList<>(List.of(cArgs));
        for (int size : sizes) cmd.add(String.valueOf(size));
        for (int pass = 0; pass < PROCESSES; pass++) {
            for (int i = 0; i < all.size(); i++) {
                Reader r = all.get((pass + i) % all.size());
                r.add(r == c ? run(cmd, "C consumer", ProcessBuilder.Redirect.DISCARD) : fork(r.id, sizes, cArgs[1], cArgs[2]), sizes);
            }
            System.err.printf("  (%s: pass %d of %d done)%n", c.label, pass + 1, PROCESSES);  // progress, on a slow machine
        }
    }

    /** One process of a jbpf reader: a JVM of its own running this class, compiled once by scripts/bench-ringbuf. */
    static String fork(String variant, int[] sizes, String mapPin, String progPin) throws Exception {
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
        StringBuilder list = new StringBuilder();
        for (int size : sizes) list.append(list.length() == 0 ? "" : ",").append(size);
        cmd.addAll(List.of("-cp", classPath, "RingBufferBench", "--java", reader, list.toString(), mapPin, progPin));
        return run(cmd, "jbpf " + variant + " reader", ProcessBuilder.Redirect.INHERIT);
    }

    /** The output of a process; {@code errors} takes its standard error (the C consumers' checksum is dropped). */
    static String run(List<String> cmd, String what, ProcessBuilder.Redirect errors) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(errors).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException(what + " failed: " + out);
        return out;
    }

    /** One table: the rules, C's row, each jbpf reader's row and its processes' medians, CPU placement and page faults. */
    static void report(String what, Reader c, List<Reader> readers, int size) {
        System.out.printf("  %s: %d processes per reader, interleaved one by one with C's, %d timed rounds each after %d warm-up rounds%n",
                what, PROCESSES, ROUNDS, WARMUP);
        System.out.printf("  (M records/s; median of process medians [their range], median of all rounds (their range); jbpf JVMs with %s)%n",
                String.join(" ", HEAP));
        List<Double> cm = c.medians(size);
        double mc = median(cm);
        System.out.printf("  %-42s %6.1f [%s]  %6.1f (%s)%n", c.label, mc / 1e6, range(cm), median(c.all(size)) / 1e6, range(c.all(size)));
        for (Reader r : readers) {
            List<Double> m = r.medians(size), paired = new ArrayList<>();
            for (int i = 0; i < m.size(); i++) paired.add(m.get(i) / cm.get(i));
            double mr = median(m);
            System.out.printf("  %-42s %6.1f [%s]  %6.1f (%s)  ratio %.2f; paired by pass %.2f (%.2f-%.2f)%n", r.label, mr / 1e6, range(m),
                    median(r.all(size)) / 1e6, range(r.all(size)), mr / mc, median(paired), min(paired), max(paired));
        }
        for (Reader r : all(c, readers)) System.out.printf("    process medians, %-16s %s%n", r.id + ":", sorted(r.medians(size)));
    }

    static List<Reader> all(Reader c, List<Reader> readers) {
        List<Reader> all = new ArrayList<>(List.of(c));
        all.addAll(readers);
        return all;
    }

    /** Once per buffer kind, per reader: timed rounds whose drain did not all run on the fill's CPU, and page faults while draining. */
    static void placement(Reader c, List<Reader> readers) {
        StringBuilder b = new StringBuilder("  rounds whose drain left the fill's CPU, and page faults while draining:");
        for (Reader r : all(c, readers)) b.append(String.format(" %s %d of %d, %d;", r.id, r.moved, r.rounds, r.faults));
        System.out.println(b.substring(0, b.length() - 1));
    }

    /** Millions of records/s, slowest first. */
    static String sorted(List<Double> v) {
        double[] a = v.stream().mapToDouble(d -> d / 1e6).sorted().toArray();
        StringBuilder b = new StringBuilder();
        for (double d : a) b.append(String.format("%.0f ", d));
        return b.toString().trim();
    }

    static String range(List<Double> rates) { return String.format("%.0f-%.0f", min(rates) / 1e6, max(rates) / 1e6); }

    static Path pin(Path path, int fd) throws Exception {
        Files.deleteIfExists(path);
        Sys.bpf(BpfCmd.OBJ_PIN, BpfAttrs.objPin(path.toString(), fd), () -> "pinning " + path);
        return path;
    }

    static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v.trim();
    }

    static int[] ints(String list) { return Arrays.stream(list.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray(); }

    static double min(List<Double> v) { return v.stream().mapToDouble(Double::doubleValue).min().orElse(0); }

    static double max(List<Double> v) { return v.stream().mapToDouble(Double::doubleValue).max().orElse(0); }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
