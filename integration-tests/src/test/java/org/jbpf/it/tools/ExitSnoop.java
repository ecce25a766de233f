package org.jbpf.it.tools;

import org.jbpf.examples.kernel.SchedProcessExit;
import org.jbpf.examples.kernel.TaskStruct;
import static org.jbpf.Helpers.ktime;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.RingBuffer;

/**
 * exitsnoop for the children of the process {@code targetPid}: at each process's exit (its last thread, the one whose
 * thread id is the process id) one record with the exit code as wait(2) reports it (status in bits 8-15, or the
 * signal that killed it in bits 0-6), its lifetime from the task's start time, and its name.
 */
@Bpf(license = "GPL")
public final class ExitSnoop {
    @Struct
    public static final class Exit {
        public int pid;
        public int parent;
        public int exitCode;
        public long lifeNanos;
        @CString @Size(16) public byte[] comm;
    }

    @Constant static int targetPid;
    public static final RingBuffer exits = new RingBuffer(1 << 14);

    @Section("tracepoint/sched/sched_process_exit")
    static int onExit(TracepointContext ctx) {
        TaskStruct task = TaskStruct.current();
        if (task.pid() != task.tgid()) return 0;   // a thread of a process that goes on
        int parent = task.realParent().tgid();
        if (parent != targetPid) return 0;
        SchedProcessExit e = ctx.as(SchedProcessExit.class);
        Exit x = new Exit();
        x.pid = e.pid;
        x.parent = parent;
        x.exitCode = task.exitCode();
        x.lifeNanos = ktime() - task.startTime();
        System.arraycopy(e.comm, 0, x.comm, 0, 16);
        exits.output(x);
        return 0;
    }
}
