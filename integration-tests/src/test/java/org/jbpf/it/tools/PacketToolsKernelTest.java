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
 * against the exact datagrams, echo requests and connection the test sends.
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
                sendUdp(veth, open, 5);
                sendUdp(veth, blocked, 3);
                assertEquals(5, received(toOpen, 5));
                assertEquals(0, received(toBlocked, 1), "dropped by XDP");
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
                assertEquals(List.of(3L, 8L), List.of(protocols.get(1), protocols.get(17)), "echo requests and datagrams");
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
                assertEquals(List.of(), frames(fd, 0), "nothing crossed before the test sends");
                try (DatagramChannel captured = veth.receiver.inside(() -> bound(capture));
                     DatagramChannel passed = veth.receiver.inside(() -> bound(other))) {
                    sendUdp(veth, capture, 4);
                    sendUdp(veth, other, 3);
                    assertEquals(List.of(4, 3), List.of(received(captured, 4), received(passed, 3)), "a capture filter drops nothing from delivery");
                }
                List<byte[]> frames = frames(fd, 4);
                assertEquals(4, frames.size(), "only the captured port's frames reach the packet socket");
                for (byte[] f : frames) assertEquals(capture, (f[14 + 20 + 2] & 0xff) << 8 | (f[14 + 20 + 3] & 0xff), "destination port");
                assertEquals(Map.of(17, 7L), toMap(bpf.map(PacketSniffer.byProtocol)));
                assertEquals(Map.of(capture, 4L, other, 3L), toMap(bpf.map(PacketSniffer.udpByPort)));
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

    static void sendUdp(VethPair veth, int port, int count) throws Exception {
        veth.sender.inside(() -> {
            try (DatagramChannel ch = DatagramChannel.open()) {
                for (int i = 0; i < count; i++)
                    ch.send(ByteBuffer.wrap(("datagram " + i).getBytes(StandardCharsets.US_ASCII)), new InetSocketAddress(VethPair.RECEIVER_IP, port));
            }
            return null;
        });
    }

    /** Datagrams received within 2 s, stopping 200 ms after the {@code expected}-th (to see any extra). */
    static int received(DatagramChannel ch, int expected) throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        int n = 0;
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline) {
            buf.clear();
            if (ch.receive(buf) != null) {
                if (++n == expected) deadline = Math.min(deadline, System.nanoTime() + 200_000_000L);
            } else {
                Thread.sleep(5);
            }
        }
        return n;
    }

    /** Frames read from a packet socket within 2 s, stopping 200 ms after the {@code expected}-th (at once for 0). */
    static List<byte[]> frames(int fd, int expected) throws InterruptedException {
        List<byte[]> out = new ArrayList<>();
        byte[] buf = new byte[2048];
        long deadline = System.nanoTime() + (expected == 0 ? 200_000_000L : 2_000_000_000L);
        while (System.nanoTime() < deadline) {
            long n = Libc.C.recv(fd, buf, buf.length, MSG_DONTWAIT);
            if (n > 0) {
                out.add(java.util.Arrays.copyOf(buf, (int) n));
                if (out.size() == expected) deadline = Math.min(deadline, System.nanoTime() + 200_000_000L);
            } else {
                Thread.sleep(5);
            }
        }
        return out;
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
