package org.jbpf.cli.probes.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** A synchronized program: the lock would be dropped without a word if it were translated. */
@Bpf(license = "GPL")
public final class SynchronizedMethod {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static synchronized long onGetpid(TracepointContext ctx) {
        return 1;
    }
}
