package org.jbpf.agent;

import java.lang.System.Logger.Level;

/**
 * The application's log (System.Logger, java.util.logging unless the application routes it elsewhere). At JVM
 * shutdown the logging framework may already be closed, so shutdown messages go to stderr.
 */
final class AgentLog {
    private static final System.Logger LOG = System.getLogger("org.jbpf.agent");

    private AgentLog() {}

    static void info(String message) { LOG.log(Level.INFO, message); }

    static void error(String message, Throwable cause) {
        error(message, false, cause);
    }

    /** The message; with its stack trace when {@code verbose} or the system property {@code jbpf.agent.verbose} is set. */
    static void error(String message, boolean verbose, Throwable cause) {
        if (verbose || Boolean.getBoolean("jbpf.agent.verbose")) LOG.log(Level.ERROR, message, cause);
        else LOG.log(Level.ERROR, message);
    }

    static void atShutdown(String message) { System.err.println(message); }
}
