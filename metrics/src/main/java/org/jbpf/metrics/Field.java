package org.jbpf.metrics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;

/**
 * One field of a map's key or value as the exporter reads it: a number (signed or not), a C string (a byte array,
 * shown up to its first NUL) or other bytes (shown as hex); {@code max} for a number marked {@code @Max}. A key or value that is not a struct is one field with an
 * empty name.
 */
record Field(String name, int offset, int size, Kind kind, boolean max) {
    enum Kind { UNSIGNED, SIGNED, TEXT, BYTES }

    /** A field without the {@code @Max} mark. */
    Field(String name, int offset, int size, Kind kind) { this(name, offset, size, kind, false); }

    boolean isNumber() { return kind == Kind.UNSIGNED || kind == Kind.SIGNED; }

    /**
     * The fields of a key or value of {@code size} bytes whose BTF type is {@code typeId} in {@code btf}. Without BTF
     * (or for a type that is not a struct) the whole key or value is one field: a number when it is 8 bytes or less.
     */
    static List<Field> of(Btf btf, int typeId, int size) {
        BtfType type = resolved(btf, typeId);
        if (type instanceof BtfType.Struct s) {
            List<Field> out = new ArrayList<>();
            for (BtfType.Member m : s.members()) {
                if (m.bitfieldSize() != 0 || m.bitOffset() % 8 != 0) continue;  // bitfields are not written by probes
                int off = m.bitOffset() / 8;
                long len = btf.sizeOf(m.type());
                if (len <= 0 || off + len > size) continue;
                out.add(new Field(m.name(), off, (int) len, kindOf(btf, resolved(btf, m.type()), (int) len),
                        Marks.is(btf, m.type(), Marks.MAX)));
            }
            return out;
        }
        return List.of(new Field("", 0, size, type == null ? (size <= 8 ? Kind.UNSIGNED : Kind.BYTES) : kindOf(btf, type, size)));
    }

    private static Kind kindOf(Btf btf, BtfType type, int size) {
        if (type instanceof BtfType.IntType i && size <= 8)
            return (i.encoding() & BtfType.INT_SIGNED) != 0 ? Kind.SIGNED : Kind.UNSIGNED;
        if (type instanceof BtfType.Enum e && size <= 8) return e.signed() ? Kind.SIGNED : Kind.UNSIGNED;
        if (type instanceof BtfType.Array a && resolved(btf, a.elemType()) instanceof BtfType.IntType e && e.size() == 1)
            return Kind.TEXT;
        return size <= 8 && !(type instanceof BtfType.Array) && !(type instanceof BtfType.Struct) ? Kind.UNSIGNED : Kind.BYTES;
    }

    private static BtfType resolved(Btf btf, int typeId) {
        if (btf == null || typeId == 0) return null;
        try {
            return btf.type(btf.resolve(typeId));
        } catch (RuntimeException e) {
            return null;  // a type id the object's BTF does not have: read the bytes without it
        }
    }

    /** The field of {@code bytes} as a number; unsigned 64-bit values above Long.MAX_VALUE stay exact as doubles. */
    double number(byte[] bytes) {
        long v = raw(bytes, offset, size);
        if (kind == Kind.SIGNED) return signed(v);
        return v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
    }

    private long signed(long v) {
        int bits = 8 * size;
        return bits >= 64 ? v : (v << (64 - bits)) >> (64 - bits);
    }

    /** The field as label text: numbers in decimal, C strings up to their first NUL, other bytes as hex. */
    String text(byte[] bytes) {
        if (kind == Kind.TEXT) {
            int end = offset;
            while (end < offset + size && bytes[end] != 0) end++;
            return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
        }
        if (kind == Kind.BYTES) {
            StringBuilder sb = new StringBuilder("0x");
            for (int i = offset; i < offset + size; i++) sb.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
            return sb.toString();
        }
        long v = raw(bytes, offset, size);
        if (kind == Kind.SIGNED) return Long.toString(signed(v));
        return Long.toUnsignedString(v);
    }

    /** Little-endian integer of {@code n} ≤ 8 bytes at {@code off}. */
    static long raw(byte[] b, int off, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[off + i] & 0xff);
        return v;
    }
}
