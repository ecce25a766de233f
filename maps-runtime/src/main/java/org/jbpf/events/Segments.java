package org.jbpf.events;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Reads of a direct buffer through a {@code java.lang.foreign.MemorySegment} over it, on JDK 22 and later, where
 * raw reads ({@link org.jbpf.runtime.RawMemory}) are off. jbpf is built for JDK 17, so the segment is an
 * {@code Object} here and its view handle is looked up when this class loads; the handle's erased type takes an
 * {@code Object} as it is, so a call through it is as direct as one from code compiled against the API. A segment
 * held in a static final field of a loop copy ({@link RingData}) has its bounds folded by the JIT: a read is then one
 * load and one bounds check against a constant, where a buffer's own get loads its address, limit and scope again
 * after every fence.
 */
final class Segments {
    private Segments() {}

    /** Little-endian ints at any byte offset of a segment, coordinates (MemorySegment, long); null before JDK 22. */
    private static final VarHandle INT;
    /** {@code MemorySegment.ofBuffer(ByteBuffer)}; null before JDK 22. */
    private static final MethodHandle OF_BUFFER;

    static {
        VarHandle ints = null;
        MethodHandle ofBuffer = null;
        if (Runtime.version().feature() >= 22 && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
                && !Boolean.getBoolean("jbpf.events.noSegments")) {
            try {
                Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
                Class<?> layouts = Class.forName("java.lang.foreign.ValueLayout");
                Object layout = layouts.getField("JAVA_INT_UNALIGNED").get(null);
                VarHandle h = (VarHandle) layouts.getMethod("varHandle").invoke(layout);
                MethodHandle of = MethodHandles.publicLookup().findStatic(segment, "ofBuffer", MethodType.methodType(segment, java.nio.Buffer.class));
                if (h.varType() == int.class && h.coordinateTypes().equals(List.of(segment, long.class))) {
                    ints = h;
                    ofBuffer = of.asType(MethodType.methodType(Object.class, ByteBuffer.class));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                ints = null;  // not this API: the buffers' own reads then
            }
        }
        INT = ints;
        OF_BUFFER = ofBuffer;
    }

    /** A segment over the whole of {@code data} (a direct buffer), or null when segments are not used. */
    static Object of(ByteBuffer data) {
        if (INT == null || !data.isDirect()) return null;
        try {
            return (Object) OF_BUFFER.invokeExact(data.duplicate().clear());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot view a ring buffer as a memory segment: " + e, e);
        }
    }

    /** The little-endian int at byte {@code offset} of {@code segment} (from {@link #of}). */
    static int getInt(Object segment, long offset) { return (int) INT.get(segment, offset); }
}
