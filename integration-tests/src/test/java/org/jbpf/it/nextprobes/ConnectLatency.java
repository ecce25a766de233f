package org.jbpf.it.nextprobes;

import static org.jbpf.Helpers.ktime;

import org.jbpf.Atomic;
import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.IpAddress;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.examples.kernel.InetSockSetState;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Scratch;

/**
 * TCP connect latency per destination: from a socket's move to SYN_SENT to its move to ESTABLISHED
 * ({@code sock:inet_sock_set_state}), counted and summed per destination address and port, for ports from one up.
 */
@Bpf(license = "GPL")
public final class ConnectLatency {
    static final int TCP_ESTABLISHED = 1, TCP_SYN_SENT = 2;

    /** A destination. */
    @Struct
    public static final class Destination {
        @IpAddress @Size(4) public byte[] address;
        public int port;
    }

    /** Connections made to a destination and their time. */
    @Struct
    public static final class Latency {
        public long count;
        public long totalNanos;
    }

    @Constant static int fromPort;
    @Scratch public static final HashMap<Long, Long> connecting = new HashMap<>(Long.class, Long.class, 10240);
    public static final HashMap<Destination, Latency> byDestination = new HashMap<>(Destination.class, Latency.class, 1024);

    @Section("tracepoint/sock/inet_sock_set_state")
    static int onStateChange(TracepointContext ctx) {
        InetSockSetState s = ctx.as(InetSockSetState.class);
        int port = s.dport & 0xffff;
        if (port < fromPort) return 0;
        if (s.newstate == TCP_SYN_SENT) {
            connecting.update(s.skaddr, ktime());
            return 0;
        }
        if (s.oldstate != TCP_SYN_SENT || s.newstate != TCP_ESTABLISHED) return 0;
        Long started = connecting.lookup(s.skaddr);
        if (started == null) return 0;
        long nanos = ktime() - started;
        connecting.delete(s.skaddr);
        Destination d = new Destination();
        System.arraycopy(s.daddr, 0, d.address, 0, 4);
        d.port = port;
        Latency l = byDestination.lookup(d);
        if (l == null) {
            byDestination.update(d, new Latency());
            l = byDestination.lookup(d);
            if (l == null) return 0;
        }
        Atomic.increment(l, "count");
        Atomic.add(l, "totalNanos", nanos);
        return 0;
    }
}
