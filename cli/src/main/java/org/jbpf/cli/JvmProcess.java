package org.jbpf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process can take the attach API's request, asked before {@code attach} and {@code detach} make one. When
 * a JVM's attach listener is not running, the attach API starts it with SIGQUIT, which a HotSpot JVM catches; any
 * other process (or a JVM run with -Xrs) ends on that signal. So the process must have its listener's socket already,
 * or catch SIGQUIT, before jbpf lets the attach API signal it.
 */
final class JvmProcess {
    /** SIGQUIT's bit in the signal masks of /proc/PID/status. */
    private static final long SIGQUIT_BIT = 1L << (3 - 1);

    private JvmProcess() {}

    /** Throws a one-line failure when process {@code pid} (one that exists) is none the attach API may signal. */
    static void check(String pid) {
        String refusal = refusal(pid);
        if (refusal != null) throw new Main.CommandFailure(ExitCodes.FAILED, refusal);
    }

    /** Why the attach API must not signal process {@code pid}; null when it may, or when /proc cannot tell. */
    static String refusal(String pid) {
        Path proc = Path.of("/proc", pid);
        String status;
        try {
            status = Files.readString(proc.resolve("status"));
        } catch (IOException e) {
            return null;  // cannot tell: the attach itself will say
        }
        String nsPid = pid, caught = null;
        for (String line : status.split("\n")) {
            if (line.startsWith("NSpid:")) {
                String[] ids = line.substring(6).trim().split("\\s+");
                nsPid = ids[ids.length - 1];  // the id the JVM knows itself by names its socket
            } else if (line.startsWith("SigCgt:")) {
                caught = line.substring(7).trim();
            }
        }
        if (Files.exists(proc.resolve("root/tmp/.java_pid" + nsPid)) || caught == null) return null;
        long mask;
        try {
            mask = Long.parseUnsignedLong(caught, 16);
        } catch (NumberFormatException e) {
            return null;
        }
        if ((mask & SIGQUIT_BIT) != 0) return null;
        return "process " + pid + command(proc) + " is not a JVM jbpf can attach to: it does "
                + "not handle SIGQUIT, the signal that starts a JVM's attach listener, so the signal would end it (a JVM run "
                + "with -Xrs is refused too); give the id of a running JVM (jps lists them)";
    }

    /** " (name)" of the process's command, or nothing when unreadable. */
    private static String command(Path proc) {
        try {
            return " (" + Files.readString(proc.resolve("comm")).strip() + ")";
        } catch (IOException e) {
            return "";
        }
    }
}
