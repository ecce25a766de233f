package org.jbpf.cli.probes;

import org.jbpf.Bpf;
import org.jbpf.PtRegs;
import org.jbpf.Section;
import org.jbpf.maps.ArrayMap;

/** Counts malloc calls of every process, at the library named as the dynamic linker names it. */
@Bpf(license = "GPL")
public final class LibcMallocs {
    public static final ArrayMap<Long> calls = new ArrayMap<>(Long.class, 1);

    @Section("uprobe/libc.so.6:malloc")
    static long onMalloc(PtRegs ctx) {
        calls.increment(0);
        return 0;
    }
}
