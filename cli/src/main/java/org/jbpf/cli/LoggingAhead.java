package org.jbpf.cli;

import java.util.logging.Logger;

/**
 * Sets up java.util.logging on a thread of its own when a command that loads into the kernel starts. JNA's first class
 * asks for its logger when the loader first calls libc, and that first request sets up the JDK's logging (its
 * configuration, the method handles behind its lambdas, a scan of every class path jar for a logging service): several
 * milliseconds of a cold JVM that the main thread would wait for after reading the object. The logger and the
 * configuration are the same; they are only made earlier, beside the main thread.
 */
final class LoggingAhead extends Thread {
    /** The commands that load, attach or read through the loader, and so start JNA. */
    private static final String[] KERNEL_COMMANDS = {"run", "trace", "attach", "maps", "map", "detach"};

    /** The set-up thread this process started, if any. */
    private static volatile LoggingAhead started;

    private LoggingAhead() {
        super("jbpf-logging-ahead");
        setDaemon(true);
    }

    /** Starts the set-up when {@code args} name a command that goes through the loader. */
    static void startFor(String[] args) {
        if (args.length == 0) return;
        for (String c : KERNEL_COMMANDS) {
            if (c.equals(args[0])) {
                LoggingAhead ahead = new LoggingAhead();
                started = ahead;
                ahead.start();
                return;
            }
        }
    }

    /**
     * Waits for the set-up; called just before the loader's first libc call, where the main thread would otherwise wait
     * for it inside JNA (or, had it not started yet, do it itself), so that JNA always finds it done.
     */
    static void awaitSetUp() {
        LoggingAhead ahead = started;
        if (ahead == null) return;
        try {
            ahead.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();  // kept for whatever waits next
        }
    }

    @Override public void run() {
        try {
            Logger.getLogger("com.sun.jna.Native");
        } catch (Throwable e) {
            // nothing to report from here: JNA asks again on the main thread, which meets the same failure and reports it
        }
    }
}
