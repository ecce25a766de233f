package org.jbpf.examples;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/**
 * Sizes of read() and write() results per process, by power of two: key {@code pid << 6 | log2(size)}. Both programs
 * call one BPF function, {@link #log2}, instead of each carrying a copy; it halves the size in a loop the kernel runs
 * with bpf_loop ({@link Loops#repeat}), whose body {@link #halve} the verifier checks once rather than 64 times.
 */
@Bpf(license = "GPL")
public final class IoSizes {
    public static final HashMap<Long, Long> reads = new HashMap<>(Long.class, Long.class, 8192);
    public static final HashMap<Long, Long> writes = new HashMap<>(Long.class, Long.class, 8192);

    /** The loop's state, on the stack of log2. */
    @Struct
    public static final class Halving {
        public long value;
        public int log;
    }

    /** One step: stops at 1, else halves the value and counts the step. */
    static long halve(int index, Halving h) {
        if (h.value <= 1) return 1;
        h.value >>>= 1;
        h.log++;
        return 0;
    }

    /** The position of the highest set bit of n (n > 0). */
    @NoInline
    public static int log2(long n) {
        Halving h = new Halving();
        h.value = n;
        Loops.repeat(64, IoSizes::halve, h);
        return h.log;
    }

    @Section("tracepoint/syscalls/sys_exit_read")
    static long exitRead(TracepointContext ctx) {
        long n = ctx.ret();
        if (n > 0) reads.increment((long) pid() << 6 | log2(n));
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_write")
    static long exitWrite(TracepointContext ctx) {
        long n = ctx.ret();
        if (n > 0) writes.increment((long) pid() << 6 | log2(n));
        return 0;
    }
}
