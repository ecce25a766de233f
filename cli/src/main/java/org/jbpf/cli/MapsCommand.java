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
import picocli.CommandLine.Parameters;

@Command(name = "maps", mixinStandardHelpOptions = true,
        description = "List the BPF maps pinned under a bpffs directory (default /sys/fs/bpf).",
        footer = {"", ExitCodes.HELP})
final class MapsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "DIR", description = "bpffs directory to search (default /sys/fs/bpf)")
    Path dir = Path.of("/sys/fs/bpf");

    @Override public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + ": no such directory; is bpffs mounted? (mount -t bpf bpf /sys/fs/bpf)");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        System.out.printf("%-40s %-18s %5s %6s %10s%n", "PATH", "TYPE", "KEY", "VALUE", "MAX");
        for (Path f : files) {
            try (BpfMap<byte[], byte[]> m = MapCommand.open(f)) {
                MapSpec s = m.spec();
                System.out.printf("%-40s %-18s %5d %6d %10d%n", f, MapTypes.name(s.type()), s.keySize(), s.valueSize(), s.maxEntries());
            } catch (RuntimeException notAMap) {
                // pinned programs and links share bpffs with maps; they are not listed here
            }
        }
        return ExitCodes.OK;
    }

}
