package org.jbpf.runtime;

import java.nio.ByteBuffer;

/**
 * Arrays of structs ({@code @Size(4) Slot[] slots}) for the readers generated per {@code @Struct}: each element read
 * by its own struct's generated reader, which checks its bounds. Public so generated readers in other packages can
 * call it; not for use outside jbpf.
 */
public final class RecordStructArrays {
    private RecordStructArrays() {}

    /**
     * Fills {@code to} with the structs of {@code size} bytes each from index {@code at} on: an element object is
     * refilled in place where it exists and its reader refills, made new otherwise (always, for records).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void fill(Object[] to, StructReader element, ByteBuffer in, int at, int size) {
        boolean refills = element.refills();
        for (int k = 0; k < to.length; k++) {
            if (refills && to[k] != null) element.readInto(to[k], in, at + k * size);
            else to[k] = element.read(in, at + k * size);
        }
    }
}
