package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.PtRegs;
import org.jbpf.Section;

@Bpf
public final class ArgSeven {
    @Section("uprobe//usr/lib/x86_64-linux-gnu/libc.so.6:mmap")
    static int probe(PtRegs ctx, long a, long b, int c, int d, int e, long f, long g) {
        return c;
    }
}
