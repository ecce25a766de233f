package org.jbpf.examples.net;

import org.jbpf.Struct;

/** The key of {@link FlowBytes}: an IPv4 flow's 5-tuple, addresses and ports as numbers (host order). */
@Struct
public final class Flow {
    /** 127.1.0.1 is 0x7f010001. */
    public int source;
    public int destination;
    /** 0 for protocols without ports. */
    public int sourcePort;
    public int destinationPort;
    /** {@code Net.IPPROTO_UDP}, {@code Net.IPPROTO_TCP}, ... */
    public int protocol;

    @Override public String toString() {
        return address(source) + ":" + sourcePort + " > " + address(destination) + ":" + destinationPort + " proto " + protocol;
    }

    private static String address(int a) { return (a >>> 24) + "." + (a >>> 16 & 0xff) + "." + (a >>> 8 & 0xff) + "." + (a & 0xff); }
}
