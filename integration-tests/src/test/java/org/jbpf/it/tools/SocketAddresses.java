package org.jbpf.it.tools;

import org.jbpf.examples.kernel.SysEnterBind;
import org.jbpf.examples.kernel.SysEnterConnect;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.probeReadUser;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.RingBuffer;
import org.jbpf.maps.Scratch;

/**
 * A bind() and connect() tracer for one process: the socket, the IPv4 address and port asked for (a
 * {@code struct sockaddr_in} read from the caller's memory) and the call's result.
 */
@Bpf(license = "GPL")
public final class SocketAddresses {
    public static final byte BIND = 1, CONNECT = 2;

    /** {@code struct sockaddr_in}: family, port and address in network byte order, then padding. */
    @Struct
    public static final class SockaddrIn {
        public short family;
        public short port;
        public int address;
        public long zero;
    }

    @Struct
    public static final class Call {
        public byte kind;
        public int fd;
        public short family;
        public short port;
        public int address;
    }

    @Struct
    public static final class Event {
        public int tid;
        public byte kind;
        public int fd;
        public int family;
        public int port;
        public int address;
        public int result;
    }

    @Constant static int targetPid;
    @Scratch public static final HashMap<Integer, Call> calls = new HashMap<>(Integer.class, Call.class, 1024);
    public static final RingBuffer events = new RingBuffer(1 << 16);

    @Section("tracepoint/syscalls/sys_enter_bind")
    static int enterBind(TracepointContext ctx) {
        SysEnterBind b = ctx.as(SysEnterBind.class);
        if (pid() == targetPid) remember(BIND, b.fd, b.umyaddr);
        return 0;
    }

    @Section("tracepoint/syscalls/sys_enter_connect")
    static int enterConnect(TracepointContext ctx) {
        SysEnterConnect c = ctx.as(SysEnterConnect.class);
        if (pid() == targetPid) remember(CONNECT, c.fd, c.uservaddr);
        return 0;
    }

    static void remember(byte kind, long fd, long address) {
        SockaddrIn in = new SockaddrIn();
        probeReadUser(in, 16, address);
        Call call = new Call();
        call.kind = kind;
        call.fd = (int) fd;
        call.family = in.family;
        call.port = in.port;
        call.address = in.address;
        calls.update(tid(), call);
    }

    @Section("tracepoint/syscalls/sys_exit_bind")
    static int exitBind(TracepointContext ctx) {
        finish(ctx.as(SysExit.class).ret);
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_connect")
    static int exitConnect(TracepointContext ctx) {
        finish(ctx.as(SysExit.class).ret);
        return 0;
    }

    static void finish(long result) {
        int thread = tid();
        Call call = calls.lookup(thread);
        if (call == null) return;
        Event e = events.reserve(Event.class);
        if (e != null) {
            e.tid = thread;
            e.kind = call.kind;
            e.fd = call.fd;
            e.family = call.family;
            e.port = Short.reverseBytes(call.port) & 0xffff;
            e.address = Integer.reverseBytes(call.address);
            e.result = (int) result;
            events.submit(e);
        }
        calls.delete(thread);
    }
}
