package org.jbpf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.runtime.BpfMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "maps", mixinStandardHelpOptions = true,
        description = "List the BPF maps pinned under a bpffs directory (default /sys/fs/bpf).",
        footer = {"", ExitCodes.HELP})
final class MapsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "DIR", description = "bpffs directory to search (default /sys/fs/bpf)")
    Path dir = Path.of("/sys/fs/bpf");

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json: one JSON object per map, the schema in README")
    OutputFormat format = OutputFormat.text;

    @Override public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + ": no such directory; is bpffs mounted? (mount -t bpf bpf /sys/fs/bpf)");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        JsonLines json = format == OutputFormat.json ? new JsonLines(System.out) : null;
        if (json == null) System.out.printf("%-40s %-18s %5s %6s %10s%n", "PATH", "TYPE", "KEY", "VALUE", "MAX");
        for (Path f : files) {
            try (BpfMap<byte[], byte[]> m = MapCommand.open(f)) {
                MapSpec s = m.spec();
                if (json != null) json.pinned(f, s);
                else System.out.printf("%-40s %-18s %5d %6d %10d%n", f, MapTypes.name(s.type()), s.keySize(), s.valueSize(), s.maxEntries());
            } catch (RuntimeException notAMap) {
                // pinned programs and links share bpffs with maps; they are not listed here
            }
        }
        return ExitCodes.OK;
    }

}
