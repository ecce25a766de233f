package org.jbpf.cli.probes;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.PtRegs;
import org.jbpf.Section;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.StackTraceMap;

/** Counts calls of libc's getpid() per process and user stack. */
@Bpf(license = "GPL")
public final class GetpidStacks {
    public static final StackTraceMap stacks = new StackTraceMap(1024);
    public static final HashMap<StackKey, Long> calls = new HashMap<>(StackKey.class, Long.class, 1024);

    @Section("uprobe//usr/lib/x86_64-linux-gnu/libc.so.6:getpid")
    static long onGetpid(PtRegs ctx) {
        StackKey key = new StackKey();
        key.pid = pid();
        key.stack = (int) stacks.getStackId(ctx, StackTraceMap.USER_STACK);
        calls.increment(key);
        return 0;
    }
}
