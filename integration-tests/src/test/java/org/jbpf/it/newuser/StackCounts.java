package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Pid;
import org.jbpf.Section;
import org.jbpf.StackId;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.StackTraceMap;

/** Counts calls per user stack, keyed by a struct holding the process and the stack id. */
@Bpf(license = "GPL")
public final class StackCounts {
    @Struct
    public static final class Key {
        @Pid public int pid;
        @StackId public int stack;
    }

    public static final StackTraceMap stacks = new StackTraceMap(256);
    public static final HashMap<Key, Long> counts = new HashMap<>(Key.class, Long.class, 256);
    static long failures;

    @Section("tracepoint/syscalls/sys_enter_getsid")
    static int onGetsid(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-")) return 0;
        Key key = new Key();
        key.pid = pid();
        key.stack = (int) stacks.getStackId(ctx, StackTraceMap.USER_STACK);
        if (key.stack < 0) {
            failures++;
            return 0;
        }
        counts.increment(key);
        return 0;
    }
}
