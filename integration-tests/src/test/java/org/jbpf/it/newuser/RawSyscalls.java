package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;

import org.jbpf.Bpf;
import org.jbpf.RawTracepointContext;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.maps.ArrayMap;

/** A raw sys_enter tracepoint counting the syscalls of named threads by number, with a switch on it. */
@Bpf(license = "GPL")
public final class RawSyscalls {
    static final int GETPPID = 110, GETPGID = 121, GETSID = 124;
    public static final ArrayMap<Long> counts = new ArrayMap<>(Long.class, 4);

    @Section("raw_tracepoint/sys_enter")
    static int onSysEnter(RawTracepointContext ctx) {
        long id = ctx.arg(1);
        int slot;
        switch ((int) id) {
            case GETPPID: slot = 0; break;
            case GETPGID: slot = 1; break;
            case GETSID: slot = 2; break;
            default: return 0;
        }
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-")) return 0;
        counts.increment(slot);
        return 0;
    }
}
