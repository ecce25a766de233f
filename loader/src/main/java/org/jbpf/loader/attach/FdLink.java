package org.jbpf.loader.attach;

import java.util.List;
import org.jbpf.loader.sys.Fd;

/** An attachment held by file descriptors (a BPF link, a perf event, or both); closing them detaches. */
final class FdLink implements Link {
    private final String description;
    private final List<Fd> fds;

    /** {@code fds} are closed in order: the BPF link before the perf event it hangs on. */
    FdLink(String description, Fd... fds) {
        this.description = description;
        this.fds = List.of(fds);
    }

    @Override public String description() { return description; }

    @Override public void close() { for (Fd fd : fds) fd.close(); }

    @Override public String toString() { return description + " " + fds; }
}
