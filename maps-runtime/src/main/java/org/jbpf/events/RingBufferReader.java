package org.jbpf.events;

import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.LoadedMap;
import org.jbpf.loader.LoadedObject;
import org.jbpf.loader.sys.Sys;
import org.jbpf.runtime.Codec;

/**
 * Reads records from one or more BPF ring buffers ({@code BPF_MAP_TYPE_RINGBUF}) as they are submitted, in the order
 * they were reserved. Records are read in place through one {@link RecordView} pointed at each record in turn
 * ({@link #openView}: nothing made per record, raw reads; the fastest), decoded with a {@link Codec} (e.g. the probe's
 * {@code @Struct}, into a new object per record, or with {@link #openReusing} into one object refilled for each), handed
 * out as {@code ByteBuffer} views ({@link RecordHandler}, one view object per record) or as an offset into one buffer
 * over the whole ring ({@link RawRecordHandler}). Discarded records are skipped and counted by {@link #discarded}.
 *
 * <pre>{@code
 * try (BPF bpf = BPF.loadAndAttach(ExecRingEvents.class);
 *      RingBufferReader<ProcessEvent> reader = bpf.ringBuffer(ExecRingEvents.events, ProcessEvent.class, e -> ...)) {
 *     reader.poll(1000);
 * }
 * try (BPF bpf = BPF.loadAndAttach(ExecRingEvents.class);
 *      RingBufferReader<RecordView> reader = bpf.ringBufferView(ExecRingEvents.events, r -> pids.add(r.getInt(0)))) {
 *     reader.poll(1000);  // zero-copy: the view reads the kernel's mapping, valid only during the call
 * }
 * }</pre>
 *
 * <p>A ring buffer keeps no count of records it could not take, so probes jbpf translates count their failed
 * {@code output} and {@code reserve} calls themselves, in a per-CPU array the translator adds to the object. Given the
 * loaded object ({@link #countDrops}, which {@code BPF.ringBuffer} does), {@link #dropped} reports that count, so
 * records received + dropped = records produced. Close the reader before (or with) the BPF object; the mapping keeps
 * the kernel map alive until then.
 */
public final class RingBufferReader<E> extends EventReader {
    private final List<Source> rings = new CopyOnWriteArrayList<>();
    /** The drop counter of each ring whose object counts drops, by the ring's position in {@link #rings}. */
    private final Map<Integer, RingDropCounter> dropCounters = new ConcurrentHashMap<>();

    /** {@code view}: the ring's {@link RecordView}, pointed at nothing after each pass; null for other handlers. */
    private record Source(LoadedMap map, Mapping consumerPage, Mapping producerAndData, RingLoop ring, RecordView view) {}

    private RingBufferReader() {}

    /** A reader of {@code map} whose records are decoded with {@code codec} and given to {@code handler}. */
    public static <E> RingBufferReader<E> open(LoadedMap map, Codec<E> codec, Consumer<? super E> handler) {
        RingBufferReader<E> r = new RingBufferReader<>();
        return r.addOrClose(map, decoding(map.name(), codec, handler));
    }

    /**
     * A reader of {@code map} that decodes every record into one object, refilled for each record: no object is made
     * per record where the codec can refill (a {@code @Struct}). The object is valid only during the handler's call;
     * copy what you keep.
     */
    public static <E> RingBufferReader<E> openReusing(LoadedMap map, Codec<E> codec, Consumer<? super E> handler) {
        RingBufferReader<E> r = new RingBufferReader<>();
        return r.addOrClose(map, reusing(map.name(), codec, handler));
    }

    /** A reader of {@code map} handing out zero-copy record views, one view object per record. */
    public static RingBufferReader<ByteBuffer> openRaw(LoadedMap map, RecordHandler handler) {
        RingBufferReader<ByteBuffer> r = new RingBufferReader<>();
        return r.addOrClose(map, slicing(handler));
    }

