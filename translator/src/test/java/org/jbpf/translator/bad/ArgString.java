package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.PtRegs;
import org.jbpf.Section;

@Bpf
public final class ArgString {
    @Section("uprobe//usr/lib/x86_64-linux-gnu/libc.so.6:puts")
    static int probe(PtRegs ctx, String text) {
        return text == null ? 0 : 1;
    }
}
