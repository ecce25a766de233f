package org.jbpf.it.firstprobes;

import org.jbpf.examples.kernel.SchedProcessExit;
import org.jbpf.examples.kernel.SchedProcessFork;
import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.RingBuffer;
import org.jbpf.maps.Scratch;

/** Process lifetimes: each child of one parent, from its fork to the exit of its last thread. */
@Bpf(license = "GPL")
public final class Lifetimes {
    /** One process's life. */
    @Struct
    public static final class Life {
        public int pid;
        public int parent;
        public long nanos;
        @CString @Size(16) public byte[] comm;
    }

    @Constant static int parentPid;
    @Scratch public static final HashMap<Integer, Long> born = new HashMap<>(Integer.class, Long.class, 10240);
    @Scratch public static final HashMap<Integer, Integer> parents = new HashMap<>(Integer.class, Integer.class, 10240);
    public static final RingBuffer lives = new RingBuffer(1 << 14);

    @Section("tracepoint/sched/sched_process_fork")
    static int onFork(TracepointContext ctx) {
        SchedProcessFork f = ctx.as(SchedProcessFork.class);
        if (f.parentPid != parentPid) return 0;
        born.update(f.childPid, System.nanoTime());
        parents.update(f.childPid, f.parentPid);
        return 0;
    }

    @Section("tracepoint/sched/sched_process_exit")
    static int onExit(TracepointContext ctx) {
        SchedProcessExit x = ctx.as(SchedProcessExit.class);
        if (x.groupDead == 0) return 0;
        Long start = born.lookup(x.pid);
        Integer parent = parents.lookup(x.pid);
        if (start == null || parent == null) return 0;
        Life l = new Life();
        l.pid = x.pid;
        l.parent = parent;
        l.nanos = System.nanoTime() - start;
        System.arraycopy(x.comm, 0, l.comm, 0, 16);
        lives.output(l);
        born.delete(x.pid);
        parents.delete(x.pid);
        return 0;
    }
}
