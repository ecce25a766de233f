package org.jbpf.it.tools;

import org.jbpf.examples.kernel.SysExitRead;
import org.jbpf.examples.kernel.SysExitWrite;
import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.Histogram;

/**
 * Sizes of the read() and write() calls that moved data, as log2 histograms, for the threads named "jt-rw..." of the
 * process {@code targetPid}; failures by count.
 */
@Bpf(license = "GPL")
public final class ReadWriteSizes {
    @Constant static int targetPid;
    @Histogram public static final ArrayMap<Long> reads = new ArrayMap<>(Long.class, 64);
    @Histogram public static final ArrayMap<Long> writes = new ArrayMap<>(Long.class, 64);
    static long failed;

    @Section("tracepoint/syscalls/sys_exit_read")
    static int onRead(TracepointContext ctx) {
        if (ours()) count(reads, ctx.as(SysExitRead.class).ret);
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_write")
    static int onWrite(TracepointContext ctx) {
        if (ours()) count(writes, ctx.as(SysExitWrite.class).ret);
        return 0;
    }

    static boolean ours() {
        if (pid() != targetPid) return false;
        byte[] name = new byte[16];
        comm(name);
        return Strings.startsWith(name, "jt-rw");
    }

    static void count(ArrayMap<Long> sizes, long result) {
        if (result < 0) failed++;
        else if (result > 0) sizes.increment(Helpers.log2(result));
    }
}
