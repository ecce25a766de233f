package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.PtRegs;
import org.jbpf.Section;

@Bpf
public final class ArgRetTwo {
    @Section("uretprobe//usr/lib/x86_64-linux-gnu/libc.so.6:read")
    static int probe(PtRegs ctx, int fd, long result) {
        return fd;
    }
}
