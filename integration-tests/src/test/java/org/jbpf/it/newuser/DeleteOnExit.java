package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** The seed guide's delete: one syscall counts per thread, another removes the thread's entry again. */
@Bpf(license = "GPL")
public final class DeleteOnExit {
    public static final HashMap<Integer, Long> live = new HashMap<>(Integer.class, Long.class, 256);
    static long deleted;
    static long missing;

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int add(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-")) return 0;
        Long n = live.lookup(tid());
        live.update(tid(), n == null ? 1L : n + 1);
        return 0;
    }

    @Section("tracepoint/syscalls/sys_enter_getsid")
    static int remove(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-")) return 0;
        if (live.delete(tid()) == 0) deleted++;
        else missing++;
        return 0;
    }
}