    /**
     * A reader of {@code map} handing out each record through one {@link RecordView}: no object made per record, fields
     * read at raw addresses after one check of the record. The fastest way to read a ring buffer.
     */
    public static RingBufferReader<RecordView> openView(LoadedMap map, RecordViewHandler handler) {
        RingBufferReader<RecordView> r = new RingBufferReader<>();
        try {
            return r.addView(map, handler);
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** A reader of {@code map} handing out records in place, with no object made per record (see {@link RawRecordHandler}). */
    public static RingBufferReader<ByteBuffer> openInPlace(LoadedMap map, RawRecordHandler handler) {
        RingBufferReader<ByteBuffer> r = new RingBufferReader<>();
        return r.addOrClose(map, handler);
    }

    /** Adds another ring buffer to this reader's epoll, with its own record type and handler. */
    public <F> RingBufferReader<E> add(LoadedMap map, Codec<F> codec, Consumer<? super F> handler) {
        return addInPlace(map, decoding(map.name(), codec, handler));
    }

    /** Adds another ring buffer whose records are handed out as zero-copy views. */
    public RingBufferReader<E> addRaw(LoadedMap map, RecordHandler handler) { return addInPlace(map, slicing(handler)); }

    /** Adds another ring buffer whose records are handed out through a {@link RecordView} of its own. */
    public RingBufferReader<E> addView(LoadedMap map, RecordViewHandler handler) { return add(map, null, handler); }

    /** Adds another ring buffer whose records are handed out in place. */
    public RingBufferReader<E> addInPlace(LoadedMap map, RawRecordHandler handler) { return add(map, handler, null); }

    /** Adds a ring whose records go to {@code handler}, or when it is null through a view of its own to {@code views}. */
    private RingBufferReader<E> add(LoadedMap map, RawRecordHandler handler, RecordViewHandler views) {
        lock();
        try {
            if (isClosed()) throw new IllegalStateException("RingBufferReader is closed");
            rings.add(mapRing(map, handler, views));
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

    private static final MethodType HANDLER = MethodType.methodType(void.class, String.class, Codec.class, Consumer.class);
    private static final MethodType LOOP = MethodType.methodType(void.class, String.class, ByteBuffer.class, ByteBuffer.class,
            ByteBuffer.class, int.class, RawRecordHandler.class);
    private static final MethodType VIEW_LOOP = MethodType.methodType(void.class, String.class, ByteBuffer.class, ByteBuffer.class,
            ByteBuffer.class, int.class, RecordViewHandler.class, RecordView.class);

    /** Decodes each record in place (a {@code @Struct} through its generated reader) and hands the value on. */
    static <F> RawRecordHandler decoding(String name, Codec<F> codec, Consumer<? super F> handler) {
        return (RawRecordHandler) LoopCopies.newCopy(DecodingHandler.class, HANDLER, name, codec, handler);
    }

    /** Like {@link #decoding}, into one object refilled for every record. */
    static <F> RawRecordHandler reusing(String name, Codec<F> codec, Consumer<? super F> handler) {
        return (RawRecordHandler) LoopCopies.newCopy(ReusingHandler.class, HANDLER, name, codec, handler);
    }

    /** A view of its own per record. */
    static RawRecordHandler slicing(RecordHandler handler) {
        return (RawRecordHandler) LoopCopies.newCopy(SlicingHandler.class, MethodType.methodType(void.class, RecordHandler.class), handler);
    }

    private static Source mapRing(LoadedMap map, RawRecordHandler handler, RecordViewHandler views) {
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
            String name = "ring buffer \"" + map.name() + "\"";
            RecordView view = views == null ? null : new RecordView();
            ByteBuffer data = producer.view(page, 2 * size);
            RingData constants = RingData.of(data, size);  // the copy's own constants
            RingLoop ring = (RingLoop) (views == null
                    ? LoopCopies.newCopy(RingBufferRing.class, constants, LOOP, name, consumer.view(0, 8), producer.view(0, 8), data, size, handler)
                    : LoopCopies.newCopy(RingBufferRing.class, constants, VIEW_LOOP, name, consumer.view(0, 8), producer.view(0, 8), data,
                            size, views, view));
            return new Source(map, consumer, producer, ring, view);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    @Override int consumeSource(int source, long deadline) {
        Source s = rings.get(source);
        try {
            return s.ring().consume(this, deadline);
        } finally {
            // a view kept past its handler must not read a record the kernel may overwrite, or a mapping since unmapped
            if (s.view() != null) s.view().clear();
        }
    }

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

    /**
     * Counts what the rings of {@code object} (the object they were loaded from) refuse from now on readable by
     * {@link #dropped}: the probe's own counters, which objects jbpf translates carry. Rings of other objects, and
     * objects without the counters (e.g. built by clang), are left as they are; see {@link #dropsCounted}.
     */
    public RingBufferReader<E> countDrops(LoadedObject object) {
        for (int i = 0; i < rings.size(); i++) {
            RingDropCounter c = RingDropCounter.find(object, rings.get(i).map());
            if (c != null) dropCounters.put(i, c);
        }
        return this;
    }

    /** True when {@link #dropped} covers every ring of this reader. */
    public boolean dropsCounted() { return dropCounters.size() == rings.size(); }

    /**
     * Records the rings refused because they were full (failed {@code output} and {@code reserve} calls), as the
     * probe counted them: over the rings given counters by {@link #countDrops}, and over the whole life of the
     * loaded object. 0 for rings without counters.
     */
    public long dropped() {
        long n = 0;
        for (RingDropCounter c : dropCounters.values()) n += c.count();
        return n;
    }

    /** Records ring {@code index} (in the order added) refused, or -1 when its object does not count them. */
    public long dropped(int index) {
        RingDropCounter c = dropCounters.get(index);
        return c == null ? -1 : c.count();
    }

    /** The same as {@link #dropped}: the kernel itself counts nothing for ring buffers. */
    @Override public long lost() { return dropped(); }

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
