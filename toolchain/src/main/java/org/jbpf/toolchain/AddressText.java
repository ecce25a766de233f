package org.jbpf.toolchain;

/**
 * IP addresses as people write them: IPv4 as dotted decimal, IPv6 as RFC 5952 text (lower-case hex groups, the
 * longest run of two or more zero groups, the first of equal runs, as {@code ::}), an IPv4-mapped IPv6 address as
 * {@code ::ffff:a.b.c.d}. The bytes are in network order, as the kernel and packets keep them.
 */
final class AddressText {
    private AddressText() {}

    /** The text of a 4- or 16-byte address; null for another length. */
    static String of(byte[] b) {
        if (b.length == 4) return ipv4(b, 0);
        if (b.length != 16) return null;
        if (isMappedIpv4(b)) return "::ffff:" + ipv4(b, 12);
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
        int bestStart = -1, bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLength) { bestStart = i; bestLength = j - i; }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    private static String ipv4(byte[] b, int off) {
        return (b[off] & 0xff) + "." + (b[off + 1] & 0xff) + "." + (b[off + 2] & 0xff) + "." + (b[off + 3] & 0xff);
    }

    private static boolean isMappedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) if (b[i] != 0) return false;
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
