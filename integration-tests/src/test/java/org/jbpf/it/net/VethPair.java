package org.jbpf.it.net;

/**
 * Two network namespaces joined by a veth pair, on loopback-range addresses only: the sender's end has 127.1.0.1/24,
 * the receiver's 127.1.0.2/24, with fixed MAC addresses and static neighbours (no ARP) and route_localnet so the
 * kernel routes 127.1.0.0/24 over the link. IPv6 is off so nothing but the test's own packets crosses it.
 */
public final class VethPair implements AutoCloseable {
    public static final String SENDER_IP = "127.1.0.1", RECEIVER_IP = "127.1.0.2";
    public static final int SENDER_IP_NUMBER = 0x7f010001;
    public static final String SENDER_MAC = "02:6a:62:70:66:01", RECEIVER_MAC = "02:6a:62:70:66:02";

    public final NetNs sender, receiver;
    public final String senderIf, receiverIf;

    public VethPair() {
        String tag = Long.toString(ProcessHandle.current().pid() % 100000);
        senderIf = "jvs" + tag;
        receiverIf = "jvr" + tag;
        sender = NetNs.create("jbpf-snd-" + tag);
        NetNs r = null;
        try {
            r = NetNs.create("jbpf-rcv-" + tag);
            sender.ip("link", "add", senderIf, "address", SENDER_MAC, "type", "veth",
                    "peer", "name", receiverIf, "address", RECEIVER_MAC, "netns", r.name);
            configure(sender, senderIf, SENDER_IP, RECEIVER_IP, RECEIVER_MAC);
            configure(r, receiverIf, RECEIVER_IP, SENDER_IP, SENDER_MAC);
        } catch (RuntimeException e) {
            if (r != null) r.close();
            sender.close();
            throw e;
        }
        receiver = r;
    }

    private static void configure(NetNs ns, String ifname, String ip, String peerIp, String peerMac) {
        ns.sysctl("net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1",
                "net.ipv4.conf.all.route_localnet=1", "net.ipv4.conf.default.route_localnet=1",
                "net.ipv4.conf." + ifname + ".route_localnet=1");
        ns.ip("addr", "add", ip + "/24", "dev", ifname);
        ns.ip("link", "set", ifname, "up");
        ns.ip("neigh", "replace", peerIp, "lladdr", peerMac, "dev", ifname, "nud", "permanent");
    }

    @Override public void close() {
        // deleting a namespace deletes its end of the pair, which deletes the other end and every xdp/tc link on them
        try {
            receiver.close();
        } finally {
            sender.close();
        }
    }
}
