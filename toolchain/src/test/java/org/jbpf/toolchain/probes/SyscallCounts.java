package org.jbpf.toolchain.probes;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.Syscall;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** System calls counted by number, by process and number, and once more unmarked. */
@Bpf(license = "GPL")
public final class SyscallCounts {
    /** A process and a syscall number. */
    @Struct
    public static final class Call {
        public int pid;
        @Syscall public int nr;
    }

    @Syscall public static final HashMap<Integer, Long> byNumber = new HashMap<>(Integer.class, Long.class, 512);
    public static final HashMap<Integer, Long> plain = new HashMap<>(Integer.class, Long.class, 512);
    public static final HashMap<Call, Long> byKey = new HashMap<>(Call.class, Long.class, 512);

    @Section("tracepoint/raw_syscalls/sys_enter")
    static int count(TracepointContext ctx) {
        int nr = (int) ctx.u64(8);
        byNumber.increment(nr);
        plain.increment(nr);
        Call c = new Call();
        c.pid = pid();
        c.nr = nr;
        byKey.increment(c);
        return 0;
    }
}
