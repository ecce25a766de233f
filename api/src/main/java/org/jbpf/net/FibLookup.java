package org.jbpf.net;

import org.jbpf.Size;
import org.jbpf.Struct;

/**
 * The question and answer of a route lookup in the kernel's forwarding tables ({@code struct bpf_fib_lookup}, 64
 * bytes), for {@code ctx.fibLookup(params, flags)} in xdp and tc. Fill {@link #family} ({@link #AF_INET}), the
 * addresses (IPv4 in element 0, network order as {@link Ipv4#source} holds it), {@link #totalLength} and
 * {@link #ifindex} (the interface the packet came in on, {@code ctx.ingressIfindex()} in xdp); on
 * {@link #RET_SUCCESS} the lookup leaves the interface to send on in {@link #ifindex} and the MAC addresses of that
 * hop in {@link #sourceMac} and {@link #destinationMac}, ready for an Ethernet header rewrite and a redirect.
 */
@Struct
public final class FibLookup {
    public static final int SIZE = 64;
    public static final byte AF_INET = 2, AF_INET6 = 10;
    /** {@code ctx.fibLookup} flags: the main table only, the output path, no neighbour lookup, a table id, the source address found too. */
    public static final int DIRECT = 1, OUTPUT = 2, SKIP_NEIGH = 4, TBID = 8, SRC = 16;
    /** What {@code ctx.fibLookup} returns: forwarded, or why not (a negative errno for bad arguments). */
    public static final int RET_SUCCESS = 0, RET_BLACKHOLE = 1, RET_UNREACHABLE = 2, RET_PROHIBIT = 3, RET_NOT_FWDED = 4,
            RET_FWD_DISABLED = 5, RET_UNSUPP_LWT = 6, RET_NO_NEIGH = 7, RET_FRAG_NEEDED = 8, RET_NO_SRC_ADDR = 9;

    public byte family;
    public byte l4Protocol;
    public short sourcePort;
    public short destinationPort;
    /** The packet's IP total length in; the route's MTU out when the lookup says {@link #RET_FRAG_NEEDED}. */
    public short totalLength;
    public int ifindex;
    /** IPv4's TOS, IPv6's flow label, or the route's metric out. */
    public int tos;
    @Size(4) public int[] source;
    @Size(4) public int[] destination;
    public short vlanProto;
    public short vlanTci;
    @Size(6) public byte[] sourceMac;
    @Size(6) public byte[] destinationMac;
}
