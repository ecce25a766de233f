package org.jbpf.events;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.jbpf.runtime.Codec;
import org.jbpf.runtime.StructReader;

/**
 * Decodes each ring buffer record in place (a {@code @Struct} through its generated reader) into a new object and
 * hands it on; a record of another size than the type's is an error naming both, never a partial decode. Each reader gets its own copy of this class ({@link LoopCopies}), so its calls stay monomorphic.
 */
final class DecodingHandler<F> implements RawRecordHandler, HeadersFirst {
    private final String name;
    private final Codec<F> codec;
    private final Consumer<? super F> handler;
    private final int size;
    /** The struct's generated reader, called here so this copy's call site sees one struct type; null: the codec. */
    private final StructReader<F> reader;

    DecodingHandler(String name, Codec<F> codec, Consumer<? super F> handler) {
        this.name = name;
        this.codec = codec;
        this.handler = handler;
        this.size = codec.size();
        this.reader = StructReader.of(codec);
    }

    @Override public void onRecord(ByteBuffer ring, int offset, int length) {
        if (length != size) throw wrongSize(name, length, codec);
        handler.accept(reader != null ? reader.read(ring, offset) : codec.readAt(ring, offset));
    }

    /**
     * A record the type cannot hold: a shorter one would be read past its end, a longer one only in part (the probe
     * writes another type), so neither is decoded. A ring buffer record is as long as the probe asked.
     */
    static IllegalStateException wrongSize(String name, int length, Codec<?> codec) {
        if (length < codec.size())
            return new IllegalStateException("ring buffer \"" + name + "\" holds a " + length + "-byte record, shorter than "
                    + codec.describe() + " (" + codec.size() + " bytes); read it with a RecordHandler or fix the record type");
        return new IllegalStateException("ring buffer \"" + name + "\" holds a " + length + "-byte record, longer than "
                + codec.describe() + " (" + codec.size() + " bytes), which would decode only its first bytes; declare the type the "
                + "probe submits, or read it with a RecordHandler");
    }
}
