package org.jbpf.core.damage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damage to a class file where a class reader looks: truncation, flipped bytes, the header, constant-pool entries
 * (tags, indexes, UTF-8 bytes, the count), attribute lengths, and the Code attribute's own fields (max_stack,
 * max_locals, code_length, the exception table). The file is walked once to find where those are. Shared by the
 * fuzz tests of the translator and of the command line (core's test jar).
 */
public final class ClassDamage {
    /** Where the damage goes. */
    public enum Kind { TRUNCATED, FLIPPED, HEADER, CONSTANT_POOL, ATTRIBUTE_LENGTH, CODE_ATTRIBUTE }

    private final byte[] file;
    /** Offset and tag of each constant pool entry. */
    private final List<int[]> constants = new ArrayList<>();
    /** The same entries by constant pool index (longs and doubles take two). */
    private final java.util.Map<Integer, int[]> byIndex = new java.util.HashMap<>();
    /** Offsets of every attribute_length field (u4). */
    private final List<Integer> attributeLengths = new ArrayList<>();
    /** Offsets of Code attributes' info (max_stack is there). */
    private final List<Integer> codeAttributes = new ArrayList<>();

    public ClassDamage(byte[] file) {
        this.file = file.clone();
        walk(ByteBuffer.wrap(this.file));
    }

    /** A copy of the class with one {@code kind} of damage, drawn from {@code rnd}. */
    public byte[] damage(Kind kind, Random rnd) {
        byte[] b = file.clone();
        ByteBuffer buf = ByteBuffer.wrap(b);
        switch (kind) {
            case TRUNCATED -> { return Arrays.copyOf(b, rnd.nextInt(b.length)); }
            case FLIPPED -> { return ObjectDamage.flip(b, rnd, 0, b.length); }
            case HEADER -> ObjectDamage.put(buf, 4 * rnd.nextInt(3), 4, ObjectDamage.extreme(rnd));  // magic, version
            case CONSTANT_POOL -> {
                int[] e = constants.get(rnd.nextInt(constants.size()));
                int at = e[0];
                switch (rnd.nextInt(4)) {
                    case 0 -> b[at] = (byte) new int[] {0, 1, 2, 3, 5, 7, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19, 20, 99}[rnd.nextInt(18)];
                    case 1 -> {
                        if (e[1] == 1) {
                            int len = buf.getShort(at + 1) & 0xffff;
                            if (len > 0) b[at + 3 + rnd.nextInt(len)] = (byte) (0x80 | rnd.nextInt(128));  // invalid or altered UTF-8
                        } else {
                            int[] pick = {0, 1, constants.size(), constants.size() + 1, 0xffff, rnd.nextInt(constants.size() + 1)};
                            buf.putShort(at + 1, (short) pick[rnd.nextInt(pick.length)]);
                        }
                    }
                    case 2 -> { if (e[1] == 1) buf.putShort(at + 1, (short) ((buf.getShort(at + 1) & 0xffff) + rnd.nextInt(9) - 4)); }
                    default -> buf.putShort(8, (short) ((buf.getShort(8) & 0xffff) + rnd.nextInt(9) - 4));
                }
            }
            case ATTRIBUTE_LENGTH -> {
                int at = attributeLengths.get(rnd.nextInt(attributeLengths.size()));
                buf.putInt(at, rnd.nextBoolean() ? (int) ObjectDamage.extreme(rnd) : buf.getInt(at) + rnd.nextInt(9) - 4);
            }
            case CODE_ATTRIBUTE -> {
                int at = codeAttributes.get(rnd.nextInt(codeAttributes.size()));
                int codeLength = buf.getInt(at + 4);
                switch (rnd.nextInt(4)) {
                    case 0 -> buf.putShort(at, (short) rnd.nextInt(4));                   // max_stack too small
                    case 1 -> buf.putShort(at + 2, (short) rnd.nextInt(3));               // max_locals too small
                    case 2 -> buf.putInt(at + 4, rnd.nextBoolean() ? (int) ObjectDamage.extreme(rnd) : codeLength + rnd.nextInt(9) - 4);
                    default -> {
                        // an exception table entry's pcs or handler out of range or backwards
                        int table = at + 8 + codeLength;
                        if ((buf.getShort(table) & 0xffff) == 0) buf.putShort(table, (short) 1);
                        else buf.putShort(table + 2 + 2 * rnd.nextInt(4), (short) rnd.nextInt(codeLength + 8));
                    }
                }
            }
        }
        return b;
    }

    private void walk(ByteBuffer buf) {
        int count = buf.getShort(8) & 0xffff;
        int at = 10;
        for (int i = 1; i < count; i++) {
            int tag = buf.get(at) & 0xff;
            constants.add(new int[] {at, tag});
            byIndex.put(i, constants.get(constants.size() - 1));
            at += switch (tag) {
                case 1 -> 3 + (buf.getShort(at + 1) & 0xffff);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> 5;
                case 5, 6 -> 9;
                case 7, 8, 16, 19, 20 -> 3;
                case 15 -> 4;
                default -> throw new IllegalArgumentException("constant pool tag " + tag);
            };
            if (tag == 5 || tag == 6) i++;
        }
        at += 6;
        at += 2 + 2 * (buf.getShort(at) & 0xffff);  // interfaces
        for (int members = 0; members < 2; members++) {  // fields, then methods
            int n = buf.getShort(at) & 0xffff;
            at += 2;
            for (int m = 0; m < n; m++) at = attributes(buf, at + 6);
        }
        attributes(buf, at);
    }

    /** Records the attributes starting at {@code at} (their count first); returns the offset after them. */
    private int attributes(ByteBuffer buf, int at) {
        int n = buf.getShort(at) & 0xffff;
        at += 2;
        for (int a = 0; a < n; a++) {
            int name = buf.getShort(at) & 0xffff;
            attributeLengths.add(at + 2);
            int length = buf.getInt(at + 2);
            if (isUtf8(buf, name, "Code")) codeAttributes.add(at + 6);
            at += 6 + length;
        }
        return at;
    }

    private boolean isUtf8(ByteBuffer buf, int index, String text) {
        int[] e = byIndex.get(index);
        if (e == null || e[1] != 1) return false;
        int len = buf.getShort(e[0] + 1) & 0xffff;
        return len == text.length() && new String(buf.array(), e[0] + 3, len, java.nio.charset.StandardCharsets.UTF_8).equals(text);
    }
}
