package org.jbpf.it.semantics;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/** Walks the calling thread's comm() buffer with a loop variable: its length up to the NUL, and a hash of all 16 bytes. */
@Bpf(license = "GPL")
public final class CommLoop {
    public static final ArrayMap<Integer> watchTid = new ArrayMap<>(Integer.class, 1);
    public static final ArrayMap<Long> seen = new ArrayMap<>(Long.class, 2);

    static long hash(byte[] name) {
        long h = 0;
        for (byte c : name) h = h * 31 + c;
        return h;
    }

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long record(TracepointContext ctx) {
        Integer want = watchTid.lookup(0);
        if (want == null || want != tid()) return 0;
        byte[] name = new byte[16];
        comm(name);
        int n = 0;
        while (n < name.length && name[n] != 0) n++;
        seen.update(0, (long) n);
        seen.update(1, hash(name));
        return 0;
    }
}
