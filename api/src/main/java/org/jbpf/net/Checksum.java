package org.jbpf.net;

/**
 * Incremental updates of the Internet checksum (RFC 1624, {@code HC' = ~(~HC + ~m + m')}) for programs that rewrite
 * packets in place, as NAT and load balancers do: after changing a 16- or 32-bit field, pass the checksum field, the
 * field's old and new values, all as the probe reads them from the packet (network byte order; the ones' complement
 * sum does not depend on the byte order), and store the result back. An IPv4 address is part of the IPv4 header's
 * checksum and of TCP's and UDP's pseudo-header, so update both; a port only the TCP or UDP one. A UDP checksum of 0
 * means "none": leave it 0, and write 0xffff where a result comes out 0. Plain Java, so the same in the JVM and in a
 * BPF program (tc programs may use {@code SkBuffContext.l3CsumReplace}/{@code l4CsumReplace} instead).
 */
public final class Checksum {
    private Checksum() {}

    /** The checksum {@code check} after a 16-bit field changed from {@code from} to {@code to}. */
    public static short replace16(short check, short from, short to) {
        int sum = (~check & 0xffff) + (~from & 0xffff) + (to & 0xffff);
        return fold(sum);
    }

    /** The checksum {@code check} after a 32-bit field (an IPv4 address) changed from {@code from} to {@code to}. */
    public static short replace32(short check, int from, int to) {
        int sum = (~check & 0xffff) + (~from & 0xffff) + (~from >>> 16) + (to & 0xffff) + (to >>> 16);
        return fold(sum);
    }

    /** The sum's carries added back into its low 16 bits, complemented. */
    private static short fold(int sum) {
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        return (short) ~sum;
    }
}
