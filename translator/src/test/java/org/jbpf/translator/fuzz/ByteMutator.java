package org.jbpf.translator.fuzz;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Byte-level damage to a class file: random flips, truncation, and edits of constant pool entries. */
final class ByteMutator {
    enum Kind { FLIPPED_BYTES, TRUNCATED_FILE, BAD_CONSTANT_POOL }

    private ByteMutator() {}

    static byte[] mutate(byte[] classFile, Kind kind, Random rnd) {
        byte[] b = classFile.clone();
        switch (kind) {
            case FLIPPED_BYTES -> {
                for (int k = 0, n = 1 + rnd.nextInt(4); k < n; k++) b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
            }
            case TRUNCATED_FILE -> b = Arrays.copyOf(b, rnd.nextInt(b.length));
            case BAD_CONSTANT_POOL -> {
                List<int[]> entries = constantPool(b);  // {offset of tag, tag}
                int[] e = entries.get(rnd.nextInt(entries.size()));
                ByteBuffer buf = ByteBuffer.wrap(b);
                int at = e[0];
                switch (rnd.nextInt(4)) {
                    case 0 -> b[at] = (byte) new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19, 20, 99}[rnd.nextInt(20)];
                    case 1 -> {
                        // point an index field at a random entry (0, out of range or of the wrong kind)
                        if (e[1] == 1) { if (buf.getShort(at + 1) > 0) b[at + 3 + rnd.nextInt(buf.getShort(at + 1))] = (byte) rnd.nextInt(256); }
                        else buf.putShort(at + 1, (short) new int[] {0, 1, entries.size(), entries.size() + 1, 0xffff, rnd.nextInt(entries.size() + 1)}[rnd.nextInt(6)]);
                    }
                    case 2 -> {
                        // swap the contents of two UTF8 entries of the same length (names and descriptors trade places)
                        List<int[]> utf = new ArrayList<>();
                        for (int[] x : entries) if (x[1] == 1) utf.add(x);
                        int[] a = utf.get(rnd.nextInt(utf.size()));
                        int len = buf.getShort(a[0] + 1) & 0xffff;
                        for (int[] x : utf) {
                            if (x != a && (buf.getShort(x[0] + 1) & 0xffff) == len) {
                                byte[] tmp = Arrays.copyOfRange(b, a[0] + 3, a[0] + 3 + len);
                                System.arraycopy(b, x[0] + 3, b, a[0] + 3, len);
                                System.arraycopy(tmp, 0, b, x[0] + 3, len);
                                break;
                            }
                        }
                    }
                    default -> buf.putShort(8, (short) (buf.getShort(8) + rnd.nextInt(5) - 2));  // constant_pool_count off by a little
                }
            }
        }
        return b;
    }

    /** Offsets and tags of the constant pool entries. */
    static List<int[]> constantPool(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        int count = buf.getShort(8) & 0xffff;
        List<int[]> out = new ArrayList<>();
        int at = 10;
        for (int i = 1; i < count; i++) {
            int tag = b[at] & 0xff;
            out.add(new int[] {at, tag});
            int size = switch (tag) {
                case 1 -> 3 + (buf.getShort(at + 1) & 0xffff);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> 5;
                case 5, 6 -> 9;
                case 7, 8, 16, 19, 20 -> 3;
                case 15 -> 4;
                default -> throw new IllegalArgumentException("constant pool tag " + tag);
            };
            at += size;
            if (tag == 5 || tag == 6) i++;
        }
        return out;
    }
}
