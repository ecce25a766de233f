package org.jbpf.it.newuser;

import org.jbpf.examples.kernel.SchedProcessFork;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Every task one process forks (sched_process_fork's typed record): child pid to the forking thread's id. */
@Bpf(license = "GPL")
public final class ForkChildren {
    @Constant static int targetPid;
    public static final HashMap<Integer, Integer> children = new HashMap<>(Integer.class, Integer.class, 1024);

    @Section("tracepoint/sched/sched_process_fork")
    static int onFork(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        SchedProcessFork fork = ctx.as(SchedProcessFork.class);
        children.update(fork.childPid, fork.parentPid);
        return 0;
    }
}
