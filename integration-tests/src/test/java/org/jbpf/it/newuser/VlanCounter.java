package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.PerCpuHashMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;
import org.jbpf.net.Vlan;

/** XDP: 802.1Q-tagged frames counted (packets and bytes) per VLAN id in a per-CPU map; VLAN 42 dropped, untagged IPv4 passed. */
@Bpf(license = "GPL")
public final class VlanCounter {
    @org.jbpf.Struct
    public static final class Traffic {
        public long packets;
        public long bytes;
        public int lastProtocol;
    }

    public static final PerCpuHashMap<Integer, Traffic> byVlan = new PerCpuHashMap<>(Integer.class, Traffic.class, 64);

    @Section("xdp")
    static int count(XdpContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null) return XdpContext.XDP_DROP;
        int type = Net.ntohs(eth.etherType);
        if (type != Net.ETH_P_8021Q) return type == Net.ETH_P_IP ? XdpContext.XDP_PASS : XdpContext.XDP_DROP;
        Vlan vlan = ctx.header(Ethernet.SIZE, Vlan.class);
        if (vlan == null) return XdpContext.XDP_DROP;
        int id = Net.ntohs(vlan.tci) & 0x0fff;
        Traffic t = byVlan.lookup(id);
        if (t == null) {
            byVlan.update(id, new Traffic());
            t = byVlan.lookup(id);
            if (t == null) return XdpContext.XDP_ABORTED;
        }
        t.packets++;
        t.bytes += ctx.length();
        if (Net.ntohs(vlan.etherType) == Net.ETH_P_IP) {
            Ipv4 ip = ctx.header(Ethernet.SIZE + Vlan.SIZE, Ipv4.class);
            if (ip != null) t.lastProtocol = ip.protocol;
        }
        return id == 42 ? XdpContext.XDP_DROP : XdpContext.XDP_PASS;
    }
}
