package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;

@Bpf
public final class ArgNoRegs {
    @Section("uprobe//usr/lib/x86_64-linux-gnu/libc.so.6:puts")
    static int probe(long text, int n) {
        return text == 0 ? 0 : 1;
    }
}
