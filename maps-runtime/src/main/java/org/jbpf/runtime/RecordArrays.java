package org.jbpf.runtime;

import java.nio.ByteBuffer;

/**
 * Number array fields for the readers generated per {@code @Struct}: each element read raw from a record whose bounds
 * were checked once ({@link RawMemory}), or through the buffer where raw reads are off. Public so generated readers in
 * other packages can call it; not for use outside jbpf.
 */
public final class RecordArrays {
    private RecordArrays() {}

    public static void fill(short[] to, long address) {
        for (int k = 0; k < to.length; k++) to[k] = RawMemory.getShort(address + 2L * k);
    }

    public static void fill(char[] to, long address) {
        for (int k = 0; k < to.length; k++) to[k] = RawMemory.getChar(address + 2L * k);
    }

    public static void fill(int[] to, long address) {
        for (int k = 0; k < to.length; k++) to[k] = RawMemory.getInt(address + 4L * k);
    }

    public static void fill(long[] to, long address) {
        for (int k = 0; k < to.length; k++) to[k] = RawMemory.getLong(address + 8L * k);
    }

    public static void fill(short[] to, ByteBuffer in, int at) {
        for (int k = 0; k < to.length; k++) to[k] = in.getShort(at + 2 * k);
    }

    public static void fill(char[] to, ByteBuffer in, int at) {
        for (int k = 0; k < to.length; k++) to[k] = in.getChar(at + 2 * k);
    }

    public static void fill(int[] to, ByteBuffer in, int at) {
        for (int k = 0; k < to.length; k++) to[k] = in.getInt(at + 4 * k);
    }

    public static void fill(long[] to, ByteBuffer in, int at) {
        for (int k = 0; k < to.length; k++) to[k] = in.getLong(at + 8 * k);
    }
}
