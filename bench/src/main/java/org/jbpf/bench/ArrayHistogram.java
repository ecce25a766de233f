package org.jbpf.bench;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/** A {@code @Size(64) long[]} in a map value incremented at a computed index: a log2 histogram of read() sizes (code-size bench). */
@Bpf(license = "GPL")
public final class ArrayHistogram {
    /** Bucket i counts sizes from 2^i to 2^(i+1) - 1, and the totals beside them. */
    @Struct
    public static final class Histogram {
        public long count;
        public long sum;
        @Size(64)
        public long[] buckets;
    }

    public static final ArrayMap<Histogram> histogram = new ArrayMap<>(Histogram.class, 1);

    @Section("tracepoint/syscalls/sys_exit_read")
    static long exitRead(TracepointContext ctx) {
        long n = ctx.ret();
        if (n <= 0) return 0;
        Histogram h = histogram.lookup(0);
        if (h == null) return 0;
        h.count++;
        h.sum += n;
        h.buckets[Helpers.log2(n)]++;
        return 0;
    }
}
