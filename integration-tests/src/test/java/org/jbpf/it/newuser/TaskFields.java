package org.jbpf.it.newuser;

import org.jbpf.examples.kernel.TaskStruct;
import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** task_struct read by name (CO-RE) for threads named nu-task: ids, comm, parent, group leader and flags, per thread. */
@Bpf(license = "GPL")
public final class TaskFields {
    @Struct
    public static final class Seen {
        public int pid;
        public int tgid;
        public int parentTgid;
        public int leaderPid;
        public int kernelThread;
        @CString @Size(16) public byte[] comm;
    }

    public static final HashMap<Integer, Seen> byThread = new HashMap<>(Integer.class, Seen.class, 64);

    @Section("tracepoint/syscalls/sys_enter_getsid")
    static int onGetsid(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-task")) return 0;
        TaskStruct task = TaskStruct.current();
        Seen s = new Seen();
        s.pid = task.pid();
        s.tgid = task.tgid();
        s.parentTgid = task.realParent().tgid();
        s.leaderPid = task.groupLeader().pid();
        s.kernelThread = (task.flags() & 0x00200000) != 0 ? 1 : 0;   // PF_KTHREAD
        task.comm(s.comm);
        byThread.update(tid(), s);
        return 0;
    }
}
