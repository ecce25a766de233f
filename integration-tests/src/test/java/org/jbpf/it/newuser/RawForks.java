package org.jbpf.it.newuser;

import org.jbpf.examples.kernel.TaskStruct;
import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.RawTracepointContext;
import org.jbpf.Section;
import org.jbpf.maps.HashMap;

/** sched_process_fork on a raw tracepoint: its arguments are the parent and child task_structs, read by name (CO-RE). */
@Bpf(license = "GPL")
public final class RawForks {
    @Constant static int targetPid;
    /** Child process id to its parent's process id, for new processes (not threads) of targetPid. */
    public static final HashMap<Integer, Integer> parents = new HashMap<>(Integer.class, Integer.class, 256);
    static long threads;

    @Section("raw_tracepoint/sched_process_fork")
    static int onFork(RawTracepointContext ctx) {
        TaskStruct parent = TaskStruct.at(ctx.arg(0));
        TaskStruct child = TaskStruct.at(ctx.arg(1));
        int parentTgid = parent.tgid();
        if (parentTgid != targetPid) return 0;
        if (child.tgid() == parentTgid) {
            threads++;
            return 0;
        }
        parents.update(child.pid(), parentTgid);
        return 0;
    }
}
