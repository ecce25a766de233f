package org.jbpf.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte array stores for the readers generated per {@code @Struct}, which copy short byte arrays eight bytes at a
 * time through registers: a bulk {@link java.nio.ByteBuffer#get(int, byte[])} of a few dozen bytes pays more in
 * checks and in the call to the copy routine than the copy itself costs. Public so generated readers in other
 * packages can call it; not for use outside jbpf.
 */
public final class RecordBytes {
    private RecordBytes() {}

    /** Longer runs go to the bulk copy, whose set-up then pays for itself. */
    static final int UNROLLED_MAX = 64;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Stores {@code v} little-endian at index {@code k} of {@code to}. */
    public static void putLong(byte[] to, int k, long v) { LONGS.set(to, k, v); }
}
