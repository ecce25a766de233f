package org.jbpf.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tracefs directory a command reads ({@code trace} its trace_pipe, {@code gen tracepoint} its event formats),
 * and the error when this user cannot read it: tracefs is root's alone (mode 0700), and to anyone else it looks
 * empty, which must read as a missing privilege, not as a missing file or mount.
 */
final class TracefsRoots {
    private TracefsRoots() {}

    /** Where tracefs is mounted, newest place first. */
    static final Path[] DEFAULT = {Path.of("/sys/kernel/tracing"), Path.of("/sys/kernel/debug/tracing")};

    /**
     * The first of {@code roots} that holds {@code entry}. A root that exists but cannot be read, or whose entry
     * cannot be, is exit status 4 naming the privilege; none holding it is an error saying to mount tracefs.
     */
    static Path holding(Path[] roots, String entry) {
        for (Path root : roots) {
            Path p = root.resolve(entry);
            if (Files.exists(p)) {
                if (!Files.isReadable(p)) throw noPermission(p);
                return root;
            }
            if (Files.isDirectory(root) && !Files.isReadable(root)) throw noPermission(root);
        }
        throw new IllegalArgumentException("no " + entry + " found in " + roots[0] + (roots.length > 1 ? " or " + roots[roots.length - 1] : "")
                + "; mount tracefs: mount -t tracefs tracefs /sys/kernel/tracing");
    }

    private static Main.CommandFailure noPermission(Path p) {
        return new Main.CommandFailure(ExitCodes.NO_PRIVILEGE, "cannot read " + p + ": permission denied; "
                + "reading tracefs needs root (CAP_SYS_ADMIN)");
    }
}
