package org.jbpf.it.tools;

import org.jbpf.examples.kernel.SysEnterNewfstatat;
import org.jbpf.examples.kernel.SysEnterUnlinkat;
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

/**
 * statsnoop and unlinksnoop: each newfstatat() and unlinkat() of one process with its path, flags and result. The
 * entries keep the path's address per thread; the exits read the path and send one event.
 */
@Bpf(license = "GPL")
public final class PathSnoop {
    public static final byte STAT = 1, UNLINK = 2;

    @Struct
    public record Call(byte kind, long path, long flags) {}

    @Struct
    public static final class PathCall {
        public int tid;
        public byte kind;
        public int result;
        public int flags;
        @CString @Size(64) public byte[] path;
    }

    @Constant static int targetPid;
    @Scratch public static final HashMap<Integer, Call> calls = new HashMap<>(Integer.class, Call.class, 1024);
    public static final RingBuffer events = new RingBuffer(1 << 16);

    @Section("tracepoint/syscalls/sys_enter_newfstatat")
    static int enterStat(TracepointContext ctx) {
        SysEnterNewfstatat s = ctx.as(SysEnterNewfstatat.class);
        if (pid() == targetPid) calls.update(tid(), new Call(STAT, s.filename, s.flag));
        return 0;
    }

    @Section("tracepoint/syscalls/sys_enter_unlinkat")
    static int enterUnlink(TracepointContext ctx) {
        SysEnterUnlinkat u = ctx.as(SysEnterUnlinkat.class);
        if (pid() == targetPid) calls.update(tid(), new Call(UNLINK, u.pathname, u.flag));
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_newfstatat")
    static int exitStat(TracepointContext ctx) {
        finish(ctx.as(SysExit.class).ret);
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_unlinkat")
    static int exitUnlink(TracepointContext ctx) {
        finish(ctx.as(SysExit.class).ret);
        return 0;
    }

    static void finish(long result) {
        int thread = tid();
        Call call = calls.lookup(thread);
        if (call == null) return;
        PathCall e = events.reserve(PathCall.class);
        if (e != null) {
            e.tid = thread;
            e.kind = call.kind();
            e.result = (int) result;
            e.flags = (int) call.flags();
            probeReadUserStr(e.path, e.path.length, call.path());
            events.submit(e);
        }
        calls.delete(thread);
    }
}
