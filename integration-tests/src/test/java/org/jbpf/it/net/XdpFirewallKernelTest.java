package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.examples.net.XdpFirewall;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.attach.Link;
import org.jbpf.loader.attach.XdpMode;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The example {@link XdpFirewall} on real traffic: UDP datagrams sent between two namespaces over a veth pair, the
 * firewall attached (by interface name, generic and native mode) to the receiver's end. Datagrams to the blocked port
 * never arrive, the others all do, and the maps count exactly what was sent; after detaching, the blocked port works.
 */
class XdpFirewallKernelTest {
    static final int OPEN_PORT = 9000, BLOCKED_PORT = 9001;

    @ParameterizedTest
    @EnumSource(value = XdpMode.class, names = {"GENERIC", "NATIVE"})
    void dropsTheBlockedPortAndCountsSources(XdpMode mode) throws Exception {
        KernelCheck.require();
        try (VethPair veth = new VethPair();
             BPF bpf = BPF.load(Backend.DIRECT.translate(XdpFirewall.class), XdpFirewall.class)) {
            bpf.map(XdpFirewall.blockedPorts).put(BLOCKED_PORT, 1);
            Link link = veth.receiver.inside(() -> bpf.program("filter").attachXdp(veth.receiverIf, mode));
            try (DatagramChannel open = veth.receiver.inside(() -> bound(OPEN_PORT));
                 DatagramChannel blocked = veth.receiver.inside(() -> bound(BLOCKED_PORT))) {
                send(veth, OPEN_PORT, 5);
                send(veth, BLOCKED_PORT, 3);
                sendMarker(veth, OPEN_PORT);
                assertEquals(5, Datagrams.receiveThrough(open, MARKER).size());
                assertEquals(0, Datagrams.queued(blocked).size());

                BpfMap<Integer, Long> bySource = bpf.map(XdpFirewall.packetsBySource);
                assertEquals(java.util.List.of(Map.entry(VethPair.SENDER_IP_NUMBER, 9L)), bySource.entries(), "eight datagrams and the marker");
                assertEquals(3L, bpf.map(XdpFirewall.dropped).get(BLOCKED_PORT));
                assertNull(bpf.map(XdpFirewall.dropped).get(OPEN_PORT));

                link.close();
                send(veth, BLOCKED_PORT, 2);
                sendMarker(veth, BLOCKED_PORT);
                assertEquals(2, Datagrams.receiveThrough(blocked, MARKER).size(), "detached: the blocked port receives again");
                assertEquals(9L, bySource.get(VethPair.SENDER_IP_NUMBER));
            }
        }
    }

    private static DatagramChannel bound(int port) throws Exception {
        DatagramChannel ch = DatagramChannel.open();
        ch.bind(new InetSocketAddress(VethPair.RECEIVER_IP, port));
        ch.configureBlocking(false);
        return ch;
    }

    private static void send(VethPair veth, int port, int count) throws Exception {
        veth.sender.inside(() -> {
            try (DatagramChannel ch = DatagramChannel.open()) {
                for (int i = 0; i < count; i++)
                    ch.send(ByteBuffer.wrap(("datagram " + i).getBytes()), new InetSocketAddress(VethPair.RECEIVER_IP, port));
            }
            return null;
        });
    }

    static final byte[] MARKER = "marker".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The marker datagram, sent last: once it arrived, everything sent before it has been through the filter. */
    private static void sendMarker(VethPair veth, int port) throws Exception {
        veth.sender.inside(() -> {
            try (DatagramChannel ch = DatagramChannel.open()) {
                ch.send(ByteBuffer.wrap(MARKER), new InetSocketAddress(VethPair.RECEIVER_IP, port));
            }
            return null;
        });
    }
}
