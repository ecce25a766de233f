package org.jbpf.examples;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/**
 * Sizes of read() results per process and outcome: a record key, a value struct with a {@code @Size(32) long[]}
 * log2 histogram that a method of the struct fills in place, and an enum for the outcome.
 */
@Bpf(license = "GPL")
public final class ReadSizes {
    /** What one read() returned. */
    public enum Outcome { EOF, DATA, ERROR }

    /** The key: a process and the ordinal of an {@link Outcome}. */
    @Struct
    public record Reader(int pid, int outcome) {}

    /** Reads seen, bytes read and a histogram of sizes: bucket i counts sizes from 2^i to 2^(i+1) - 1. */
    @Struct
    public static final class Sizes {
        public long count;
        public long bytes;
        @Size(32)
        public long[] buckets;

        void add(long n) {
            count++;
            bytes += n;
            buckets[Math.min(Helpers.log2(n), 31)]++;
        }
    }

    public static final HashMap<Reader, Sizes> sizes = new HashMap<>(Reader.class, Sizes.class, 4096);

    static Outcome outcomeOf(long result) {
        if (result < 0) return Outcome.ERROR;
        return result == 0 ? Outcome.EOF : Outcome.DATA;
    }

    @Section("tracepoint/syscalls/sys_exit_read")
    static long exitRead(TracepointContext ctx) {
        long n = ctx.ret();
        Outcome outcome = outcomeOf(n);
        Reader key = new Reader(pid(), outcome.ordinal());
        Sizes s = sizes.lookup(key);
        if (s == null) {
            Sizes fresh = new Sizes();
            fresh.add(outcome == Outcome.DATA ? n : 0);
            sizes.update(key, fresh);
        } else {
            s.add(outcome == Outcome.DATA ? n : 0);
        }
        return 0;
    }
}
