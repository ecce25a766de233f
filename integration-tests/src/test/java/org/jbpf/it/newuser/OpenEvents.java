package org.jbpf.it.newuser;

import org.jbpf.examples.kernel.SysEnterOpenat;
import static org.jbpf.Helpers.comm;
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
import org.jbpf.maps.PerfEventArray;
import org.jbpf.maps.RingBuffer;

/** opensnoop for one process: thread, command and file name of each openat, to a ring buffer and (flags too) to a perf buffer. */
@Bpf(license = "GPL")
public final class OpenEvents {
    @Struct
    public static final class Open {
        public int tid;
        public int flags;
        @CString @Size(16) public byte[] comm;
        @CString @Size(96) public byte[] path;
    }

    @Constant static int targetPid;
    public static final RingBuffer ring = new RingBuffer(1 << 16);
    public static final PerfEventArray perf = new PerfEventArray();

    @Section("tracepoint/syscalls/sys_enter_openat")
    static int onOpenat(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        SysEnterOpenat call = ctx.as(SysEnterOpenat.class);
        Open event = ring.reserve(Open.class);
        if (event == null) return 0;
        event.tid = tid();
        event.flags = (int) call.flags;
        comm(event.comm);
        probeReadUserStr(event.path, 96, call.filename);
        ring.submit(event);
        Open copy = new Open();
        copy.tid = tid();
        copy.flags = (int) call.flags;
        comm(copy.comm);
        probeReadUserStr(copy.path, 96, call.filename);
        perf.output(copy);
        return 0;
    }
}
