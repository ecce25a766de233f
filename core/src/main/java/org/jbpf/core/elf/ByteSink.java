package org.jbpf.core.elf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little-endian byte buffer for building object file sections. */
public final class ByteSink {
    private byte[] buf = new byte[256];
    private int size;

    public int size() { return size; }

    private void ensure(int more) {
        if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }

    public ByteSink u8(int v) { ensure(1); buf[size++] = (byte) v; return this; }

    public ByteSink u16(int v) { ensure(2); buf[size++] = (byte) v; buf[size++] = (byte) (v >>> 8); return this; }

    public ByteSink u32(long v) {
        ensure(4);
        for (int i = 0; i < 4; i++) buf[size++] = (byte) (v >>> (8 * i));
        return this;
    }

    public ByteSink u64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) buf[size++] = (byte) (v >>> (8 * i));
        return this;
    }

    public ByteSink bytes(byte[] b) { ensure(b.length); System.arraycopy(b, 0, buf, size, b.length); size += b.length; return this; }

    /** The UTF-8 bytes of {@code s} followed by a NUL. */
    public ByteSink cstring(String s) { return bytes(s.getBytes(StandardCharsets.UTF_8)).u8(0); }

    public ByteSink zeros(int n) { ensure(n); size += n; return this; }

    /** Pads with zeros up to a multiple of {@code align}. */
    public ByteSink align(int align) {
        int pad = (align - size % align) % align;
        return zeros(pad);
    }

    /** Overwrites a 32-bit value already written at {@code at}. */
    public void putU32(int at, long v) {
        for (int i = 0; i < 4; i++) buf[at + i] = (byte) (v >>> (8 * i));
    }

    public byte[] toByteArray() { return Arrays.copyOf(buf, size); }
}
