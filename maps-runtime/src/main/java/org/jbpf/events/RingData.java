package org.jbpf.events;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;
import org.jbpf.runtime.RawMemory;

/**
 * The data area of one ring buffer, given to the loop class copied for that ring ({@link LoopCopies}) as its class
 * data. The copy keeps it in static final fields, which the JIT treats as constants: on JDK 22 and later a memory
 * segment over the area, whose bounds are final fields the JIT trusts, and the ring's size fold into the compiled
 * loop, where a buffer's own gets load its address, limit and memory scope again after every fence. Raw reads (JDK 17
 * to 23) keep the loop's fields (see {@link RingBufferRing}). The loop class itself, used where no copy can be made,
 * gets {@link #NONE} and reads its fields.
 *
 * @param data the data area, mapped twice in a row
 * @param size the ring's size (a power of two)
 * @param address the area's first byte when it is read raw ({@link RawMemory}), 0 when read otherwise
 * @param segment a memory segment over {@code data} ({@link Segments}), null when read otherwise
 */
record RingData(ByteBuffer data, int size, long address, Object segment) {
    /** No ring: the loop reads its own fields. */
    static final RingData NONE = new RingData(null, 0, 0, null);

    /** The constants of a ring over {@code data}. */
    static RingData of(ByteBuffer data, int size) {
        long address = RawMemory.base(data);
        return new RingData(data, size, address, address == 0 ? Segments.of(data) : null);
    }

    /** The ring of the copy {@code lookup} is the full-privilege lookup of, or {@link #NONE} for a class defined without one. */
    static RingData of(MethodHandles.Lookup lookup) {
        try {
            RingData ring = MethodHandles.classData(lookup, ConstantDescs.DEFAULT_NAME, RingData.class);
            return ring == null ? NONE : ring;
        } catch (IllegalAccessException e) {
            return NONE;
        }
    }

    int mask() { return size - 1; }
}
