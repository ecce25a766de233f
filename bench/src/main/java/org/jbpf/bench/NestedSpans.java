package org.jbpf.bench;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Nested structs with methods: per process, the smallest and largest read() and the bytes read (code-size bench). */
@Bpf(license = "GPL")
public final class NestedSpans {
    /** The smallest and the largest value seen. */
    @Struct
    public static final class Span {
        public long lo;
        public long hi;

        void include(long v) {
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
    }

    /** Reads, bytes and the span of read sizes of one process. */
    @Struct
    public static final class Usage {
        public long calls;
        public long bytes;
        public Span size = new Span();

        void add(long n) {
            calls++;
            bytes += n;
            size.include(n);
        }
    }

    public static final HashMap<Integer, Usage> usage = new HashMap<>(Integer.class, Usage.class, 4096);

    @Section("tracepoint/syscalls/sys_exit_read")
    static long exitRead(TracepointContext ctx) {
        long n = ctx.ret();
        if (n < 0) return 0;
        int p = pid();
        Usage u = usage.lookup(p);
        if (u == null) {
            Usage fresh = new Usage();
            fresh.size.lo = n;
            fresh.add(n);
            usage.update(p, fresh);
        } else {
            u.add(n);
        }
        return 0;
    }
}
