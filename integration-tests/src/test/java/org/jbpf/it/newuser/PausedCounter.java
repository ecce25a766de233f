package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;

/** Globals written from Java while attached (a pause switch and a step) and by the program (a count and the last name, a byte array). */
@Bpf(license = "GPL")
public final class PausedCounter {
    static boolean paused;
    static int step = 1;
    static long count;
    static final byte[] lastName = new byte[16];

    @Section("tracepoint/syscalls/sys_enter_getsid")
    static int onGetsid(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-pause") || paused) return 0;
        count += step;
        for (int i = 0; i < 16; i++) lastName[i] = name[i];
        return 0;
    }
}
