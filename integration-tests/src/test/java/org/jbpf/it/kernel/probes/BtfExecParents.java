package org.jbpf.it.kernel.probes;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracingContext;
import org.jbpf.examples.kernel.TaskStruct;
import org.jbpf.maps.HashMap;

/**
 * The parent of every exec, read on a BTF-typed tracepoint: sched_process_exec's first argument is the task, whose
 * tgid and real_parent->tgid are plain loads the verifier allows (no bpf_probe_read_kernel); the second is the pid
 * before the exec. {@code parents} maps each process to its parent, {@code oldPids} to the old pid.
 */
@Bpf(license = "GPL")
public final class BtfExecParents {
    public static final HashMap<Integer, Integer> parents = new HashMap<>(Integer.class, Integer.class, 1024);
    public static final HashMap<Integer, Long> oldPids = new HashMap<>(Integer.class, Long.class, 1024);

    @Section("tp_btf/sched_process_exec")
    static int onExec(TracingContext ctx) {
        TaskStruct task = ctx.arg(0, TaskStruct.class);
        int process = task.tgid();
        parents.update(process, task.realParent().tgid());
        oldPids.update(process, ctx.arg(1));
        return 0;
    }
}
