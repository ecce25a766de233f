package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class CopyOutOfRange {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        byte[] a = new byte[8], b = new byte[4];
        System.arraycopy(a, 2, b, 0, 6); // line 12
        return b[0];
    }
}
