package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.attach.Interfaces;
import org.jbpf.loader.attach.XdpMode;
import org.jbpf.loader.sys.Sys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A DEVMAP redirect delivering real packets: three namespaces, sender - router - destination, joined by two veth
 * pairs. The router has no route between them; its xdp program ({@code XdpReshape.redirectSlot}, native mode) sends
 * every frame arriving from the sender out of the veth in slot 0 of the DevMap, and the destination receives the
 * datagrams (sent without UDP checksum, which a redirected frame cannot have filled in by the veth's offload). With
 * the slot empty the program passes the frames to the router's stack, which drops them (they are
 * addressed to another host), and nothing arrives.
 */
class DevMapRedirectKernelTest {
    static final String SENDER_MAC = "02:6a:62:70:67:01", TARGET_MAC = "02:6a:62:70:67:04";
    static final String SENDER_IP = "127.2.0.1", TARGET_IP = "127.2.0.2";
    static final int PORT = 9600, SO_NO_CHECK = 11;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void redirectsThroughTheDevMapSlot(Backend backend) throws Exception {
        KernelCheck.require();
        String tag = Long.toString(ProcessHandle.current().pid() % 100000);
        try (NetNs sender = NetNs.create("jbpf-dsnd-" + tag); NetNs router = NetNs.create("jbpf-drtr-" + tag);
             NetNs target = NetNs.create("jbpf-ddst-" + tag);
             BPF bpf = BPF.load(backend.translate(XdpReshape.class), XdpReshape.class)) {
            String in = "jdi" + tag, out = "jdo" + tag;
            sender.ip("link", "add", "jds" + tag, "address", SENDER_MAC, "type", "veth", "peer", "name", in, "netns", router.name);
            router.ip("link", "add", out, "type", "veth", "peer", "name", "jdt" + tag, "address", TARGET_MAC, "netns", target.name);
            for (String[] end : new String[][] {{sender.name, "jds" + tag}, {router.name, in}, {router.name, out}, {target.name, "jdt" + tag}})
                NetNs.run(false, "ip", "-n", end[0], "link", "set", end[1], "up");
            sender.sysctl("net.ipv4.conf.all.route_localnet=1", "net.ipv6.conf.all.disable_ipv6=1");
            target.sysctl("net.ipv4.conf.all.route_localnet=1", "net.ipv6.conf.all.disable_ipv6=1");
            router.sysctl("net.ipv6.conf.all.disable_ipv6=1");
            sender.sysctl("net.ipv4.conf.jds" + tag + ".route_localnet=1");
            target.sysctl("net.ipv4.conf.jdt" + tag + ".route_localnet=1");
            sender.ip("addr", "add", SENDER_IP + "/24", "dev", "jds" + tag);
            target.ip("addr", "add", TARGET_IP + "/24", "dev", "jdt" + tag);
            // the sender addresses its frames straight to the destination's MAC; only the router's xdp program forwards them
            sender.ip("neigh", "replace", TARGET_IP, "lladdr", TARGET_MAC, "dev", "jds" + tag, "nud", "permanent");
            target.ip("neigh", "replace", SENDER_IP, "lladdr", SENDER_MAC, "dev", "jdt" + tag, "nud", "permanent");

            // a veth takes redirected frames only when its peer runs an xdp program
            target.inside(() -> bpf.program("pass").attachXdp("jdt" + tag, XdpMode.NATIVE));
            router.inside(() -> bpf.program("redirectSlot").attachXdp(in, XdpMode.NATIVE));
            try (DatagramChannel receiver = target.inside(() -> {
                DatagramChannel ch = DatagramChannel.open();
                ch.bind(new InetSocketAddress(TARGET_IP, PORT));
                ch.configureBlocking(false);
                return ch;
            })) {
                send(sender, 3);
                router.inside(() -> {
                    bpf.map(XdpReshape.devices).put(0, Interfaces.index(out));
                    return null;
                });
                send(sender, 4);
                // one path, in order: had the first three been forwarded, they would be queued ahead of the last four
                assertEquals(4, Datagrams.receive(receiver, 4).size(), "redirected out of the slot's veth");
                assertEquals(0, Datagrams.queued(receiver).size(), "slot empty: the router's stack dropped the first three");
            }
        }
    }

    private static void send(NetNs sender, int count) throws Exception {
        sender.inside(() -> {
            try (DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET)) {
                ch.bind(new InetSocketAddress(SENDER_IP, 0));
                // the veth leaves UDP checksums to an offload that a redirected xdp frame no longer carries: send none
                Sys.setsockoptInt(SocketFds.of(ch), Sys.SOL_SOCKET, SO_NO_CHECK, 1, () -> "setsockopt(SO_NO_CHECK)");
                for (int i = 0; i < count; i++) ch.send(ByteBuffer.wrap(("frame " + i).getBytes()), new InetSocketAddress(TARGET_IP, PORT));
            }
            return null;
        });
    }
}
