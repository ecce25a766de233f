package org.jbpf.cli.probes.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** Names a kind of section no program type has. */
@Bpf(license = "GPL")
public final class UnknownSection {
    @Section("tracepiont/syscalls/sys_enter_getpid")
    static long onGetpid(TracepointContext ctx) {
        return 0;
    }
}
