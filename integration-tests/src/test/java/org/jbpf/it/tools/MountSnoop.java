package org.jbpf.it.tools;

import org.jbpf.examples.kernel.SysEnterMount;
import org.jbpf.examples.kernel.SysEnterUmount;
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
 * mountsnoop: each mount() and umount2() of the process {@code targetPid} with its source, target, file system type,
 * flags, data and result. The entries keep the arguments' addresses per thread; the exits read the strings, which
 * the caller's memory still holds, and send one event.
 */
@Bpf(license = "GPL")
public final class MountSnoop {
    public static final byte MOUNT = 1, UMOUNT = 2;

    @Struct
    public record Call(byte kind, long source, long target, long type, long flags, long data) {}

    @Struct
    public static final class Mount {
        public int tid;
        public byte kind;
        public int result;
        public long flags;
        @CString @Size(32) public byte[] source;
        @CString @Size(64) public byte[] target;
        @CString @Size(16) public byte[] type;
        @CString @Size(32) public byte[] data;
    }

    @Constant static int targetPid;
    @Scratch public static final HashMap<Integer, Call> calls = new HashMap<>(Integer.class, Call.class, 1024);
    public static final RingBuffer events = new RingBuffer(1 << 16);

    @Section("tracepoint/syscalls/sys_enter_mount")
    static int enterMount(TracepointContext ctx) {
        SysEnterMount m = ctx.as(SysEnterMount.class);
        if (pid() == targetPid) calls.update(tid(), new Call(MOUNT, m.devName, m.dirName, m.type, m.flags, m.data));
        return 0;
    }

    @Section("tracepoint/syscalls/sys_enter_umount")
    static int enterUmount(TracepointContext ctx) {
        SysEnterUmount u = ctx.as(SysEnterUmount.class);
        if (pid() == targetPid) calls.update(tid(), new Call(UMOUNT, 0, u.name, 0, u.flags, 0));
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_mount")
    static int exitMount(TracepointContext ctx) {
        finish(ctx.as(SysExit.class).ret);
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_umount")
    static int exitUmount(TracepointContext ctx) {
        finish(ctx.as(SysExit.class).ret);
        return 0;
    }

    static void finish(long result) {
        int thread = tid();
        Call call = calls.lookup(thread);
        if (call == null) return;
        Mount e = events.reserve(Mount.class);
        if (e != null) {
            e.tid = thread;
            e.kind = call.kind();
            e.result = (int) result;
            e.flags = call.flags();
            if (call.source() != 0) probeReadUserStr(e.source, e.source.length, call.source());
            else e.source[0] = 0;   // a reserved record is not cleared
            probeReadUserStr(e.target, e.target.length, call.target());
            if (call.type() != 0) probeReadUserStr(e.type, e.type.length, call.type());
            else e.type[0] = 0;   // a reserved record is not cleared
            if (call.data() != 0) probeReadUserStr(e.data, e.data.length, call.data());
            else e.data[0] = 0;   // a reserved record is not cleared
            events.submit(e);
        }
        calls.delete(thread);
    }
}
