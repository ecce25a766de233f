package org.jbpf.events;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.LoadedMap;
import org.jbpf.loader.sys.Sys;
import org.jbpf.runtime.Codec;

/**
 * Reads records from one or more BPF ring buffers ({@code BPF_MAP_TYPE_RINGBUF}) as they are submitted, in the order
 * they were reserved. Records are decoded with a {@link Codec} (e.g. the probe's {@code @Struct}, into a new object per
 * record, or with {@link #openReusing} into one object refilled for each), handed out as zero-copy views
 * ({@link RecordHandler}, one view object per record) or in place ({@link RawRecordHandler}: an offset into one view of
 * the ring, nothing made per record; the fastest). Discarded records are skipped and counted by {@link #discarded}.
 *
 * <pre>{@code
 * try (BPF bpf = BPF.loadAndAttach(ExecRingEvents.class);
 *      RingBufferReader<ProcessEvent> reader = bpf.ringBuffer(ExecRingEvents.events, ProcessEvent.class, e -> ...)) {
 *     reader.poll(1000);
 * }
 * }</pre>
 *
 * <p>A ring buffer keeps no count of records it could not take: {@link #lost} is always 0 and a probe that wants to
 * know counts its failed {@code reserve}/{@code output} calls itself. Close the reader before (or with) the BPF
 * object; the mapping keeps the kernel map alive until then.
 */
public final class RingBufferReader<E> extends EventReader {
    private final List<Source> rings = new CopyOnWriteArrayList<>();

    private record Source(String name, Mapping consumerPage, Mapping producerAndData, RingBufferRing ring) {}

    private RingBufferReader() {}

    /** A reader of {@code map} whose records are decoded with {@code codec} and given to {@code handler}. */
    public static <E> RingBufferReader<E> open(LoadedMap map, Codec<E> codec, Consumer<? super E> handler) {
        RingBufferReader<E> r = new RingBufferReader<>();
        return r.addOrClose(map, decoding(map, codec, handler));
    }

    /**
     * A reader of {@code map} that decodes every record into one object, refilled for each record: no object is made
     * per record where the codec can refill (a {@code @Struct}). The object is valid only during the handler's call;
     * copy what you keep.
     */
    public static <E> RingBufferReader<E> openReusing(LoadedMap map, Codec<E> codec, Consumer<? super E> handler) {
        RingBufferReader<E> r = new RingBufferReader<>();
        return r.addOrClose(map, reusing(map, codec, handler));
    }

    /** A reader of {@code map} handing out zero-copy record views, one view object per record. */
    public static RingBufferReader<ByteBuffer> openRaw(LoadedMap map, RecordHandler handler) {
        RingBufferReader<ByteBuffer> r = new RingBufferReader<>();
        return r.addOrClose(map, RingBufferRing.slicing(handler));
    }

    /** A reader of {@code map} handing out records in place, with no object made per record (see {@link RawRecordHandler}). */
    public static RingBufferReader<ByteBuffer> openInPlace(LoadedMap map, RawRecordHandler handler) {
        RingBufferReader<ByteBuffer> r = new RingBufferReader<>();
        return r.addOrClose(map, handler);
    }

    /** Adds another ring buffer to this reader's epoll, with its own record type and handler. */
    public <F> RingBufferReader<E> add(LoadedMap map, Codec<F> codec, Consumer<? super F> handler) {
        return addInPlace(map, decoding(map, codec, handler));
    }

    /** Adds another ring buffer whose records are handed out as zero-copy views. */
    public RingBufferReader<E> addRaw(LoadedMap map, RecordHandler handler) { return addInPlace(map, RingBufferRing.slicing(handler)); }

    /** Adds another ring buffer whose records are handed out in place. */
    public RingBufferReader<E> addInPlace(LoadedMap map, RawRecordHandler handler) {
        lock();
        try {
            if (isClosed()) throw new IllegalStateException("RingBufferReader is closed");
            rings.add(mapRing(map, handler));
            ensureEventRoom(rings.size());
            watch(map.fd().value(), rings.size() - 1);
            return this;
        } finally {
            unlock();
        }
    }

    private RingBufferReader<E> addOrClose(LoadedMap map, RawRecordHandler handler) {
        try {
            return addInPlace(map, handler);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Decodes each record in place (a {@code @Struct} through its generated reader) and hands the value on. */
    static <F> RawRecordHandler decoding(LoadedMap map, Codec<F> codec, Consumer<? super F> handler) {
        String name = map.name();
        int size = codec.size();
        return (ring, offset, length) -> {
            if (length < size)
                throw new IllegalStateException("ring buffer \"" + name + "\" holds a " + length + "-byte record, shorter than "
                        + codec.describe() + " (" + size + " bytes); read it with a RecordHandler or fix the record type");
            handler.accept(codec.readAt(ring, offset));
        };
    }

    /** Like {@link #decoding}, into one object refilled for every record. */
    static <F> RawRecordHandler reusing(LoadedMap map, Codec<F> codec, Consumer<? super F> handler) {
        String name = map.name();
        int size = codec.size();
        Object[] current = new Object[1];
        return (ring, offset, length) -> {
            if (length < size)
                throw new IllegalStateException("ring buffer \"" + name + "\" holds a " + length + "-byte record, shorter than "
                        + codec.describe() + " (" + size + " bytes); read it with a RecordHandler or fix the record type");
            @SuppressWarnings("unchecked") F reuse = (F) current[0];
            F value = codec.readAt(ring, offset, reuse);
            current[0] = value;
            handler.accept(value);
        };
    }

    private static Source mapRing(LoadedMap map, RawRecordHandler handler) {
        if (map.spec().type() != MapTypes.RINGBUF)
            throw new IllegalArgumentException(map + " is not a ring buffer (BPF_MAP_TYPE_RINGBUF)");
        int size = map.spec().maxEntries();
        int page = Sys.pageSize();
        if ((long) size * 2 > Integer.MAX_VALUE - page)
            throw new IllegalArgumentException(map + " is " + size + " bytes; rings up to 512 MiB can be read from Java");
        int fd = map.fd().value();
        Mapping consumer = Mapping.map(fd, 0, page, true, () -> "mmap of the consumer page of ring buffer \"" + map.name() + "\"");
        try {
            Mapping producer = Mapping.map(fd, page, page + 2L * size, false,
                    () -> "mmap of the producer page and data of ring buffer \"" + map.name() + "\"");
            RingBufferRing ring = new RingBufferRing(consumer.view(0, 8), producer.view(0, 8), producer.view(page, 2 * size), size, handler);
            return new Source(map.name(), consumer, producer, ring);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    @Override int consumeSource(int source, long deadline) { return rings.get(source).ring().consume(this, deadline); }

    @Override int sources() { return rings.size(); }

    @Override void releaseSources() {
        for (Source s : rings) {
            s.producerAndData().close();
            s.consumerPage().close();
        }
    }

    /** Discarded records skipped so far, over all rings. */
    public long discarded() {
        long n = 0;
        for (Source s : rings) n += s.ring().discarded();
        return n;
    }

    /** Always 0: the kernel does not count records a full ring buffer refused (see the class comment). */
    @Override public long lost() { return 0; }

    /** Bytes submitted to ring {@code index} (in the order added) but not consumed yet. */
    public long pendingBytes(int index) {
        lock();
        try {
            if (isClosed()) throw new IllegalStateException("RingBufferReader is closed");
            return rings.get(index).ring().available();
        } finally {
            unlock();
        }
    }
}
