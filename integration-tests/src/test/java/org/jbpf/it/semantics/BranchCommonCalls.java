package org.jbpf.it.semantics;

import static org.jbpf.Helpers.*;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/**
 * Helper calls both sides of a branch begin with, which the translator makes once above the branch, and context
 * fields loaded before a call but read only after it, which it loads after the call; both record what they saw for
 * the watched thread.
 */
@Bpf(license = "GPL")
public final class BranchCommonCalls {
    @Struct
    public static final class Seen {
        public long pidPlain, pidShifted, ktimeEven, ktimeOdd;
        public long fd, offset, whence, lseekPid;
        public long loopSum;
        public int lastOdd;
    }

    public static final ArrayMap<Seen> seen = new ArrayMap<>(Seen.class, 1);
    public static final ArrayMap<Integer> watchTid = new ArrayMap<>(Integer.class, 1);
    /** Which side of the branches the next getppid() takes: 0 the first, anything else is added to the pid. */
    public static final ArrayMap<Integer> mode = new ArrayMap<>(Integer.class, 1);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long branches(TracepointContext ctx) {
        Integer want = watchTid.lookup(0);
        if (want == null || want != tid()) return 0;
        Integer m = mode.lookup(0);
        Seen s = seen.lookup(0);
        if (m == null || s == null) return 0;
        int add = m;
        if (add == 0) {
            s.pidPlain = pid();
        } else {
            int p = pid();
            s.pidShifted = p + add;
        }
        // odd is read after the branch too, so it lives across the hoisted call at no extra cost
        int odd = add & 1;
        if (odd == 0) s.ktimeEven = ktime();
        else s.ktimeOdd = ktime();
        s.lastOdd = odd;
        // in a loop: the hoisted call runs in the loop's body once per round, on either side
        long sum = 0;
        for (int i = 0; i < 4; i++) {
            if (i == add) sum += pid();
            else sum -= pid();
        }
        s.loopSum = sum;
        return 0;
    }

    @Section("tracepoint/syscalls/sys_enter_lseek")
    static long lseekArguments(TracepointContext ctx) {
        Integer want = watchTid.lookup(0);
        if (want == null || want != tid()) return 0;
        Seen s = seen.lookup(0);
        if (s == null) return 0;
        long fd = ctx.arg(0), offset = ctx.arg(1), whence = ctx.arg(2);
        int p = pid();
        s.fd = fd;
        s.offset = offset;
        s.whence = whence;
        s.lseekPid = p;
        return 0;
    }
}
