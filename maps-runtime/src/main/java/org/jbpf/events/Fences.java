package org.jbpf.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Acquire views of the producer-written positions in kernel-mapped buffers (aligned, little-endian). */
final class Fences {
    private Fences() {}

    static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
}
