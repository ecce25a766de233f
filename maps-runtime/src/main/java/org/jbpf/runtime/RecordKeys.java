package org.jbpf.runtime;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The keys of one walk by program, to hand each key out once: the kernel walks a hash map without its buckets' locks,
 * and an element deleted or updated during the walk may be reused for a key of another bucket, which the walk then
 * follows and reports again. Records are the output array's, {@code record} bytes apart with the key first; the set
 * holds record indices in an open-addressing table and compares keys in place, 8 bytes at a time, so a walk copies
 * and allocates nothing per entry. The table is kept for the next walk of the same copy.
 */
final class RecordKeys {
    private final int keySize, record;
    private int[] table = new int[0];
    private int mask;

    RecordKeys(int keySize, int record) {
        this.keySize = keySize;
        this.record = record;
    }

    /** Empties the set for a walk of {@code entries} records. */
    void reset(int entries) {
        int size = Integer.highestOneBit(Math.max(16, entries * 2 - 1)) << 1;
        if (table.length != size) table = new int[size];
        Arrays.fill(table, -1);
        mask = size - 1;
    }

    /** Adds record {@code index}'s key; false when an earlier record of this walk had the same key. */
    boolean add(ByteBuffer records, int index) {
        int at = index * record;
        for (int slot = hash(records, at) & mask; ; slot = (slot + 1) & mask) {
            int other = table[slot];
            if (other < 0) {
                table[slot] = index;
                return true;
            }
            if (sameKey(records, at, other * record)) return false;
        }
    }

    private int hash(ByteBuffer b, int at) {
        long h = 0;
        for (int off = 0; off < keySize; off += 8) h = (h ^ chunk(b, at + off, keySize - off)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    private boolean sameKey(ByteBuffer b, int x, int y) {
        for (int off = 0; off < keySize; off += 8) if (chunk(b, x + off, keySize - off) != chunk(b, y + off, keySize - off)) return false;
        return true;
    }

    /** Up to 8 key bytes at {@code at} as one long ({@code left}: key bytes from there on). */
    private static long chunk(ByteBuffer b, int at, int left) {
        if (left >= 8) return b.getLong(at);
        long v = left >= 4 ? b.getInt(at) & 0xffffffffL : 0;
        for (int i = left >= 4 ? 4 : 0; i < left; i++) v |= (b.get(at + i) & 0xffL) << (8 * i);
        return v;
    }
}
