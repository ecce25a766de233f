package org.jbpf.it.nextprobes;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.tid;

import org.jbpf.Atomic;
import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Pid;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.examples.kernel.SysEnterRead;
import org.jbpf.examples.kernel.SysEnterWrite;
import org.jbpf.examples.kernel.SysExitRead;
import org.jbpf.examples.kernel.SysExitWrite;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Scratch;

/** Bytes read and written per process and file descriptor: each call's descriptor kept at entry, its result added at exit. */
@Bpf(license = "GPL")
public final class FdBytes {
    /** A process's descriptor. */
    @Struct
    public static final class ProcessFd {
        @Pid public int pid;
        public int fd;
    }

    /** What went through it. */
    @Struct
    public static final class Bytes {
        public long read;
        public long written;
    }

    @Constant static int targetPid;
    @Scratch public static final HashMap<Integer, Integer> fds = new HashMap<>(Integer.class, Integer.class, 10240);
    public static final HashMap<ProcessFd, Bytes> bytes = new HashMap<>(ProcessFd.class, Bytes.class, 10240);

    @Section("tracepoint/syscalls/sys_enter_read")
    static int enterRead(TracepointContext ctx) {
        return enter((int) ctx.as(SysEnterRead.class).fd);
    }

    @Section("tracepoint/syscalls/sys_enter_write")
    static int enterWrite(TracepointContext ctx) {
        return enter((int) ctx.as(SysEnterWrite.class).fd);
    }

    @Section("tracepoint/syscalls/sys_exit_read")
    static int exitRead(TracepointContext ctx) {
        return exit(ctx.as(SysExitRead.class).ret, false);
    }

    @Section("tracepoint/syscalls/sys_exit_write")
    static int exitWrite(TracepointContext ctx) {
        return exit(ctx.as(SysExitWrite.class).ret, true);
    }

    private static int enter(int fd) {
        if (targetPid != 0 && pid() != targetPid) return 0;
        fds.update(tid(), fd);
        return 0;
    }

    private static int exit(long result, boolean write) {
        Integer fd = fds.lookup(tid());
        if (fd == null) return 0;
        ProcessFd key = new ProcessFd();
        key.pid = pid();
        key.fd = fd;
        fds.delete(tid());
        if (result <= 0) return 0;
        Bytes b = bytes.lookup(key);
        if (b == null) {
            bytes.update(key, new Bytes());
            b = bytes.lookup(key);
            if (b == null) return 0;
        }
        if (write) Atomic.add(b, "written", result);
        else Atomic.add(b, "read", result);
        return 0;
    }
}
