package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.ktime;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.maps.LruHashMap;

/** An LRU map keeps the most recent arguments: older ones are evicted instead of the update failing. */
@Bpf(license = "GPL")
public final class LruRecent {
    public static final LruHashMap<Long, Long> lastSeen = new LruHashMap<>(Long.class, Long.class, 64);
    static long failedUpdates;

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static int remember(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-")) return 0;
        long key = ctx.arg(0);
        if (lastSeen.update(key, ktime()) != 0) failedUpdates++;
        return 0;
    }
}
