package org.jbpf.it.tools;

import org.jbpf.examples.kernel.InetSockSetState;
import org.jbpf.examples.kernel.TcpSock;
import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.RingBuffer;
import org.jbpf.maps.Scratch;

/**
 * tcplife for the TCP connections to or from one port: a socket's life starts at its first state change out of
 * CLOSE or LISTEN (connect, or a connection request to a listener) and ends when it reaches CLOSE; one record then
 * gives both ports, the lifetime, the bytes received and acknowledged (read from the socket's {@code tcp_sock}) and the
 * process that started it (the close may run in a softirq, where the current process is any).
 */
@Bpf(license = "GPL")
public final class TcpLife {
    static final int IPPROTO_TCP = 6, AF_INET = 2, AF_INET6 = 10, TCP_CLOSE = 7, TCP_LISTEN = 10;

    @Struct
    public record Birth(long at, int pid) {}

    @Struct
    public static final class Life {
        public int pid;
        public int localPort;
        public int remotePort;
        public long nanos;
        public long received;
        public long acked;
    }

    @Constant static int port;
    @Scratch public static final HashMap<Long, Birth> born = new HashMap<>(Long.class, Birth.class, 4096);
    public static final RingBuffer lives = new RingBuffer(1 << 14);

    @Section("tracepoint/sock/inet_sock_set_state")
    static int onStateChange(TracepointContext ctx) {
        InetSockSetState s = ctx.as(InetSockSetState.class);
        if (s.protocol != IPPROTO_TCP || s.family != AF_INET && s.family != AF_INET6) return 0;
        int local = s.sport & 0xffff, remote = s.dport & 0xffff;
        if (local != port && remote != port || s.newstate == TCP_LISTEN) return 0;
        long socket = s.skaddr;
        if (s.newstate != TCP_CLOSE) {
            if (born.lookup(socket) == null) born.update(socket, new Birth(ktime(), pid()));
            return 0;
        }
        Birth birth = born.lookup(socket);
        if (birth == null) return 0;   // born before the probe, or a listener closing
        TcpSock tcp = TcpSock.at(socket);
        Life life = new Life();
        life.pid = birth.pid();
        life.localPort = local;
        life.remotePort = remote;
        life.nanos = ktime() - birth.at();
        life.received = tcp.bytesReceived();
        life.acked = tcp.bytesAcked();
        lives.output(life);
        born.delete(socket);
        return 0;
    }
}
