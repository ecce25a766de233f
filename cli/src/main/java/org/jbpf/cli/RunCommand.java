package org.jbpf.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.runtime.BpfMap;
import org.jbpf.translator.Translator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Load a probe (class, class name or .o), attach it, and print its maps when the duration ends.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PROBE", description = "a probe .class file, class name (with --classpath) or .o file")
    String probe;

    @Option(names = {"-cp", "--classpath"}, split = ":", description = "where the probe and its struct classes are found")
    List<Path> classpath = new ArrayList<>();

    @Option(names = {"-d", "--duration"}, description = "how long to run, e.g. 10s, 500ms, 2m (default 10s)")
    String duration = "10s";

    @Option(names = {"-s", "--source-path"}, split = ":", description = "Java source roots, for source text in line info")
    List<Path> sourcePath = new ArrayList<>(Translator.Options.DEFAULT.sourceRoots());

    @Option(names = "--top", description = "rows per map to print, largest values first (default 20)")
    int top = 20;

    @Override public Integer call() throws Exception {
        BpfObject object;
        if (probe.endsWith(".o")) {
            object = ObjectReader.read(Files.readAllBytes(Path.of(probe)), Path.of(probe).getFileName().toString());
        } else {
            ProbeInputs in = ProbeInputs.of(List.of(probe), classpath);
            object = Translator.translate(in.probes.get(0), in.source(), new Translator.Options(sourcePath));
        }
        long millis = parseDuration(duration).toMillis();
        try (BPF bpf = BPF.load(object).attachAll()) {
            System.out.println("attached " + bpf.links().size() + " program(s) of " + object.name() + "; running for " + duration);
            Thread.sleep(millis);
            for (MapSpec m : object.maps()) print(bpf, m);
        }
        return 0;
    }

    private void print(BPF bpf, MapSpec m) {
        if (m.type() == MapTypes.PERF_EVENT_ARRAY || m.type() == MapTypes.RINGBUF || m.type() == MapTypes.STACK_TRACE) {
            System.out.println("\nmap " + m.name() + " (" + MapTypes.name(m.type()) + ")");
            return;
        }
        BpfMap<byte[], byte[]> raw = bpf.map(m.name());
        List<long[]> rows = new ArrayList<>();
        if (raw.isPerCpu()) {
            for (Map.Entry<byte[], List<byte[]>> e : raw.entriesPerCpu()) {
                long sum = 0;
                for (byte[] v : e.getValue()) sum += number(v);
                rows.add(new long[] {number(e.getKey()), sum});
            }
        } else {
            for (Map.Entry<byte[], byte[]> e : raw.entries()) rows.add(new long[] {number(e.getKey()), number(e.getValue())});
        }
        rows.sort((a, b) -> Long.compare(b[1], a[1]));
        System.out.printf("%nmap %s (%s, %d entries)%n%12s  %s%n", m.name(), MapTypes.name(m.type()), rows.size(), "KEY", "VALUE");
        for (int i = 0; i < Math.min(top, rows.size()); i++) System.out.printf("%12d  %d%n", rows.get(i)[0], rows.get(i)[1]);
    }

    /** Little-endian integer of up to 8 bytes; wider values show their first 8 bytes. */
    private static long number(byte[] b) {
        long v = 0;
        for (int i = Math.min(8, b.length) - 1; i >= 0; i--) v = (v << 8) | (b[i] & 0xff);
        return v;
    }

    static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase();
        try {
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("s")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad duration '" + s + "'; write e.g. 10s, 500ms or 2m");
        }
    }
}
