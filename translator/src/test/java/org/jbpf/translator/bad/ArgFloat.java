package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.PtRegs;
import org.jbpf.Section;

@Bpf
public final class ArgFloat {
    @Section("uprobe//usr/lib/x86_64-linux-gnu/libm.so.6:sqrt")
    static int probe(PtRegs ctx, double x) {
        return x > 1 ? 1 : 0;
    }
}
