package org.jbpf.sim.maps;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Keys of a longest-prefix-match map (BPF_MAP_TYPE_LPM_TRIE): a little-endian 32-bit prefix length in bits, then the
 * address bytes, most significant first. Only the first prefix-length bits of the address count: two keys of the same
 * length that agree on those bits name one entry, and a lookup finds the longest entry whose bits the key starts with.
 */
final class LpmKeys {
    private LpmKeys() {}

    static int prefixLength(byte[] key) { return ByteBuffer.wrap(key).order(ByteOrder.LITTLE_ENDIAN).getInt(0); }

    /** The longest prefix length the map's keys can have: 8 bits per address byte. */
    static int maxPrefixLength(byte[] key) { return (key.length - 4) * 8; }

    /** Whether the first {@code bits} bits of the two keys' addresses are the same. */
    static boolean sameBits(byte[] a, byte[] b, int bits) {
        for (int bit = 0; bit < bits; bit++) {
            int at = 4 + bit / 8, mask = 0x80 >>> (bit % 8);
            if ((a[at] & mask) != (b[at] & mask)) return false;
        }
        return true;
    }

    /** Whether {@code entry} is the same prefix as {@code key}: the same length and the same bits up to it. */
    static boolean samePrefix(byte[] entry, byte[] key) {
        int bits = prefixLength(key);
        return prefixLength(entry) == bits && sameBits(entry, key, bits);
    }

    /** Whether {@code entry}'s prefix contains {@code key}: no longer than it, and the key starts with its bits. */
    static boolean contains(byte[] entry, byte[] key) {
        int bits = prefixLength(entry);
        return Integer.compareUnsigned(bits, prefixLength(key)) <= 0 && sameBits(entry, key, bits);
    }
}
