package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/**
 * A byte loop over the thread name: the number after the last '-' of names like nu-worker-37, per thread, parsed with
 * a bounded for loop, a break at the NUL and a reset at every '-'; names without digits there are not recorded.
 */
@Bpf(license = "GPL")
public final class CommNumbers {
    public static final HashMap<Integer, Integer> numbers = new HashMap<>(Integer.class, Integer.class, 64);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int onGetppid(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-worker")) return 0;
        int value = 0, digits = 0;
        for (int i = 0; i < name.length; i++) {
            byte c = name[i];
            if (c == 0) break;
            if (c == '-') {
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                digits++;
            }
        }
        if (digits > 0) numbers.update(tid(), value);
        return 0;
    }
}
