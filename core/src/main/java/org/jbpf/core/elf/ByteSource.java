package org.jbpf.core.elf;

import java.nio.charset.StandardCharsets;
import org.jbpf.core.obj.ObjectFormatException;

/**
 * Bounds-checked little-endian reads from a byte array. Every failed read becomes an {@link ObjectFormatException}
 * that names what was being read ({@code where}) and the absolute byte offset, so corrupt input never surfaces
 * as an index error.
 */
public final class ByteSource {
    private final byte[] data;
    private final String where;

    public ByteSource(byte[] data, String where) {
        this.data = data;
        this.where = where;
    }

    public int length() { return data.length; }

    public String where() { return where; }

    public ObjectFormatException error(long offset, String what) {
        return new ObjectFormatException(where + ": " + what + " (at byte " + offset + ")");
    }

    public void check(long offset, long len, String what) {
        // sizes and offsets come from 64-bit fields of the file: a damaged one may be negative read as signed, or
        // large enough that offset + len wraps around, so neither is added before it is known to be small
        if (offset < 0 || len < 0 || offset > data.length || len > data.length - offset)
            throw new ObjectFormatException(where + ": " + what + ": needs " + Long.toUnsignedString(len) + " bytes but only "
                    + (offset < 0 ? 0 : Math.max(0, data.length - offset)) + " remain of " + data.length
                    + " (at byte " + Long.toUnsignedString(offset) + ")");
    }

    public int u8(long off, String what) { check(off, 1, what); return data[(int) off] & 0xff; }

    public int u16(long off, String what) {
        check(off, 2, what);
        int o = (int) off;
        return (data[o] & 0xff) | (data[o + 1] & 0xff) << 8;
    }

    /** An unsigned 32-bit value as a long. */
    public long u32(long off, String what) {
        check(off, 4, what);
        int o = (int) off;
        return (data[o] & 0xffL) | (data[o + 1] & 0xffL) << 8 | (data[o + 2] & 0xffL) << 16 | (data[o + 3] & 0xffL) << 24;
    }

    public int s32(long off, String what) { return (int) u32(off, what); }

    public long u64(long off, String what) {
        check(off, 8, what);
        return u32(off, what) | u32(off + 4, what) << 32;
    }

    /** A 32-bit count or offset that must fit a Java int (i.e. below 2^31). */
    public int index32(long off, String what) {
        long v = u32(off, what);
        if (v > Integer.MAX_VALUE) throw error(off, what + " " + v + " is too large");
        return (int) v;
    }

    public byte[] slice(long off, long len, String what) {
        check(off, len, what);
        byte[] out = new byte[(int) len];
        System.arraycopy(data, (int) off, out, 0, (int) len);
        return out;
    }

    /**
     * A NUL-terminated line of source text starting at {@code off} that must end before {@code limit}: unlike a name
     * it may hold tabs and other control characters (a C source line has them), and bytes that are no UTF-8 are
     * replaced, since the text is only shown.
     */
    public String text(long off, long limit, String what) {
        int end = nul(off, limit, what);
        return new String(data, (int) off, end - (int) off, StandardCharsets.UTF_8);
    }

    /** Where the NUL ending the string at {@code off} is, which must be before {@code limit}. */
    private int nul(long off, long limit, String what) {
        if (off < 0 || off >= limit || limit > data.length) throw error(off, what + ": string offset out of range");
        int end = (int) off;
        while (end < limit && data[end] != 0) end++;
        if (end >= limit) throw error(off, what + ": string is not NUL-terminated");
        return end;
    }

    /** A NUL-terminated UTF-8 name starting at {@code off} that must end before {@code limit}. */
    public String cstring(long off, long limit, String what) {
        int end = nul(off, limit, what);
        // names are text: a control character or bytes that are no UTF-8 come from damage, and would reach messages as is
        boolean ascii = true;
        for (int i = (int) off; i < end; i++) {
            int b = data[i] & 0xff;
            if (b < 0x20 || b == 0x7f) throw error(i, what + ": the string holds the control character 0x" + Integer.toHexString(b) + "; the string table is damaged");
            if (b >= 0x80) ascii = false;
        }
        if (ascii) return new String(data, (int) off, end - (int) off, StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(data, (int) off, end - (int) off)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw error(off, what + ": the string is no UTF-8 text; the string table is damaged");
        }
    }
}
