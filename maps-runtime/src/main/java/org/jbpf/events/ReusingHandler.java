package org.jbpf.events;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.jbpf.runtime.Codec;
import org.jbpf.runtime.StructReader;

/**
 * Decodes each ring buffer record in place into one object, refilled for every record where the codec can refill (a
 * {@code @Struct}), and hands it on. Each reader gets its own copy of this class ({@link LoopCopies}).
 */
final class ReusingHandler<F> implements RawRecordHandler, HeadersFirst {
    private final String name;
    private final Codec<F> codec;
    private final Consumer<? super F> handler;
    private final int size;
    /** The struct's generated reader, called here so this copy's call site sees one struct type; null: the codec. */
    private final StructReader<F> reader;
    private F current;

    ReusingHandler(String name, Codec<F> codec, Consumer<? super F> handler) {
        this.name = name;
        this.codec = codec;
        this.handler = handler;
        this.size = codec.size();
        this.reader = StructReader.of(codec);
    }

    @Override public void onRecord(ByteBuffer ring, int offset, int length) {
        if (length != size) throw DecodingHandler.wrongSize(name, length, codec);
        F value;
        if (reader != null && reader.refills() && current != null) {
            value = current;
            reader.readInto(value, ring, offset);
        } else {
            value = reader != null ? reader.read(ring, offset) : codec.readAt(ring, offset, current);
        }
        // a reference store per record would pay the garbage collector's write barrier every time
        if (value != current) current = value;
        handler.accept(value);
    }
}
