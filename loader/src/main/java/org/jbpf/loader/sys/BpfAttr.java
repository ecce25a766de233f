package org.jbpf.loader.sys;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code union bpf_attr} argument of bpf(2) as zeroed native memory. The kernel requires every byte past the
 * fields a command uses to be zero, so an attr starts zeroed and callers write only their fields. Buffers that an attr
 * points to are kept reachable by the attr so they live at least as long as the call that uses them.
 * Field offsets of each command are in {@link BpfAttrs}.
 */
public final class BpfAttr {
    /** {@code sizeof(union bpf_attr)} of the 6.x UAPI; older kernels accept it when the bytes they do not know are zero. */
    public static final int SIZE = 144;

    private final Memory memory = new Memory(SIZE);
    private final List<Object> keepAlive = new ArrayList<>(2);

    public BpfAttr() { memory.clear(); }

    public BpfAttr putInt(int offset, int value) { check(offset, 4); memory.setInt(offset, value); return this; }

    public BpfAttr putLong(int offset, long value) { check(offset, 8); memory.setLong(offset, value); return this; }

    /** Writes a pointer as a 64-bit field ({@code __aligned_u64}); null writes 0. */
    public BpfAttr putPointer(int offset, Pointer p) {
        check(offset, 8);
        memory.setLong(offset, p == null ? 0 : Pointer.nativeValue(p));
        if (p != null) keepAlive.add(p);
        return this;
    }

    /** Writes a NUL-padded string into a fixed char array of {@code capacity} bytes, truncating to capacity - 1. */
    public BpfAttr putName(int offset, int capacity, String name) {
        check(offset, capacity);
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        int n = Math.min(b.length, capacity - 1);
        memory.write(offset, b, 0, n);
        return this;
    }

    public int getInt(int offset) { check(offset, 4); return memory.getInt(offset); }

    public long getLong(int offset) { check(offset, 8); return memory.getLong(offset); }

    public Pointer pointer() { return memory; }

    /** A copy of the encoded attr, for inspection and tests. */
    public byte[] bytes() { return memory.getByteArray(0, SIZE); }

    private static void check(int offset, int len) {
        if (offset < 0 || offset + len > SIZE) throw new IllegalArgumentException("bpf_attr field out of range: " + offset);
    }

    /** Native copy of {@code bytes}, or null for an empty array. */
    public static Memory copyOf(byte[] bytes) {
        if (bytes.length == 0) return null;
        Memory m = new Memory(bytes.length);
        m.write(0, bytes, 0, bytes.length);
        return m;
    }

    /** Native NUL-terminated copy of {@code s}. */
    public static Memory cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(b.length + 1);
        m.write(0, b, 0, b.length);
        m.setByte(b.length, (byte) 0);
        return m;
    }
}
