package org.jbpf.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jbpf.core.btf.Btf;
import org.jbpf.loader.MapBtf;
import org.jbpf.loader.MapInfo;
import org.jbpf.runtime.BpfMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "map", mixinStandardHelpOptions = true, description = "Work with one pinned map.",
        subcommands = MapCommand.Dump.class)
final class MapCommand implements Callable<Integer> {
    @Override public Integer call() {
        throw new Main.CommandFailure(ExitCodes.USAGE, "map: say what to do, e.g. jbpf map dump /sys/fs/bpf/counts");
    }

    @Command(name = "dump", mixinStandardHelpOptions = true,
            description = "Print the entries of a map pinned on bpffs as a table (log2 bar chart for histogram arrays).",
            footer = {"", ExitCodes.HELP})
    static final class Dump implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", description = "the pinned map, e.g. /sys/fs/bpf/counts")
        Path path;

        @Option(names = "--top", description = "rows to print, largest values first (default 50)")
        int top = 50;

        @Option(names = "--per-cpu", description = "show each CPU's value of a per-CPU map apart, besides the combined value")
        boolean perCpu;

        @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json: one JSON object, the schema in README")
        OutputFormat format = OutputFormat.text;

        @Override public Integer call() {
            try (BpfMap<byte[], byte[]> m = open(path)) {
                if (format == OutputFormat.folded)
            throw new Main.CommandFailure(ExitCodes.USAGE, "--format folded is for jbpf run's maps keyed by @StackId; use text or json here");
        JsonLines json = format == OutputFormat.json ? new JsonLines(System.out) : null;
                // the types the map was created with, kept by the kernel: structs, text, addresses and histograms print as in run
                Btf btf = MapBtf.of(MapInfo.of(m.fd()));
                new MapPrinter(System.out, top, false, json).cpusApart(perCpu).print(m, btf, true);
            }
            return ExitCodes.OK;
        }
    }

    /** Opens a pinned map with raw byte keys and values sized from the kernel's own description of the map. */
    static BpfMap<byte[], byte[]> open(Path path) {
        if (!Files.exists(path)) throw new IllegalArgumentException("no pinned map at " + path + "; jbpf maps lists the pinned maps");
        return BpfMap.openPinnedRaw(path);
    }
}
