package org.jbpf.it.tools;

import org.jbpf.examples.kernel.SchedProcessExit;
import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.examples.kernel.SchedProcessFork;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.RingBuffer;

/** Lifetimes of the processes one process forks: fork time kept per child, one event with the duration at its exit. */
@Bpf(license = "GPL")
public final class ProcessLifetimes {
    @Struct
    public static final class Life {
        public int pid;
        public int parent;
        public long nanos;
        @CString @Size(16) public byte[] comm;
    }

    @Struct
    public record Birth(int parent, long at) {}

    @Constant static int targetPid;
    public static final HashMap<Integer, Birth> born = new HashMap<>(Integer.class, Birth.class, 4096);
    public static final RingBuffer lives = new RingBuffer(1 << 14);

    @Section("tracepoint/sched/sched_process_fork")
    static int onFork(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        born.update(ctx.as(SchedProcessFork.class).childPid, new Birth(targetPid, ktime()));
        return 0;
    }

    @Section("tracepoint/sched/sched_process_exit")
    static int onExit(TracepointContext ctx) {
        SchedProcessExit exit = ctx.as(SchedProcessExit.class);
        Birth birth = born.lookup(exit.pid);
        if (birth == null) return 0;
        Life life = new Life();
        life.pid = exit.pid;
        life.parent = birth.parent();
        life.nanos = ktime() - birth.at();
        System.arraycopy(exit.comm, 0, life.comm, 0, 16);
        lives.output(life);
        born.delete(exit.pid);
        return 0;
    }
}
