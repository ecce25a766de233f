package org.jbpf.it.tools;

import static org.jbpf.it.tools.ClassicToolsKernelTest.load;
import static org.jbpf.it.tools.ClassicToolsKernelTest.toMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.net.VethPair;
import org.jbpf.loader.attach.Interfaces;
import org.jbpf.loader.attach.XdpMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Packet tools over a veth pair between two namespaces the test creates (nothing but the test's packets crosses it):
 * an XDP counter by protocol with a port drop list, and a capture filter on a packet socket. Both are checked
 * against the exact datagrams, echo requests and connection the test sends. What must not arrive is checked without
 * waiting: the test's datagrams are sent from one thread held on one CPU, so they pass the receiving stack in the
 * order sent, and a marker datagram sent last to each socket says that everything before it was either delivered or
 * dropped.
 */
class PacketToolsKernelTest {
    static final int MSG_DONTWAIT = 0x40, AF_INET = 2, AF_PACKET = 17, SOCK_RAW = 3, IPPROTO_ICMP = 1;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void xdpCountsEachProtocolAndDropsTheListedPort(Backend backend) throws Exception {
        int open = 9100, blocked = 9101, tcpPort = 9102;
        try (VethPair veth = new VethPair(); BPF bpf = load(backend, PacketProtocols.class)) {
            bpf.map(PacketProtocols.dropPorts).put(blocked, 1);
            veth.receiver.inside(() -> bpf.program("count").attachXdp(veth.receiverIf, XdpMode.GENERIC));
            try (DatagramChannel toOpen = veth.receiver.inside(() -> bound(open));
                 DatagramChannel toBlocked = veth.receiver.inside(() -> bound(blocked));
                 ServerSocketChannel server = veth.receiver.inside(() -> ServerSocketChannel.open().bind(new InetSocketAddress(VethPair.RECEIVER_IP, tcpPort)))) {
                sendUdp(veth, open, 5, blocked, 3, false);   // then the marker to the open port
                assertEquals(5, receivedBeforeMarker(toOpen));
                assertEquals(0, queued(toBlocked), "dropped by XDP, and passed before the marker if not");
                assertEquals(3, (int) veth.sender.inside(() -> ping(VethPair.RECEIVER_IP, 3)), "echo replies");
                veth.sender.inside(() -> {
                    try (SocketChannel c = SocketChannel.open(new InetSocketAddress(VethPair.RECEIVER_IP, tcpPort))) {
                        c.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)));
                    }
                    return null;
                });
                try (SocketChannel accepted = server.accept()) {
                    ByteBuffer in = ByteBuffer.allocate(16);
                    while (accepted.read(in) >= 0) { }
                    assertEquals("hello", new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII));
                }
                Map<Integer, Long> protocols = toMap(bpf.map(PacketProtocols.byProtocol));
                assertEquals(List.of(1, 6, 17), new ArrayList<>(protocols.keySet()), "ICMP, TCP and UDP only: static neighbours, no IPv6");
                assertEquals(List.of(3L, 5L + 3 + 1), List.of(protocols.get(1), protocols.get(17)), "echo requests, and datagrams with the marker");
                assertTrue(protocols.get(6) >= 4, "SYN, ACK, data and FIN at least: " + protocols.get(6));
                assertEquals(1L, bpf.global("tcpSyns").getLong(), "one connection request");
                assertEquals(Map.of(blocked, 3L), toMap(bpf.map(PacketProtocols.droppedByPort)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void packetSocketFilterKeepsOnlyTheCapturedPort(Backend backend) throws Exception {
        int capture = 9200, other = 9201;
        try (VethPair veth = new VethPair(); BPF bpf = load(backend, PacketSniffer.class, "capturePort", capture)) {
            int fd = veth.receiver.inside(() -> {
                int s = Libc.C.socket(AF_PACKET, SOCK_RAW, 0x0300);   // htons(ETH_P_ALL)
                int index = Interfaces.index(veth.receiverIf);
                byte[] address = {AF_PACKET, 0, 0, 3, (byte) index, (byte) (index >> 8), (byte) (index >> 16), (byte) (index >> 24),
                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
                assertEquals(0, Libc.C.bind(s, address, address.length), "packet socket bound to " + veth.receiverIf);
                return s;
            });
            assertTrue(fd >= 0, "a packet socket");
            try {
                bpf.program("sniff").attachSocket(fd);
                try (DatagramChannel captured = veth.receiver.inside(() -> bound(capture));
                     DatagramChannel passed = veth.receiver.inside(() -> bound(other))) {
                    sendUdp(veth, capture, 4, other, 3, true);   // then a marker to each
                    assertEquals(List.of(4, 3), List.of(receivedBeforeMarker(captured), receivedBeforeMarker(passed)),
                            "a capture filter drops nothing from delivery");
                }
                List<String> frames = new ArrayList<>();
                for (byte[] f : framesToMarker(fd))
                    frames.add(((f[14 + 20 + 2] & 0xff) << 8 | (f[14 + 20 + 3] & 0xff)) + " " + new String(f, 14 + 20 + 8, f.length - 14 - 20 - 8, StandardCharsets.US_ASCII));
                assertEquals(List.of(capture + " datagram 0", capture + " datagram 1", capture + " datagram 2", capture + " datagram 3", capture + " " + MARKER),
                        frames, "the captured port's frames reach the packet socket, and nothing else or before");
                assertEquals(Map.of(17, 4L + 3 + 2), toMap(bpf.map(PacketSniffer.byProtocol)));
                assertEquals(Map.of(capture, 5L, other, 4L), toMap(bpf.map(PacketSniffer.udpByPort)));
                assertEquals(0L, bpf.global("notIp").getLong());
            } finally {
                Libc.C.close(fd);
            }
        }
    }

    static DatagramChannel bound(int port) throws Exception {
        DatagramChannel ch = DatagramChannel.open();
        ch.bind(new InetSocketAddress(VethPair.RECEIVER_IP, port));
        ch.configureBlocking(false);
        return ch;
    }

    /** The payload of the datagram sent last to each port. */
    static final String MARKER = "marker";

    /**
     * Sends {@code count} datagrams ("datagram 0", ...) to {@code port}, then {@code count2} to {@code port2}, then the
     * marker to {@code port2} when {@code markPort2} and to {@code port}, from one socket on one thread held on one
     * CPU: they reach the receiving stack in this order.
     */
    static void sendUdp(VethPair veth, int port, int count, int port2, int count2, boolean markPort2) throws Exception {
        veth.sender.inside(() -> {
            long[] mask = new long[16];
            assertEquals(0, Libc.C.sched_getaffinity(0, mask.length * 8L, mask));
            long[] one = new long[16];
            one[0] = Long.lowestOneBit(mask[0]);
            assertEquals(0, Libc.C.sched_setaffinity(0, one.length * 8L, one), "the sending thread held on one CPU");
            try (DatagramChannel ch = DatagramChannel.open()) {
                for (int i = 0; i < count; i++) send(ch, port, "datagram " + i);
                for (int i = 0; i < count2; i++) send(ch, port2, "datagram " + i);
                if (markPort2) send(ch, port2, MARKER);
                send(ch, port, MARKER);
            } finally {
                Libc.C.sched_setaffinity(0, mask.length * 8L, mask);
            }
            return null;
        });
    }

    private static void send(DatagramChannel ch, int port, String text) throws java.io.IOException {
        ch.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), new InetSocketAddress(VethPair.RECEIVER_IP, port));
    }

    /** The datagrams received before the marker, which must come within 5 s. */
    static int receivedBeforeMarker(DatagramChannel ch) throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        int n = 0;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            buf.clear();
            if (ch.receive(buf) == null) {
                Thread.sleep(1);
                continue;
            }
            if (new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).equals(MARKER)) return n;
            n++;
        }
        throw new AssertionError("no marker within 5 s, after " + n + " datagrams");
    }

    /** The datagrams already queued on a socket, read without waiting. */
    static int queued(DatagramChannel ch) throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        int n = 0;
        while (ch.receive(buf.clear()) != null) n++;
        return n;
    }

    /** The frames read from a packet socket up to and with the first whose UDP payload is the marker, within 5 s. */
    static List<byte[]> framesToMarker(int fd) throws InterruptedException {
        List<byte[]> out = new ArrayList<>();
        byte[] buf = new byte[2048];
        byte[] marker = MARKER.getBytes(StandardCharsets.US_ASCII);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            long n = Libc.C.recv(fd, buf, buf.length, MSG_DONTWAIT);
            if (n <= 0) {
                Thread.sleep(1);
                continue;
            }
            byte[] frame = java.util.Arrays.copyOf(buf, (int) n);
            out.add(frame);
            int payload = 14 + 20 + 8;
            if (n == payload + marker.length && java.util.Arrays.equals(frame, payload, (int) n, marker, 0, marker.length)) return out;
        }
        throw new AssertionError("no marker frame within 5 s, after " + out.size() + " frames");
    }

    /** Sends {@code count} ICMP echo requests to {@code ip} from a raw socket; the echo replies that came back within 2 s. */
    static int ping(String ip, int count) throws InterruptedException {
        int fd = Libc.C.socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
        assertTrue(fd >= 0, "a raw ICMP socket");
        try {
            String[] parts = ip.split("\\.");
            byte[] to = new byte[16];
            to[0] = AF_INET;
            for (int i = 0; i < 4; i++) to[4 + i] = (byte) Integer.parseInt(parts[i]);
            for (int seq = 1; seq <= count; seq++) {
                byte[] echo = echoRequest(0x6a62, seq);
                assertEquals(echo.length, Libc.C.sendto(fd, echo, echo.length, 0, to, to.length));
            }
            int replies = 0;
            byte[] buf = new byte[2048];
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (replies < count && System.nanoTime() < deadline) {
                long n = Libc.C.recv(fd, buf, buf.length, MSG_DONTWAIT);
                int icmp = (buf[0] & 0x0f) * 4;
                if (n > icmp + 8 && buf[icmp] == 0 && buf[icmp + 4] == 0x6a && buf[icmp + 5] == 0x62) replies++;
                else if (n <= 0) Thread.sleep(5);
            }
            return replies;
        } finally {
            Libc.C.close(fd);
        }
    }

    /** An ICMP echo request (type 8) with its identifier, sequence number, 8 bytes of payload and checksum. */
    static byte[] echoRequest(int id, int seq) {
        byte[] m = {8, 0, 0, 0, (byte) (id >> 8), (byte) id, (byte) (seq >> 8), (byte) seq, 'j', 'b', 'p', 'f', 'p', 'i', 'n', 'g'};
        int sum = 0;
        for (int i = 0; i < m.length; i += 2) sum += (m[i] & 0xff) << 8 | (m[i + 1] & 0xff);
        while ((sum >> 16) != 0) sum = (sum & 0xffff) + (sum >> 16);
        m[2] = (byte) (~sum >> 8);
        m[3] = (byte) ~sum;
        return m;
    }
}
