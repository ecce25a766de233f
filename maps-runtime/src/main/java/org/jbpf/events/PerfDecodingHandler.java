package org.jbpf.events;

import java.nio.ByteBuffer;
import org.jbpf.runtime.Codec;
import org.jbpf.runtime.StructReader;

/**
 * Decodes each perf buffer sample in place into a new object, or with {@code reuse} into one object refilled for
 * every sample where the codec can refill (a {@code @Struct}), and hands it on with its CPU. Each reader gets its own
 * copy of this class ({@link LoopCopies}), so its calls stay monomorphic.
 */
final class PerfDecodingHandler<E> implements RawSampleHandler {
    private final String name;
    private final Codec<E> codec;
    private final PerfEventHandler<? super E> handler;
    private final boolean reuse;
    private final int size;
    /** The struct's generated reader, called here so this copy's call site sees one struct type; null: the codec. */
    private final StructReader<E> reader;
    private E current;

    PerfDecodingHandler(String name, Codec<E> codec, PerfEventHandler<? super E> handler, boolean reuse) {
        this.name = name;
        this.codec = codec;
        this.handler = handler;
        this.reuse = reuse;
        this.size = codec.size();
        this.reader = StructReader.of(codec);
    }

    @Override public void onSample(int cpu, ByteBuffer buffer, int offset, int length) {
        if (length < size)
            throw new IllegalStateException("perf buffer \"" + name + "\" (CPU " + cpu + ") holds a " + length + "-byte sample, shorter than "
                    + codec.describe() + " (" + size + " bytes); read it with a SampleHandler or fix the event type");
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
