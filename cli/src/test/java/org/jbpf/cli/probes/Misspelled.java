package org.jbpf.cli.probes;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** A probe whose tracepoint name has two letters swapped. */
@Bpf(license = "GPL")
public final class Misspelled {
    @Section("tracepoint/syscalls/sys_enter_exceve")
    static long onExec(TracepointContext ctx) {
        return 0;
    }
}
