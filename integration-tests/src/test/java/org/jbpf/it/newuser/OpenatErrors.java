package org.jbpf.it.newuser;

import org.jbpf.examples.kernel.SysExitOpenat;
import static org.jbpf.Helpers.comm;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Failed openat() calls counted by errno from sys_exit_openat's typed record, for threads named nu-open-errors. */
@Bpf(license = "GPL")
public final class OpenatErrors {
    public static final HashMap<Integer, Long> byErrno = new HashMap<>(Integer.class, Long.class, 64);
    static long succeeded;

    @Section("tracepoint/syscalls/sys_exit_openat")
    static int onExit(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.equals(name, "nu-open-errors")) return 0;
        SysExitOpenat exit = ctx.as(SysExitOpenat.class);
        if (exit.ret >= 0) {
            succeeded++;
            return 0;
        }
        byErrno.increment((int) -exit.ret);
        return 0;
    }
}
