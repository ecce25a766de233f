package org.jbpf.it.tools;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.pid;
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
 * syncsnoop: each sync(), fsync(), fdatasync() and syncfs() of one process with the system call's number, its file
 * descriptor (-1 for sync, which has none) and its result. The entries keep the call per thread; the exits send one
 * event.
 */
@Bpf(license = "GPL")
public final class SyncSnoop {
    @Struct
    public record Call(int syscall, int fd) {}

    @Struct
    public static final class Sync {
        public int tid;
        public int syscall;
        public int fd;
        public int result;
        @CString @Size(16) public byte[] comm;
    }

    @Constant static int targetPid;
    @Scratch public static final HashMap<Integer, Call> calls = new HashMap<>(Integer.class, Call.class, 1024);
    public static final RingBuffer syncs = new RingBuffer(1 << 16);

    @Section("tracepoint/syscalls/sys_enter_sync")
    static int enterSync(TracepointContext ctx) {
        if (pid() == targetPid) calls.update(tid(), new Call(ctx.syscallNr(), -1));
        return 0;
    }

    @Section("tracepoint/syscalls/sys_enter_fsync")
    static int enterFsync(TracepointContext ctx) {
        return enterWithFd(ctx);
    }

    @Section("tracepoint/syscalls/sys_enter_fdatasync")
    static int enterFdatasync(TracepointContext ctx) {
        return enterWithFd(ctx);
    }

    @Section("tracepoint/syscalls/sys_enter_syncfs")
    static int enterSyncfs(TracepointContext ctx) {
        return enterWithFd(ctx);
    }

    static int enterWithFd(TracepointContext ctx) {
        if (pid() == targetPid) calls.update(tid(), new Call(ctx.syscallNr(), (int) ctx.arg(0)));
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_sync")
    static int exitSync(TracepointContext ctx) {
        return finish(ctx);
    }

    @Section("tracepoint/syscalls/sys_exit_fsync")
    static int exitFsync(TracepointContext ctx) {
        return finish(ctx);
    }

    @Section("tracepoint/syscalls/sys_exit_fdatasync")
    static int exitFdatasync(TracepointContext ctx) {
        return finish(ctx);
    }

    @Section("tracepoint/syscalls/sys_exit_syncfs")
    static int exitSyncfs(TracepointContext ctx) {
        return finish(ctx);
    }

    static int finish(TracepointContext ctx) {
        int thread = tid();
        Call call = calls.lookup(thread);
        if (call == null) return 0;
        Sync s = syncs.reserve(Sync.class);
        if (s != null) {
            s.tid = thread;
            s.syscall = call.syscall();
            s.fd = call.fd();
            s.result = (int) ctx.ret();
            comm(s.comm);
            syncs.submit(s);
        }
        calls.delete(thread);
        return 0;
    }
}
