package org.jbpf.runtime;

import java.lang.reflect.Field;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads of kernel-mapped event buffers at raw addresses, for the ring and perf reading loops and the readers
 * generated per {@code @Struct}. On JDK 17 every absolute read of a direct {@link ByteBuffer} checks its index, the
 * buffer's memory scope and its byte order again, and the fences each record needs keep the JIT from hoisting those
 * checks out of the loop; a raw read is one load. So callers check a whole record against its buffer once
 * ({@link #address(ByteBuffer, int, int)}) and then read its fields here.
 *
 * <p>Raw reads go through {@code sun.misc.Unsafe}, which JDK 17 to 23 offer without a word; from JDK 24 on its memory
 * access prints a warning, and there the buffer's own reads are as fast (their checks are hoisted), so
 * {@link #ENABLED} is false and callers keep reading the buffer. It is also false where the machine is big-endian
 * (BPF data is then not little-endian) or {@code Unsafe} cannot be had. Decided once, when this class is loaded.
 *
 * <p>Public so generated readers in other packages can call it; not for use outside jbpf.
 */
public final class RawMemory {
    private RawMemory() {}

    /** Whether raw reads are used; when false, {@link #address} returns 0 and nothing else here may be called. */
    public static final boolean ENABLED;
    private static final sun.misc.Unsafe UNSAFE;
    /** Where a buffer keeps its address (a direct buffer's first byte). */
    private static final long BUFFER_ADDRESS;
    private static final long BYTE_ARRAY_BASE;

    static {
        sun.misc.Unsafe unsafe = null;
        long address = -1, arrayBase = -1;
        if (Runtime.version().feature() < 24 && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
                && !Boolean.getBoolean("jbpf.events.noRawMemory")) {
            try {
                Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                unsafe = (sun.misc.Unsafe) f.get(null);
                address = unsafe.objectFieldOffset(Buffer.class.getDeclaredField("address"));
                arrayBase = unsafe.arrayBaseOffset(byte[].class);
                if (unsafe.arrayIndexScale(byte[].class) != 1) unsafe = null;
            } catch (ReflectiveOperationException | RuntimeException e) {
                unsafe = null;  // a JVM without it: the buffers' own reads then
            }
        }
        UNSAFE = unsafe;
        ENABLED = unsafe != null;
        BUFFER_ADDRESS = address;
        BYTE_ARRAY_BASE = arrayBase;
    }

    /**
     * The address of index {@code offset} of {@code in} when the {@code length} bytes there may be read raw (a direct
     * little-endian buffer, raw reads enabled), 0 when they are to be read through the buffer instead.
     *
     * @throws IndexOutOfBoundsException when the bytes are not all inside the buffer's limit, as the buffer's own
     *     reads would throw
     */
    public static long address(ByteBuffer in, int offset, int length) {
        if (offset < 0 || length < 0 || length > in.limit() - offset)
            throw new IndexOutOfBoundsException(length + " bytes at index " + offset + " of a buffer of " + in.limit());
        if (!ENABLED || !in.isDirect() || in.order() != ByteOrder.LITTLE_ENDIAN) return 0;
        return UNSAFE.getLong(in, BUFFER_ADDRESS) + offset;
    }

    /** The address of a direct buffer's first byte, or 0 when raw reads are not enabled or it is not direct. */
    public static long base(ByteBuffer in) {
        if (!ENABLED || !in.isDirect()) return 0;
        return UNSAFE.getLong(in, BUFFER_ADDRESS);
    }

    public static byte getByte(long address) { return UNSAFE.getByte(address); }

    public static short getShort(long address) { return UNSAFE.getShort(address); }

    public static char getChar(long address) { return UNSAFE.getChar(address); }

    public static int getInt(long address) { return UNSAFE.getInt(address); }

    public static long getLong(long address) { return UNSAFE.getLong(address); }

    /** A plain store, for the consumer positions the reading loops publish (after a release fence of their own). */
    public static void putLong(long address, long value) { UNSAFE.putLong(address, value); }

    /** Copies {@code n} bytes from {@code address} into {@code to}, which the caller made at least {@code n} long. */
    public static void copy(long address, byte[] to, int n) {
        if (n > to.length) throw new IndexOutOfBoundsException(n + " bytes into an array of " + to.length);
        UNSAFE.copyMemory(null, address, to, BYTE_ARRAY_BASE, n);
    }

    /** Eight bytes from {@code address} into index {@code k} of {@code to}: the caller made {@code to} long enough. */
    public static void copyLong(long address, byte[] to, int k) {
        RecordBytes.putLong(to, k, UNSAFE.getLong(address));
    }
}
