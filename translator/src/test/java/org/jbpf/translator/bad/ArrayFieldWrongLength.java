package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;

@Bpf
public final class ArrayFieldWrongLength {
    @Struct
    public static final class Hist {
        @Size(16) public long[] buckets;
    }

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        Hist h = new Hist();
        h.buckets = new long[8]; // line 19
        return h.buckets[0];
    }
}
