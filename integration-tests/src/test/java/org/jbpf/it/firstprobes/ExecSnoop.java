package org.jbpf.it.firstprobes;

import org.jbpf.examples.kernel.SchedProcessExec;
import org.jbpf.examples.kernel.TaskStruct;
import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.RingBuffer;

/** execsnoop: every exec with its process, parent, command and file name, to a ring buffer. */
@Bpf(license = "GPL")
public final class ExecSnoop {
    /** One exec. */
    @Struct
    public static final class Exec {
        public int pid;
        public int ppid;
        @CString @Size(16) public byte[] comm;
        @CString @Size(128) public byte[] filename;
    }

    public static final RingBuffer execs = new RingBuffer(1 << 16);

    @Section("tracepoint/sched/sched_process_exec")
    static int onExec(TracepointContext ctx) {
        SchedProcessExec record = ctx.as(SchedProcessExec.class);
        Exec e = new Exec();
        e.pid = pid();
        e.ppid = TaskStruct.current().realParent().tgid();
        comm(e.comm);
        ctx.readDataLoc(e.filename, record.filename);
        execs.output(e);
        return 0;
    }
}
