package org.jbpf.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run behind bin/jbpf's start-up archive: scripts/setup starts this once under
 * {@code -XX:DumpLoadedClassList} (archived by {@code -Xshare:dump} after it; {@code -XX:AOTCacheOutput} on JDK 25+)
 * so that the classes of the hot commands (translate, verify, disasm and, as root, run of the .o just written) are
 * archived from one JVM. Output is dropped; a command that fails here only leaves its classes out of the archive.
 */
public final class StartupTraining {
    private StartupTraining() {}

    /** {@code args[0]}: a probe .class file to translate. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) throw new IllegalArgumentException("usage: StartupTraining PROBE.class");
        Path probe = Path.of(args[0]);
        Path out = Files.createTempDirectory("jbpf-training");
        String object = out.resolve(probe.getFileName().toString().replaceFirst("\\.class$", ".o")).toString();
        PrintStream stdout = System.out, stderr = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(nowhere);
        System.setErr(nowhere);
        int[] status = new int[4];
        try {
            LoggingAhead.startFor(new String[] {"--version"});  // Main.main's first step, for every command's archive
            Main.run("--version");  // its own class, so that --version too starts from the archive alone
            status[0] = Main.run("translate", probe.toString(), "-o", out.toString());
            status[1] = Main.run("verify", object);
            status[2] = Main.run("disasm", object);
            status[3] = Main.run("run", object, "--duration", "1ms");
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            try (var files = Files.list(out)) {
                for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(out);
        }
        System.out.println("trained on translate " + status[0] + ", verify " + status[1] + ", disasm " + status[2]
                + ", run " + status[3] + " (exit statuses; run needs root)");
    }
}
