package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;

import org.jbpf.Atomic;
import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** A map of structs holding arrays: per parity of the argument, a log2 histogram, a count and the last 4 arguments. */
@Bpf(license = "GPL")
public final class ArgumentHistogram {
    @Struct
    public static final class Summary {
        public long count;
        @Size(32) public long[] buckets;
        @Size(4) public int[] recent;
        public int next;
    }

    public static final HashMap<Integer, Summary> summaries = new HashMap<>(Integer.class, Summary.class, 4);

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static int onGetpgid(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-")) return 0;
        int arg = (int) ctx.arg(0);
        int key = arg & 1;
        Summary s = summaries.lookup(key);
        if (s == null) {
            summaries.update(key, new Summary(), HashMap.NOEXIST);
            s = summaries.lookup(key);
            if (s == null) return 0;
        }
        Atomic.increment(s, "count");
        Atomic.increment(s.buckets, Math.min(Helpers.log2(arg), 31));
        s.recent[s.next & 3] = arg;
        s.next++;
        return 0;
    }
}
