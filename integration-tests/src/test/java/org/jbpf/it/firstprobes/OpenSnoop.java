package org.jbpf.it.firstprobes;

import org.jbpf.examples.kernel.SysEnterOpenat;
import org.jbpf.examples.kernel.SysExitOpenat;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.probeReadUserStr;
import static org.jbpf.Helpers.tid;

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

/** opensnoop: each openat of one process with its file name, flags and result, entry and exit paired by thread. */
@Bpf(license = "GPL")
public final class OpenSnoop {
    /** An openat in progress, kept from its entry to its exit. */
    @Struct
    public static final class Open {
        public int pid;
        public int flags;
        public long result;
        @CString @Size(64) public byte[] filename;
    }

    @Constant static int targetPid;
    @Scratch public static final HashMap<Integer, Open> pending = new HashMap<>(Integer.class, Open.class, 1024);
    public static final RingBuffer opens = new RingBuffer(1 << 16);

    @Section("tracepoint/syscalls/sys_enter_openat")
    static int enter(TracepointContext ctx) {
        if (targetPid != 0 && pid() != targetPid) return 0;
        SysEnterOpenat call = ctx.as(SysEnterOpenat.class);
        Open o = new Open();
        o.pid = pid();
        o.flags = (int) call.flags;
        probeReadUserStr(o.filename, 64, call.filename);
        pending.update(tid(), o);
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_openat")
    static int exit(TracepointContext ctx) {
        Open o = pending.lookup(tid());
        if (o == null) return 0;
        o.result = ctx.as(SysExitOpenat.class).ret;
        opens.output(o);
        pending.delete(tid());
        return 0;
    }
}
