package com.acme;

import com.acme.kernel.SysEnterOpenat;
import com.acme.kernel.TaskStruct;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Counts openat() calls with a negative directory fd by the parent process of the caller. */
@Bpf(license = "GPL")
public final class OpenParents {
    public static final HashMap<Integer, Long> opens = new HashMap<>(Integer.class, Long.class, 1024);

    @Section("tracepoint/syscalls/sys_enter_openat")
    static int onOpenat(TracepointContext ctx) {
        if (ctx.as(SysEnterOpenat.class).dfd < 0) {
            opens.increment(TaskStruct.current().realParent().tgid());
        }
        return 0;
    }
}
