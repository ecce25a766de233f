package org.jbpf.it.semantics;

import java.util.HashMap;
import java.util.Map;

/**
 * The maps a random packet probe ({@link RandomPacketKeys}) keys by packet fields, for its Java copy: each struct key
 * packed into the long its 8 bytes read as on a little-endian machine, so the kernel's map read with {@code Long} keys
 * compares entry by entry. An IPv4 prefix key holds its length in the low half and the address's network-order bytes
 * in the high half; a flow key its address, port, protocol and tag from the lowest byte up.
 */
public final class PacketMapModels {
    private PacketMapModels() {}

    /** The key {@code Ipv4Prefix} with {@code prefixLength = bits} and {@code address} (network order, as a probe reads it). */
    public static long prefix(int bits, int address) { return bits & 0xffffffffL | (long) address << 32; }

    /** The key {@code Flow} with these fields. */
    public static long flow(int address, short port, int proto, int tag) {
        return address & 0xffffffffL | (port & 0xffffL) << 32 | (proto & 0xffL) << 48 | (tag & 0xffL) << 56;
    }

    /**
     * A BPF longest-prefix-match map of IPv4 prefixes to Long as the kernel's trie answers: a lookup finds the longest
     * stored prefix that contains the key (nothing for a key longer than 32 bits); an entry is one per prefix, whatever
     * the address bits past its length, and keeps the key of its last update; a key longer than 32 bits is EINVAL, a
     * new prefix in a full map ENOSPC, a delete of a prefix not stored ENOENT.
     */
    public static final class Lpm {
        private static final long EINVAL = -22, ENOSPC = -28;
        private final int maxEntries;
        private final Map<Long, Long> entries = new HashMap<>();

        public Lpm(int maxEntries) { this.maxEntries = maxEntries; }

        private static int bits(long key) { return (int) key; }

        /** The address as a number, its first bit the most significant. */
        private static int address(long key) { return Integer.reverseBytes((int) (key >>> 32)); }

        private static boolean contains(long entry, long key) {
            int bits = bits(entry);
            return Integer.compareUnsigned(bits, bits(key)) <= 0 && (bits == 0 || (address(entry) ^ address(key)) >>> (32 - bits) == 0);
        }

        private Long samePrefix(long key) {
            for (Long k : entries.keySet()) if (bits(k) == bits(key) && contains(k, key)) return k;
            return null;
        }

        private static boolean tooLong(long key) { return Integer.compareUnsigned(bits(key), 32) > 0; }

        public Long lookup(long key) {
            if (tooLong(key)) return null;
            Long best = null;
            for (Long k : entries.keySet()) if (contains(k, key) && (best == null || bits(k) > bits(best))) best = k;
            return best == null ? null : entries.get(best);
        }

        public long update(long key, long value) {
            if (tooLong(key)) return EINVAL;
            Long same = samePrefix(key);
            if (same == null && entries.size() >= maxEntries) return ENOSPC;
            if (same != null) entries.remove(same);
            entries.put(key, value);
            return 0;
        }

        public long delete(long key) {
            if (tooLong(key)) return EINVAL;
            Long same = samePrefix(key);
            if (same == null) return StateModels.ENOENT;
            entries.remove(same);
            return 0;
        }

        /** The entries by stored key, for a comparison with the kernel's map after the runs. */
        public Map<Long, Long> entries() { return entries; }
    }
}
