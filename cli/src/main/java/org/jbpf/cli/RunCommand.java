package org.jbpf.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.toolchain.MapMarks;
import org.jbpf.toolchain.ProbeObjects;
import org.jbpf.translator.Translator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Load a probe (class file, class name or .o), attach it, and print its maps when the duration "
                + "ends, on Ctrl-C, or every --interval. @Histogram maps print as bar charts; @Scratch maps are left out.",
        footer = {"", ExitCodes.HELP})
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PROBE", description = "a probe .class file, class name (with --classpath) or .o file")
    String probe;

    @Option(names = {"-cp", "--classpath"}, split = ":", description = "where the probe and its struct classes are found")
    List<Path> classpath = new ArrayList<>();

    @Option(names = {"-d", "--duration"}, description = "how long to run, e.g. 10s, 500ms, 2m; 0 runs until Ctrl-C (default 10s)")
    String duration = "10s";

    @Option(names = {"-i", "--interval"}, description = "also print the maps every interval, e.g. 1s; each print shows "
            + "what changed since the one before (counters and histogram slots)")
    String interval;

    @Option(names = "--clear", description = "empty the maps after each print (arrays are zeroed), so each print shows "
            + "only what happened since the one before")
    boolean clear;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default); json: one JSON object per line "
            + "for each map print and each event, the schema in README; folded: the maps keyed by @StackId as folded "
            + "stacks (outer;...;inner count) for flame graphs, and nothing else on stdout")
    OutputFormat format = OutputFormat.text;

    @Option(names = "--per-cpu", description = "show each CPU's value of per-CPU maps apart, besides their combined value "
            + "(integer fields added, @Max fields the largest)")
    boolean perCpu;

    @Option(names = {"-s", "--source-path"}, split = ":", description = "Java source roots, for source text in line info")
    List<Path> sourcePath = new ArrayList<>(Translator.Options.DEFAULT.sourceRoots());

    @Option(names = "--top", description = "rows per map to print, largest values first (default 20)")
    int top = 20;

    @Option(names = "--serve", paramLabel = "HOST:PORT", description = "while running, serve the maps as Prometheus metrics at "
            + "http://HOST:PORT/metrics (a port alone binds to 127.0.0.1)")
    String serve;

    @Option(names = "--export-text", split = ",", paramLabel = "MAP", description = "with --serve: also export the text "
            + "(command names, file names) of these maps, which can identify users")
    List<String> exportText = new ArrayList<>();

    @Option(names = "--const", paramLabel = "NAME=VALUE", description = "set a load-time constant (a @Constant field, a C "
            + "const volatile global) before loading, e.g. --const targetPid=1234; repeat for more")
    List<String> constants = new ArrayList<>();

    @Override public Integer call() throws Exception {
        List<BpfObject> objects = ProbeObjects.of(List.of(probe), classpath, sourcePath);
        if (objects.size() != 1) {
            List<String> names = new ArrayList<>();
            for (BpfObject o : objects) names.add(o.name());
            throw new IllegalArgumentException(probe + " holds " + objects.size() + " probes (" + String.join(", ", names)
                    + "); run one at a time: jbpf run -cp " + probe + " <its class name>");
        }
        BpfObject object = ConstantOptions.apply(objects.get(0), constants);
        long total = parseDuration(duration).toMillis();
        long every = interval == null ? 0 : parseDuration(interval).toMillis();
        if (interval != null && every <= 0) throw new IllegalArgumentException("--interval must be positive, e.g. 1s");
        JsonLines json = format == OutputFormat.json ? new JsonLines(System.out) : null;
        MapPrinter printer = new MapPrinter(System.out, top, interval != null && !clear, json).cpusApart(perCpu)
                .folded(format == OutputFormat.folded);
        // with JSON or folded stacks on stdout, what people read goes to stderr
        java.io.PrintStream status = format != OutputFormat.text ? System.err : System.out;
        boolean guessText = probe.endsWith(".o");  // a .o's Java types are unknown: guess which byte arrays are text
        AtomicBoolean printedFinal = new AtomicBoolean();
        LoggingAhead.awaitSetUp();  // the loader's first libc call starts JNA, which asks for a logger
        try (BPF bpf = loadAndAttach(object)) {
            for (String w : bpf.warnings()) System.err.println("jbpf: warning: " + w);
            for (String line : PrintkNotice.lines(object, TracefsRoots.DEFAULT)) System.err.println(line);
            status.println("attached " + bpf.links().size() + " program(s) of " + object.name() + "; "
                    + (total > 0 ? "running for " + describe(parseDuration(duration)) : "running until Ctrl-C"));
            // on Ctrl-C the maps are printed once more; the kernel drops the programs when the process exits
            Thread onExit = new Thread(new FinalPrint(bpf, object, printer, json, guessText, printedFinal));
            Runtime.getRuntime().addShutdownHook(onExit);
            try (AutoCloseable metrics = ServeOption.serve(bpf, serve, exportText, System.out, System.err);
                 EventPrinter events = EventPrinter.start(bpf, object, status, json, guessText)) {
                // a class, not a lambda: the path of run links none (HotCommandsTest)
                new PrintSchedule(every, total).run(PrintSchedule.Clock.SYSTEM, new Runnable() {
                    @Override public void run() { printMaps(bpf, object, printer, json, guessText); }
                });
            } catch (Exception e) {
                printedFinal.set(true);  // a failed run (--serve on a bad address) closes its maps: nothing to print at exit
                throw e;
            }
            if (printedFinal.compareAndSet(false, true)) {
                bpf.detach();  // the last print shows the maps as the programs left them, and closing need not count them again
                printMaps(bpf, object, printer, json, guessText);
            }
            Runtime.getRuntime().removeShutdownHook(onExit);
        }
        return ExitCodes.OK;
    }

    /** The maps printed once more on Ctrl-C (a class, not a lambda: linking one costs a cold command more than this). */
    private final class FinalPrint implements Runnable {
        private final BPF bpf;
        private final BpfObject object;
        private final MapPrinter printer;
        private final JsonLines json;
        private final boolean guessText;
        private final AtomicBoolean printed;

        FinalPrint(BPF bpf, BpfObject object, MapPrinter printer, JsonLines json, boolean guessText, AtomicBoolean printed) {
            this.bpf = bpf;
            this.object = object;
            this.printer = printer;
            this.json = json;
            this.guessText = guessText;
            this.printed = printed;
        }

        @Override public void run() {
            if (printed.compareAndSet(false, true)) printMaps(bpf, object, printer, json, guessText);
        }
    }

    private void printMaps(BPF bpf, BpfObject object, MapPrinter printer, JsonLines json, boolean guessText) {
        if (format == OutputFormat.text) System.out.println("\n--- " + TimeOfDay.now());
        for (MapSpec m : object.maps())
            if (m.type() == org.jbpf.core.obj.MapTypes.STACK_TRACE) {
                printer.stacks(bpf.map(m.name()));
                break;
            }
        boolean text = format == OutputFormat.text, linked = text && stacksLinked(bpf, object);
        for (MapSpec m : shownMaps(object)) {
            if (text && !printedAsText(m, linked)) continue;
            printer.print(bpf.map(m.name()), object.btf(), guessText);
            if (clear && MapPrinter.isReadable(m)) bpf.map(m.name()).clear();
        }
        if (format == OutputFormat.json) {
            var variables = ConstantOptions.globalValues(bpf, object, false);
            var constants = ConstantOptions.globalValues(bpf, object, true);
            if (!variables.isEmpty() || !constants.isEmpty()) json.globals(java.time.Instant.now(), variables, constants);
        }
        String globals = format == OutputFormat.text ? ConstantOptions.globalsLine(bpf, object) : "";
        if (!globals.isEmpty()) System.out.println(globals);
    }

    /**
     * The user's maps: not the .rodata/.bss data sections, not the maps the probe marked {@code @Scratch}, not the ring
     * buffer drop counters (their sums are printed with the events).
     */
    static List<MapSpec> shownMaps(BpfObject object) {
        List<MapSpec> out = new ArrayList<>();
        for (MapSpec m : object.maps())
            if (!m.internal() && MapMarks.of(m, object.btf()).kind() != MapMarks.Kind.SCRATCH) out.add(m);
        return out;
    }

    /**
     * Whether a text print shows map {@code m}: not an event map (its records print as they come), and not the stack
     * trace map when a map keyed by {@code @StackId} shows its stacks under each key ({@code linked}).
     */
    static boolean printedAsText(MapSpec m, boolean linked) {
        int type = m.type();
        if (type == org.jbpf.core.obj.MapTypes.RINGBUF || type == org.jbpf.core.obj.MapTypes.PERF_EVENT_ARRAY) return false;
        return !(linked && type == org.jbpf.core.obj.MapTypes.STACK_TRACE);
    }

    /** Whether one of the shown maps is keyed by a struct with a {@code @StackId} field. */
    /**
     * The object loaded with every program attached. A failure to load a .o names the file: the loader's messages name
     * the program or map at fault, which alone does not say which object it was in.
     */
    private BPF loadAndAttach(BpfObject object) {
        BPF bpf = null;
        try {
            bpf = BPF.load(object);
            return bpf.attachAll();
        } catch (RuntimeException e) {
            if (bpf != null) {
                try {
                    bpf.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw probe.endsWith(".o") ? Main.FailureIn.of(probe, e) : e;
        }
    }

    private static boolean stacksLinked(BPF bpf, BpfObject object) {
        for (MapSpec m : shownMaps(object))
            if (MapPrinter.isReadable(m) && org.jbpf.toolchain.StackKeys.of(bpf.map(m.name()), object.btf()) != null) return true;
        return false;
    }

    /** A duration with its unit, as the user would write it: 5s, 500ms, 2m. */
    static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0 && ms >= 60_000) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }

    /** A duration as the user writes it (10s, 500ms, 2m, 1h, or seconds alone); negative or too long is a usage error. */
    static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase();
        Duration d;
        try {
            if (t.endsWith("ms")) d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            else if (t.endsWith("s")) d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            else if (t.endsWith("m")) d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            else if (t.endsWith("h")) d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            else d = Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new Main.CommandFailure(ExitCodes.USAGE, "bad duration '" + s + "'; write e.g. 10s, 500ms or 2m");
        } catch (ArithmeticException e) {
            d = null;
        }
        // the schedule counts in nanoseconds: a longer duration would wrap around
        if (d == null || d.compareTo(LONGEST) > 0)
            throw new Main.CommandFailure(ExitCodes.USAGE, "duration '" + s + "' is too long; give at most " + LONGEST.toDays() + " days");
        if (d.isNegative()) throw new Main.CommandFailure(ExitCodes.USAGE, "negative duration '" + s + "'; write e.g. 10s, 500ms or 2m");
        return d;
    }

    /** The longest duration taken: about 290 years, the most nanoseconds a long holds, rounded down to whole days. */
    static final Duration LONGEST = Duration.ofDays(Duration.ofNanos(Long.MAX_VALUE).toDays());
}
