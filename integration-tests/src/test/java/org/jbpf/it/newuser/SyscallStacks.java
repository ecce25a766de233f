package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.StackTraceMap;

/** The kernel and user stacks of getppid() calls of threads named nu-stacks, per thread, for Java to name. */
@Bpf(license = "GPL")
public final class SyscallStacks {
    @Struct
    public static final class Stacks {
        public int kernel;
        public int user;
        public long calls;
    }

    public static final StackTraceMap stacks = new StackTraceMap(64);
    public static final HashMap<Integer, Stacks> byThread = new HashMap<>(Integer.class, Stacks.class, 16);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int onGetppid(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.equals(name, "nu-stacks")) return 0;
        Stacks s = new Stacks();
        s.kernel = (int) stacks.getStackId(ctx, 0);
        s.user = (int) stacks.getStackId(ctx, StackTraceMap.USER_STACK);
        Stacks old = byThread.lookup(tid());
        s.calls = old == null ? 1 : old.calls + 1;
        byThread.update(tid(), s);
        return 0;
    }
}
