package org.jbpf.toolchain.probes;

import static org.jbpf.Helpers.log2;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Histogram;

/** Read sizes per process: a log2 and a linear histogram in each value, and an unmarked array beside them. */
@Bpf(license = "GPL")
public final class SizeHistograms {
    /** One process's sizes. */
    @Struct
    public static final class Sizes {
        public long count;
        @Histogram @Size(16) public long[] log2;
        @Histogram(value = Histogram.Kind.LINEAR, step = 100) @Size(8) public int[] linear;
        @Size(4) public long[] plain;
    }

    public static final HashMap<Integer, Sizes> sizes = new HashMap<>(Integer.class, Sizes.class, 16);

    @Section("tracepoint/syscalls/sys_exit_read")
    static int record(TracepointContext ctx) {
        Sizes s = sizes.lookup(1);
        if (s == null) return 0;
        long n = ctx.ret();
        s.count++;
        s.log2[log2(n) & 15]++;
        s.linear[(int) Math.min(n / 100, 7)]++;
        return 0;
    }
}
