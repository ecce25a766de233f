package org.jbpf.it.tools;

import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Helpers;
import org.jbpf.PtRegs;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Histogram;
import org.jbpf.maps.RingBuffer;
import org.jbpf.maps.Scratch;

/**
 * funclatency on a user function: the uprobe keeps each call's start time and argument per thread, the uretprobe
 * sends the call (argument, result, duration) and counts its duration in a log2 histogram of microseconds.
 */
@Bpf(license = "GPL")
public final class FunctionLatency {
    @Struct
    public record Start(long nanos, long argument) {}

    @Struct
    public static final class Call {
        public int tid;
        public long argument;
        public long result;
        public long nanos;
    }

    @Constant static int targetPid;
    @Scratch public static final HashMap<Integer, Start> started = new HashMap<>(Integer.class, Start.class, 1024);
    @Histogram public static final ArrayMap<Long> micros = new ArrayMap<>(Long.class, 64);
    public static final RingBuffer calls = new RingBuffer(1 << 16);
    static long returns;

    @Section("uprobe//tmp/jbpf-it-tools/libjtwork.so:jt_work")
    static int enter(PtRegs ctx, long n, int sleepMicros) {
        if (pid() != targetPid) return 0;
        started.update(tid(), new Start(ktime(), n));
        return 0;
    }

    @Section("uretprobe//tmp/jbpf-it-tools/libjtwork.so:jt_work")
    static int exit(PtRegs ctx, long result) {
        int thread = tid();
        Start start = started.lookup(thread);
        if (start == null) return 0;
        long nanos = ktime() - start.nanos();
        returns++;
        micros.increment(Helpers.log2(nanos / 1000));
        Call call = calls.reserve(Call.class);
        if (call != null) {
            call.tid = thread;
            call.argument = start.argument();
            call.result = result;
            call.nanos = nanos;
            calls.submit(call);
        }
        started.delete(thread);
        return 0;
    }
}
