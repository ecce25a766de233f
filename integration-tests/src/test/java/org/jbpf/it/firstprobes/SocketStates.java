package org.jbpf.it.firstprobes;

import org.jbpf.examples.kernel.InetSockSetState;
import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.IpAddress;
import org.jbpf.OrdinalOf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.RingBuffer;

/** TCP state changes of the connections on one port, with both ends' addresses. */
@Bpf(license = "GPL")
public final class SocketStates {
    /** TCP states in the kernel's order (include/net/tcp_states.h): a state's number is its ordinal. */
    public enum TcpState { NONE, ESTABLISHED, SYN_SENT, SYN_RECV, FIN_WAIT1, FIN_WAIT2, TIME_WAIT, CLOSE, CLOSE_WAIT, LAST_ACK, LISTEN, CLOSING, NEW_SYN_RECV }

    /** One state change. */
    @Struct
    public static final class Change {
        @OrdinalOf(TcpState.class) public int oldState;
        @OrdinalOf(TcpState.class) public int newState;
        public int family;
        public int sourcePort;
        public int destinationPort;
        @IpAddress @Size(4) public byte[] source;
        @IpAddress @Size(4) public byte[] destination;
        @IpAddress @Size(16) public byte[] source6;
        @IpAddress @Size(16) public byte[] destination6;
    }

    @Constant static int port;
    public static final RingBuffer changes = new RingBuffer(1 << 14);

    @Section("tracepoint/sock/inet_sock_set_state")
    static int onState(TracepointContext ctx) {
        InetSockSetState s = ctx.as(InetSockSetState.class);
        int sport = s.sport & 0xffff, dport = s.dport & 0xffff;
        if (s.protocol != 6 || sport != port && dport != port) return 0;
        Change c = new Change();
        c.oldState = s.oldstate;
        c.newState = s.newstate;
        c.family = s.family;
        c.sourcePort = sport;
        c.destinationPort = dport;
        System.arraycopy(s.saddr, 0, c.source, 0, 4);
        System.arraycopy(s.daddr, 0, c.destination, 0, 4);
        System.arraycopy(s.saddrV6, 0, c.source6, 0, 16);
        System.arraycopy(s.daddrV6, 0, c.destination6, 0, 16);
        changes.output(c);
        return 0;
    }
}
