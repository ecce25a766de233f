package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;

import org.jbpf.Atomic;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/** Totals that several threads on several CPUs add to at once: atomic adds to struct fields and to array elements of one map value. */
@Bpf(license = "GPL")
public final class AtomicTotals {
    @Struct
    public static final class Totals {
        public long calls;
        public long argumentSum;
        public int odd;
        @Size(8) public long[] byLowBits;
    }

    public static final ArrayMap<Totals> totals = new ArrayMap<>(Totals.class, 1);

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static int onGetpgid(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-atomic")) return 0;
        Totals t = totals.lookup(0);
        if (t == null) return 0;
        long argument = ctx.arg(0);
        Atomic.increment(t, "calls");
        Atomic.add(t, "argumentSum", argument);
        if ((argument & 1) != 0) Atomic.increment(t, "odd");
        Atomic.increment(t.byLowBits, (int) (argument & 7));
        return 0;
    }
}
