package org.jbpf.cli.probes;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.StackTraceMap;

/** Records the kernel stack of every openat() call. */
@Bpf(license = "GPL")
public final class KernelStacks {
    public static final StackTraceMap stacks = new StackTraceMap(256);

    @Section("tracepoint/syscalls/sys_enter_openat")
    static long onOpenat(TracepointContext ctx) {
        stacks.getStackId(ctx, 0);
        return 0;
    }
}
