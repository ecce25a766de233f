package org.jbpf.examples.kernel;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.RingBuffer;

/**
 * execsnoop: every process that execs a new program, with its parent's pid, through a ring buffer. The parent is
 * read from the kernel's task_struct by name ({@code real_parent->tgid}) through {@link TaskStruct}, the class
 * {@code jbpf gen btf task_struct.real_parent.tgid task_struct.pid task_struct.comm} wrote; the loader fits the
 * offsets to the running kernel.
 */
@Bpf(license = "GPL")
public final class ExecSnoop {
    public static final RingBuffer events = new RingBuffer(1 << 18);

    @Section("tracepoint/sched/sched_process_exec")
    static int onExec(TracepointContext ctx) {
        ExecEvent event = events.reserve(ExecEvent.class);
        if (event == null) {
            return 0;
        }
        TaskStruct task = TaskStruct.current();
        event.pid = task.tgid();
        event.ppid = task.realParent().tgid();
        task.comm(event.comm);
        events.submit(event);
        return 0;
    }
}
