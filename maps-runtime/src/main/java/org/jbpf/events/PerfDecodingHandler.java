package org.jbpf.events;

import java.nio.ByteBuffer;
import org.jbpf.runtime.Codec;
import org.jbpf.runtime.StructReader;

/**
 * Decodes each perf buffer sample in place into a new object, or with {@code reuse} into one object refilled for
 * every sample where the codec can refill (a {@code @Struct}), and hands it on with its CPU. Each reader gets its own
 * copy of this class ({@link LoopCopies}), so its calls stay monomorphic. A sample of another size than the type's
 * (beyond the kernel's padding) is an error naming both, never a partial decode.
 */
final class PerfDecodingHandler<E> implements RawSampleHandler {
    private final String name;
    private final Codec<E> codec;
    private final PerfEventHandler<? super E> handler;
    private final boolean reuse;
    private final int size;
    /**
     * The longest sample of the type: the kernel pads a sample's raw data so that it and its u32 size end on 8 bytes,
     * and reports the padded size.
     */
    private final int padded;
    /** The struct's generated reader, called here so this copy's call site sees one struct type; null: the codec. */
    private final StructReader<E> reader;
    private E current;

    PerfDecodingHandler(String name, Codec<E> codec, PerfEventHandler<? super E> handler, boolean reuse) {
        this.name = name;
        this.codec = codec;
        this.handler = handler;
        this.reuse = reuse;
        this.size = codec.size();
        this.padded = (size + 4 + 7) / 8 * 8 - 4;
        this.reader = StructReader.of(codec);
    }

    /**
     * A sample the type cannot hold: a shorter one would be read past its end, a longer one than the kernel's padding
     * explains only in part (the probe outputs another type), so neither is decoded.
     */
    private IllegalStateException wrongSize(int cpu, int length) {
        String what = "perf buffer \"" + name + "\" (CPU " + cpu + ") holds a " + length + "-byte sample, ";
        if (length < size)
            return new IllegalStateException(what + "shorter than " + codec.describe() + " (" + size + " bytes); read it with a "
                    + "SampleHandler or fix the event type");
        return new IllegalStateException(what + "longer than " + codec.describe() + " (" + size + " bytes, " + padded
                + " with the kernel's padding), which would decode only its first bytes; declare the type the probe outputs, or read "
                + "it with a SampleHandler");
    }

    @Override public void onSample(int cpu, ByteBuffer buffer, int offset, int length) {
        if (length < size || length > padded) throw wrongSize(cpu, length);
        if (!reuse) {
            handler.onEvent(cpu, reader != null ? reader.read(buffer, offset) : codec.readAt(buffer, offset));
            return;
        }
        E value;
        if (reader != null && reader.refills() && current != null) {
            value = current;
            reader.readInto(value, buffer, offset);
        } else {
            value = reader != null ? reader.read(buffer, offset) : codec.readAt(buffer, offset, current);
        }
        // a reference store per sample would pay the garbage collector's write barrier every time
        if (value != current) current = value;
        handler.onEvent(cpu, value);
    }
}
