package org.jbpf.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Follow the kernel's trace_pipe, where the printk output of loaded probes appears.",
        footer = {"", ExitCodes.HELP})
final class TraceCommand implements Callable<Integer> {
    @Option(names = {"-d", "--duration"}, description = "stop after this long, e.g. 10s (default: until Ctrl-C)")
    String duration;

    @Option(names = "--tracefs", description = "tracefs mount point (default /sys/kernel/tracing, then /sys/kernel/debug/tracing)")
    Path tracefs;

    @Override public Integer call() throws Exception {
        Path pipe = pipe();
        long deadline = duration == null ? Long.MAX_VALUE : System.currentTimeMillis() + RunCommand.parseDuration(duration).toMillis();
        // trace_pipe blocks until there is output; a reader thread lets --duration end the command on time
        Thread reader = new Thread(() -> copy(pipe), "trace_pipe");
        reader.setDaemon(true);
        reader.start();
        while (reader.isAlive() && System.currentTimeMillis() < deadline)
            reader.join(Math.max(1, Math.min(500, deadline - System.currentTimeMillis())));
        return ExitCodes.OK;
    }

    private Path pipe() {
        return TracefsRoots.holding(tracefs != null ? new Path[] {tracefs} : TracefsRoots.DEFAULT, "trace_pipe").resolve("trace_pipe");
    }

    private static void copy(Path pipe) {
        try (InputStream in = Files.newInputStream(pipe);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                System.out.println(line);
                System.out.flush();
            }
        } catch (IOException e) {
            System.err.println("jbpf: cannot read " + pipe + ": " + e.getMessage());
        }
    }
}
