package org.jbpf.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
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
        String off = tracingOff(pipe.resolveSibling("tracing_on"));
        if (off != null) System.err.println(off);
        long deadline = duration == null ? Long.MAX_VALUE : System.currentTimeMillis() + RunCommand.parseDuration(duration).toMillis();
        // trace_pipe blocks until there is output; a reader thread lets --duration end the command on time
        AtomicReference<String> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> failure.set(copy(pipe)), "trace_pipe");
        reader.setDaemon(true);
        reader.start();
        while (reader.isAlive() && System.currentTimeMillis() < deadline)
            reader.join(Math.max(1, Math.min(500, deadline - System.currentTimeMillis())));
        // the pipe is read through an interruptible channel: the interrupt closes it, so no reader outlives the command
        // (the kernel lets one reader at a time open trace_pipe)
        reader.interrupt();
        reader.join(1000);
        if (failure.get() != null) throw new Main.CommandFailure(ExitCodes.FAILED, failure.get());
        return ExitCodes.OK;
    }

    private Path pipe() {
        return TracefsRoots.holding(tracefs != null ? new Path[] {tracefs} : TracefsRoots.DEFAULT, "trace_pipe").resolve("trace_pipe");
    }

    /**
     * A warning when the kernel records no trace output (tracing_on is 0, e.g. after someone ran
     * {@code echo 0 > tracing_on}): printk calls then still run but write nothing the pipe could show. Null otherwise.
     */
    static String tracingOff(Path tracingOn) {
        try {
            if (!Files.readString(tracingOn).trim().equals("0")) return null;
        } catch (IOException e) {
            return null;   // unreadable or absent: the pipe's own errors say more
        }
        return "jbpf: tracing is off (" + tracingOn + " is 0), so the kernel records no printk output; turn it on with: echo 1 > " + tracingOn;
    }

    /** Copies the pipe's lines to stdout until it ends or the thread is interrupted; returns why it could not read, or null. */
    private static String copy(Path pipe) {
        PrintStream out = System.out;
        try (FileChannel channel = FileChannel.open(pipe, StandardOpenOption.READ);
             BufferedReader r = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.println(line);
                out.flush();
            }
            return null;
        } catch (ClosedByInterruptException e) {
            return null;  // the command's time is up
        } catch (IOException e) {
            return "cannot read " + pipe + " (" + reason(e, pipe) + ")";
        }
    }

    /** An I/O error's reason without the path Java repeats in it, as the other errors say it. */
    private static String reason(IOException e, Path pipe) {
        String m = String.valueOf(e.getMessage());
        if (m.startsWith(pipe + ": ")) m = m.substring(pipe.toString().length() + 2);
        if (m.equals(pipe.toString()) || m.equals("null")) m = e instanceof java.nio.file.AccessDeniedException ? "permission denied" : "no such file";
        m = m.toLowerCase(java.util.Locale.ROOT);
        return m.equals("device or resource busy") ? m + ": another process is reading it (jbpf trace, cat), and the kernel lets one "
                + "reader open it at a time" : m;
    }
}
