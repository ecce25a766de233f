package org.jbpf.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jbpf.testsupport.Workload;

/** Runs the jbpf command in this JVM and captures what it prints. */
record Cli(int status, String out, String err) {
    static Cli run(String... args) {
        try {
            return runWhileAttached(null, args);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the command and starts {@code workload} once it prints its "attached ..." line (on stdout, or on stderr
     * with --format json/folded), that is once every program is attached; stops the workload when the command
     * returns. What the probe counts is then the workload's, however long translating and attaching took.
     */
    static synchronized Cli runWhileAttached(Workload workload, String... args) throws InterruptedException {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new Watched(workload), err = new Watched(workload);
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            if (workload != null) workload.stop();
        }
    }

    /** Captured output that starts the workload at the first line beginning with "attached ". */
    private static final class Watched extends ByteArrayOutputStream {
        private final Workload workload;

        Watched(Workload workload) { this.workload = workload; }

        @Override public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            check();
        }

        @Override public synchronized void write(int b) {
            super.write(b);
            check();
        }

        private void check() {
            if (workload == null || workload.started()) return;
            String text = toString(StandardCharsets.UTF_8);
            if (text.startsWith("attached ") || text.contains("\nattached ")) workload.start();
        }
    }
}
