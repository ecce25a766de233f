package org.jbpf.cli.probes.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** Takes a monitor, which a BPF program has no way to hold. */
@Bpf(license = "GPL")
public final class Synchronized {
    private static final Object LOCK = new Object();

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long onGetpid(TracepointContext ctx) {
        synchronized (LOCK) {
            return 1;
        }
    }
}
