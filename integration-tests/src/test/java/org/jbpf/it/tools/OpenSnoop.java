package org.jbpf.it.tools;

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
import org.jbpf.examples.kernel.SysEnterOpenat;
import org.jbpf.examples.kernel.SysExitOpenat;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.RingBuffer;

/**
 * opensnoop: every openat() of one process with its file name and its result (a descriptor or a negative errno).
 * The entry keeps the name's address per thread; the exit reads the name and sends one event.
 */
@Bpf(license = "GPL")
public final class OpenSnoop {
    @Struct
    public static final class Open {
        public int tid;
        public int result;
        public long flags;
        @CString @Size(16) public byte[] comm;
        @CString @Size(96) public byte[] file;
    }

    @Struct
    public record Call(long filename, long flags) {}

    @Constant static int targetPid;
    public static final HashMap<Integer, Call> calls = new HashMap<>(Integer.class, Call.class, 1024);
    public static final RingBuffer opens = new RingBuffer(1 << 16);

    @Section("tracepoint/syscalls/sys_enter_openat")
    static int enter(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        SysEnterOpenat call = ctx.as(SysEnterOpenat.class);
        calls.update(tid(), new Call(call.filename, call.flags));
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_openat")
    static int exit(TracepointContext ctx) {
        int thread = tid();
        Call call = calls.lookup(thread);
        if (call == null) return 0;
        Open open = opens.reserve(Open.class);
        if (open != null) {
            open.tid = thread;
            open.result = (int) ctx.as(SysExitOpenat.class).ret;
            open.flags = call.flags();
            comm(open.comm);
            probeReadUserStr(open.file, open.file.length, call.filename());
            opens.submit(open);
        }
        calls.delete(thread);
        return 0;
    }
}
