package org.jbpf.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jbpf.runtime.RawMemory;

/**
 * One ring buffer record or perf buffer sample, read in place: index 0 is its first byte, {@link #length()} its
 * length, values are little-endian. A reader has one view and points it at each record in turn, so nothing is made
 * per record. The reading loop has already checked the whole record against the kernel's mapping; each get here
 * checks only its index against the record's length and then reads the mapped memory at a raw address (JDK 17 to
 * 23: the fastest way to read events), or through the mapping's buffer where raw reads are off (JDK 24 and later,
 * where raw reads would print a warning), with the buffer's view handles: on fake rings in cache as fast there as a
 * {@link RawRecordHandler} reading the buffer itself.
 *
 * <p>The view is valid only during the handler's call: copy what you keep. Used after its reader's poll returned, a
 * get throws {@link IllegalStateException}; an index outside the record throws {@link IndexOutOfBoundsException}
 * naming both. Neither ever reads outside the record.
 */
public final class RecordView {
    /*
     * Reads through the buffer when not raw. Its own gets are virtual calls on a buffer loaded again from this object
     * for every record (the reading loop's fences), so each paid a check of the buffer's class, dependent on that load,
     * before its own: 0.76 of the in-place rate on JDK 25, on fake rings in cache. A view handle reads any byte buffer
     * through the fields they share, with no such check: 0.9-1.0 of it. On the kernel's ring, whose rounds come from
     * memory the producer has just written, the bench measured no difference either way.
     */
    private static final VarHandle SHORTS = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The record's first byte, or 0 to read through {@link #buffer}. */
    private long address;
    private ByteBuffer buffer;
    /** The address of {@link #buffer}'s first byte, 0 when it is read through its own gets. */
    private long bufferAddress;
    /** Index of the record's first byte in {@link #buffer} when {@link #address} is 0. */
    private int offset;
    /** The record's length, or -1 when the view points at no record (outside a handler's call). */
    private int length = -1;

    RecordView() {}

    /**
     * Points this view at {@code length} bytes at {@code offset} of {@code in} (little-endian), read through the
     * buffer's gets; {@code in}'s first byte is at {@code inAddress} (0 when not read raw), for later {@link #pointRaw}.
     */
    void point(ByteBuffer in, long inAddress, int offset, int length) {
        this.address = 0;
        // a reference store per record would pay the garbage collector's write barrier every time
        if (in != buffer) buffer = in;
        this.bufferAddress = inAddress;
        this.offset = offset;
        this.length = length;
    }

    /**
     * Points this view at the {@code length} bytes at {@code address}, inside the buffer it was last pointed at
     * through {@link #point}: two stores per record, the fewest the loop can make.
     */
    void pointRaw(long address, int length) {
        this.address = address;
        this.length = length;
    }

    /**
     * Points this view at the {@code length} bytes at index {@code offset} of the buffer it was last pointed at through
     * {@link #point}, read through the buffer's gets.
     */
    void pointIndex(int offset, int length) {
        this.offset = offset;
        this.length = length;
    }

    /** Points this view at nothing: gets throw until the next record. */
    void clear() { length = -1; }

    /** The record's length in bytes. */
    public int length() {
        if (length < 0) throw stale();
        return length;
    }

    public byte getByte(int index) {
        check(index, 1);
        return RawMemory.ENABLED && address != 0 ? RawMemory.getByte(address + index) : buffer.get(offset + index);
    }

    public int getUnsignedByte(int index) { return getByte(index) & 0xff; }

    public short getShort(int index) {
        check(index, 2);
        return RawMemory.ENABLED && address != 0 ? RawMemory.getShort(address + index) : (short) SHORTS.get(buffer, offset + index);
    }

    public int getUnsignedShort(int index) { return getShort(index) & 0xffff; }

    public int getInt(int index) {
        check(index, 4);
        return RawMemory.ENABLED && address != 0 ? RawMemory.getInt(address + index) : (int) INTS.get(buffer, offset + index);
    }

    public long getUnsignedInt(int index) { return getInt(index) & 0xffff_ffffL; }

    public long getLong(int index) {
        check(index, 8);
        return RawMemory.ENABLED && address != 0 ? RawMemory.getLong(address + index) : (long) LONGS.get(buffer, offset + index);
    }

    /** Copies {@code n} bytes from {@code index} into {@code to} from {@code at}. */
    public void getBytes(int index, byte[] to, int at, int n) {
        check(index, n);
        if (at < 0 || n > to.length - at)
            throw new IndexOutOfBoundsException(n + " bytes into index " + at + " of an array of " + to.length);
        buffer.get(start() + index, to, at, n);
    }

    /** A copy of the whole record. */
    public byte[] toByteArray() {
        byte[] b = new byte[length()];
        buffer.get(start(), b);
        return b;
    }

    /**
     * The text of the NUL-terminated string in the {@code size} bytes at {@code index} (e.g. a {@code comm}): the UTF-8
     * bytes before the first NUL, or all {@code size} bytes when there is none.
     */
    public String getString(int index, int size) {
        check(index, size);
        int from = start() + index, end = 0;
        while (end < size && buffer.get(from + end) != 0) end++;
        byte[] b = new byte[end];
        buffer.get(from, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Index of the record's first byte in {@link #buffer}, for the bulk copies, which go through the buffer. */
    private int start() { return address != 0 ? (int) (address - bufferAddress) : offset; }

    /** The one check of every get: the {@code n} bytes at {@code index} lie inside the record (never true when stale). */
    private void check(int index, int n) {
        // length - n cannot overflow once n >= 0 (length >= -1); a stale view's length of -1 fails every index
        if (index < 0 || n < 0 || index > length - n) throw outOfRange(index, n);
    }

    private RuntimeException outOfRange(int index, int n) {
        if (length < 0) return stale();
        return new IndexOutOfBoundsException(n + " bytes at index " + index + " lie outside this record of " + length + " bytes");
    }

    private static IllegalStateException stale() {
        return new IllegalStateException("this record view was used after its handler returned; copy what you keep during the call");
    }

    @Override public String toString() {
        return length < 0 ? "RecordView (no record)" : "RecordView of " + length + " bytes";
    }
}
