package org.jbpf.it.kernel.probes;

import org.jbpf.Bpf;
import org.jbpf.RawTracepointContext;
import org.jbpf.Section;
import org.jbpf.examples.kernel.TaskStruct;
import org.jbpf.maps.HashMap;

/**
 * The parent of every process that execs, from the raw tracepoint's first argument ({@code struct task_struct *p})
 * typed as {@link TaskStruct}: pid to parent pid.
 */
@Bpf(license = "GPL")
public final class RawExecParents {
    public static final HashMap<Integer, Integer> parents = new HashMap<>(Integer.class, Integer.class, 4096);

    @Section("raw_tracepoint/sched_process_exec")
    static int onExec(RawTracepointContext ctx) {
        TaskStruct task = TaskStruct.at(ctx.arg(0));
        parents.update(task.tgid(), task.realParent().tgid());
        return 0;
    }
}
