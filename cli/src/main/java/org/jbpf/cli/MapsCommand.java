package org.jbpf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.sys.BpfException;
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

    private static final int EPERM = 1, EACCES = 13;

    private record Pinned(Path path, MapSpec spec) {}

    @Override public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + ": no such directory; is bpffs mounted? (mount -t bpf bpf /sys/fs/bpf)");
        String fileSystem = Files.getFileStore(dir).type();
        if (!fileSystem.equals("bpf"))  // its files cannot be pins: opening each would only fail, as if for lack of privilege
            throw new IllegalArgumentException(dir + " is on the " + fileSystem + " file system, not a bpf one; pinned maps live on a bpf "
                    + "file system such as /sys/fs/bpf (mount -t bpf bpf /sys/fs/bpf)");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        // open every pin first, so a privilege error is the only output rather than a header and then the error
        List<Pinned> pinned = new java.util.ArrayList<>();
        for (Path f : files) {
            try (BpfMap<byte[], byte[]> m = MapCommand.open(f)) {
                pinned.add(new Pinned(f, m.spec()));
            } catch (BpfException e) {
                // a pin this process may not open is a privilege problem, not "no maps": say so (exit 4)
                if (e.errno() == EPERM || e.errno() == EACCES)
                    throw new BpfException("opening the pinned map " + f, e.errno(),
                            "listing pinned maps needs CAP_BPF/CAP_SYS_ADMIN (run as root)");
                // pinned programs and links share bpffs with maps; they are not listed here
            } catch (RuntimeException notAMap) {
                // likewise: not a map
            }
        }
        if (format == OutputFormat.folded)
            throw new Main.CommandFailure(ExitCodes.USAGE, "--format folded is for jbpf run's maps keyed by @StackId; use text or json here");
        JsonLines json = format == OutputFormat.json ? new JsonLines(System.out) : null;
        if (json == null) System.out.printf("%-40s %-18s %5s %6s %10s%n", "PATH", "TYPE", "KEY", "VALUE", "MAX");
        for (Pinned p : pinned) {
            MapSpec s = p.spec();
            if (json != null) json.pinned(p.path(), s);
            else System.out.printf("%-40s %-18s %5d %6d %10d%n", p.path(), MapTypes.name(s.type()), s.keySize(), s.valueSize(), s.maxEntries());
        }
        return ExitCodes.OK;
    }

}
