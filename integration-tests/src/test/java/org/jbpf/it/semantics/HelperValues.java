package org.jbpf.it.semantics;

import static org.jbpf.Helpers.*;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/** Records what each helper returns for the thread that calls getppid(), for comparison with what Java knows. */
@Bpf(license = "GPL")
public final class HelperValues {
    @Struct
    public static final class Seen {
        public int pid, tgid, tid, uid, gid, cpu, random1, random2;
        public long pidTgid, uidGid, ktime, ktimeBoot;
        public int syscallNr;
        @Size(16) public byte[] comm;
    }

    public static final ArrayMap<Seen> seen = new ArrayMap<>(Seen.class, 1);
    public static final ArrayMap<Integer> watchTid = new ArrayMap<>(Integer.class, 1);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long record(TracepointContext ctx) {
        Integer want = watchTid.lookup(0);
        if (want == null || want != tid()) return 0;
        Seen s = seen.lookup(0);
        if (s == null) return 0;
        s.pid = pid();
        s.tgid = tgid();
        s.tid = tid();
        s.uid = uid();
        s.gid = gid();
        s.cpu = cpu();
        s.random1 = random();
        s.random2 = random();
        s.pidTgid = pidTgid();
        s.uidGid = uidGid();
        s.ktime = ktime();
        s.ktimeBoot = ktimeBoot();
        s.syscallNr = ctx.syscallNr();
        comm(s.comm);
        return 0;
    }
}
