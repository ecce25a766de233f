package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** The seed guide's counter pattern: look up, then update with count + 1 or insert 1, per thread of a named group. */
@Bpf(license = "GPL")
public final class SeedCounter {
    public static final HashMap<Integer, Long> calls = new HashMap<>(Integer.class, Long.class, 1024);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long count(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-")) return 0;
        int key = tid();
        Long count = calls.lookup(key);
        if (count != null) {
            long newCount = count + 1;
            calls.update(key, newCount);
        } else {
            calls.update(key, 1L);
        }
        return 0;
    }
}
