package org.jbpf.examples.tools;

import org.jbpf.examples.kernel.InetSockSetState;
import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.RingBuffer;

/**
 * tcpstates: each TCP state change of the connections to or from one port ({@code --const port=8080}; 0: every
 * port), with the family, both ends' IPv4 addresses (also set for an IPv6 socket's IPv4-mapped connection, as Java's
 * sockets are) and ports and the old and new state, from sock:inet_sock_set_state, in every network namespace.
 */
@Bpf(license = "GPL")
public final class TcpStates {
    static final int IPPROTO_TCP = 6, AF_INET = 2, AF_INET6 = 10;

    @Struct
    public static final class Change {
        public long socket;
        public int oldState;
        public int newState;
        public int localPort;
        public int remotePort;
        public int family;
        @Size(4) public byte[] localAddress;
        @Size(4) public byte[] remoteAddress;
    }

    @Constant static int port;
    public static final RingBuffer changes = new RingBuffer(1 << 14);

    @Section("tracepoint/sock/inet_sock_set_state")
    static int onStateChange(TracepointContext ctx) {
        InetSockSetState s = ctx.as(InetSockSetState.class);
        if (s.protocol != IPPROTO_TCP || s.family != AF_INET && s.family != AF_INET6) return 0;
        int local = s.sport & 0xffff, remote = s.dport & 0xffff;
        if (port != 0 && local != port && remote != port || s.oldstate == s.newstate) return 0;   // the kernel also reports a state set again
        Change c = new Change();
        c.socket = s.skaddr;
        c.oldState = s.oldstate;
        c.newState = s.newstate;
        c.localPort = local;
        c.remotePort = remote;
        c.family = s.family;
        System.arraycopy(s.saddr, 0, c.localAddress, 0, 4);
        System.arraycopy(s.daddr, 0, c.remoteAddress, 0, 4);
        changes.output(c);
        return 0;
    }
}
