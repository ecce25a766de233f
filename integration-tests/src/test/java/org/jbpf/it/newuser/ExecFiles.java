package org.jbpf.it.newuser;

import org.jbpf.examples.kernel.SchedProcessExec;
import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** execsnoop's file names: sched_process_exec's __data_loc filename copied out of the record, with the pid before the exec. */
@Bpf(license = "GPL")
public final class ExecFiles {
    @Struct
    public static final class Exec {
        public int oldPid;
        public int copied;
        @CString @Size(64) public byte[] file;
    }

    public static final HashMap<Integer, Exec> byPid = new HashMap<>(Integer.class, Exec.class, 4096);

    @Section("tracepoint/sched/sched_process_exec")
    static int onExec(TracepointContext ctx) {
        SchedProcessExec record = ctx.as(SchedProcessExec.class);
        Exec e = new Exec();
        e.oldPid = record.oldPid;
        e.copied = ctx.readDataLoc(e.file, record.filename);
        byPid.update(record.pid, e);
        return 0;
    }
}
