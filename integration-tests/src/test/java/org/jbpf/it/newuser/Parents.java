package org.jbpf.it.newuser;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** CO-RE reads of the current task: its process id and its real parent's, for one process. */
@Bpf(license = "GPL")
public final class Parents {
    @Constant static int targetPid;
    static int seenTgid;
    static int seenParent;
    static long matches;

    @Section("tracepoint/syscalls/sys_enter_getsid")
    static int onGetsid(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        CurrentTask task = CurrentTask.current();
        int tgid = task.tgid();
        seenTgid = tgid;
        seenParent = task.realParent().tgid();
        if (tgid == targetPid) matches++;
        return 0;
    }
}
