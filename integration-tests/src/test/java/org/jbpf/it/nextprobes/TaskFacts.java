package org.jbpf.it.nextprobes;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracingContext;
import org.jbpf.examples.kernel.TaskStruct;
import org.jbpf.maps.RingBuffer;

/**
 * The exec'ing task's fields read by name on {@code tp_btf/sched_process_exec} (CO-RE): its process, its parent's,
 * its cgroup's id (the inode number of its cgroup v2 directory) and its start time; for children of one process.
 */
@Bpf(license = "GPL")
public final class TaskFacts {
    /** One exec. */
    @Struct
    public static final class Facts {
        public int pid;
        public int ppid;
        public long cgroupId;
        public long startNanos;
        public long currentCgroupId;
    }

    @Constant static int parentPid;
    public static final RingBuffer execs = new RingBuffer(1 << 14);

    @Section("tp_btf/sched_process_exec")
    static int onExec(TracingContext ctx) {
        TaskStruct task = ctx.arg(0, TaskStruct.class);
        int ppid = task.realParent().tgid();
        if (ppid != parentPid) return 0;
        Facts f = new Facts();
        f.pid = task.tgid();
        f.ppid = ppid;
        f.cgroupId = task.cgroups().dflCgrp().kn().id();
        f.startNanos = task.startTime();
        f.currentCgroupId = Helpers.cgroupId();   // the exec'ing task is the current one
        execs.output(f);
        return 0;
    }
}
