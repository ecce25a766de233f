package org.jbpf.events;

import com.sun.jna.Memory;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.LoadedMap;
import org.jbpf.loader.MapInfo;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfCmd;
import org.jbpf.loader.sys.Fd;
import org.jbpf.loader.sys.PerfEventAttr;
import org.jbpf.loader.sys.Sys;
import org.jbpf.runtime.Codec;

/**
 * Reads the samples a probe sends through a {@code BPF_MAP_TYPE_PERF_EVENT_ARRAY}: one perf buffer per online CPU
 * (a {@code PERF_COUNT_SW_BPF_OUTPUT} software event with raw samples, waking the reader on every sample), stored
 * into the map at the CPU's index and mapped into this process. Samples come with the CPU they were sent from;
 * samples the kernel dropped because a CPU's buffer was full are reported to the {@link LostHandler} and counted
 * by {@link #lost}.
 *
 * <p>Closing the reader removes its perf events from the map (a probe's output then fails with -ENOENT), unmaps the
 * buffers and closes their fds. Close it before (or with) the BPF object. The reader stores its events through a map
 * fd of its own, so the object's map fd closing first does not take them out of the map: the probe's samples keep
 * arriving until the reader closes.
 */
public final class PerfBufferReader<E> extends EventReader {
    /** Data pages per CPU unless told otherwise (256 KiB with 4 KiB pages). */
    public static final int DEFAULT_PAGES = 64;

    private final LoadedMap map;
    private final List<Source> cpus = new ArrayList<>();

    private record Source(int cpu, Fd event, Mapping mapping, PerfLoop ring) {}

    /** The view {@link #openView} points at each sample, pointed at nothing after each pass; null for other handlers. */
    private RecordView view;

    /**
     * The map through a file of the reader's own, which the CPUs' perf events are stored through: the kernel empties a
     * perf event array of the entries stored through a file once that file closes, so the object's own fd closing first
     * would silence the reader. Null where the kernel does not hand out a second file (without CAP_SYS_ADMIN): the
     * object's fd then serves.
     */
    private final Fd own;

    private PerfBufferReader(LoadedMap map) {
        this.map = map;
        this.own = ownFile(map);
    }

    private static Fd ownFile(LoadedMap map) {
        try {
            int id = MapInfo.of(map.fd()).id();
            return Sys.bpfFd(BpfCmd.MAP_GET_FD_BY_ID, BpfAttrs.mapGetFdById(id), "perf event array \"" + map.name() + "\"",
                    () -> "BPF_MAP_GET_FD_BY_ID of perf event array \"" + map.name() + "\"");
        } catch (RuntimeException notPermitted) {
            return null;
        }
    }

    /** The fd the perf events are stored and removed through. */
    private Fd storeFd() { return own != null ? own : map.fd(); }

    private static final MethodType DECODER = MethodType.methodType(void.class, String.class, Codec.class, PerfEventHandler.class, boolean.class);
    private static final MethodType LOOP = MethodType.methodType(void.class, String.class, int.class, ByteBuffer.class, ByteBuffer.class,
            int.class, RawSampleHandler.class, LostHandler.class);
    private static final MethodType VIEW_LOOP = MethodType.methodType(void.class, String.class, int.class, ByteBuffer.class, ByteBuffer.class,
            int.class, SampleViewHandler.class, RecordView.class, LostHandler.class);

    /** Samples decoded with {@code codec}, into a new object each (read in place); {@code onLost} may be null. */
    public static <E> PerfBufferReader<E> open(LoadedMap map, Codec<E> codec, int pagesPerCpu, PerfEventHandler<? super E> handler,
            LostHandler onLost) {
        RawSampleHandler decoding = (RawSampleHandler) LoopCopies.newCopy(PerfDecodingHandler.class, DECODER, map.name(), codec, handler, false);
        return openInPlace(map, pagesPerCpu, decoding, onLost);
    }

    /**
     * Samples decoded into one object, refilled for each sample where the codec can refill (a {@code @Struct}): no
     * object is made per sample. The object is valid only during the handler's call; copy what you keep.
     */
    public static <E> PerfBufferReader<E> openReusing(LoadedMap map, Codec<E> codec, int pagesPerCpu, PerfEventHandler<? super E> handler,
            LostHandler onLost) {
        RawSampleHandler reusing = (RawSampleHandler) LoopCopies.newCopy(PerfDecodingHandler.class, DECODER, map.name(), codec, handler, true);
        return openInPlace(map, pagesPerCpu, reusing, onLost);
    }

    /** Samples handed out as zero-copy views, one view object per sample; {@code onLost} may be null. */
    public static <E> PerfBufferReader<E> openRaw(LoadedMap map, int pagesPerCpu, SampleHandler handler, LostHandler onLost) {
        RawSampleHandler slicing = (RawSampleHandler) LoopCopies.newCopy(PerfSlicingHandler.class,
                MethodType.methodType(void.class, SampleHandler.class), handler);
        return openInPlace(map, pagesPerCpu, slicing, onLost);
    }

    /**
     * Samples handed out through one {@link RecordView}: no object made per sample, fields read at raw addresses after
     * one check of the sample; the fastest way to read a perf buffer. {@code onLost} may be null.
     */
    public static PerfBufferReader<RecordView> openView(LoadedMap map, int pagesPerCpu, SampleViewHandler handler, LostHandler onLost) {
        return openWith(map, pagesPerCpu, null, handler, onLost);
    }

    /** Samples handed out in place, with no object made per sample (see {@link RawSampleHandler}); {@code onLost} may be null. */
    public static <E> PerfBufferReader<E> openInPlace(LoadedMap map, int pagesPerCpu, RawSampleHandler handler, LostHandler onLost) {
        return openWith(map, pagesPerCpu, handler, null, onLost);
    }

    /** Samples to {@code handler}, or when it is null through one {@link RecordView} to {@code views}. */
    private static <E> PerfBufferReader<E> openWith(LoadedMap map, int pagesPerCpu, RawSampleHandler handler, SampleViewHandler views,
            LostHandler onLost) {
        if (map.spec().type() != MapTypes.PERF_EVENT_ARRAY)
            throw new IllegalArgumentException(map + " is not a perf event array (BPF_MAP_TYPE_PERF_EVENT_ARRAY)");
        if (pagesPerCpu <= 0 || Integer.bitCount(pagesPerCpu) != 1)
            throw new IllegalArgumentException("pages per CPU must be a power of two, not " + pagesPerCpu);
        PerfBufferReader<E> r = new PerfBufferReader<>(map);
        try {
            r.lock();
            try {
                BitSet online = onlineCpus();
                // one copy of the loop for all CPUs: one handler, so one profile, learnt once
                MethodHandle loop = LoopCopies.copyOf(PerfRing.class, views == null ? LOOP : VIEW_LOOP);
                if (views != null) r.view = new RecordView();
                int slots = map.spec().maxEntries() > 0 ? map.spec().maxEntries() : Integer.MAX_VALUE;
                for (int cpu = online.nextSetBit(0); cpu >= 0 && cpu < slots; cpu = online.nextSetBit(cpu + 1)) {
                    r.cpus.add(r.openCpu(loop, cpu, pagesPerCpu, handler, views, onLost));
                    r.ensureEventRoom(r.cpus.size());
                    r.watch(r.cpus.get(r.cpus.size() - 1).event().value(), r.cpus.size() - 1);
                }
            } finally {
                r.unlock();
            }
            if (r.cpus.isEmpty()) throw new IllegalStateException(map + " has no slot for any online CPU");
            return r;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private Source openCpu(MethodHandle loop, int cpu, int pages, RawSampleHandler handler, SampleViewHandler views, LostHandler onLost) {
        PerfEventAttr attr = new PerfEventAttr(PerfEventAttr.PERF_TYPE_SOFTWARE, PerfEventAttr.COUNT_SW_BPF_OUTPUT)
                .sampleType(PerfEventAttr.SAMPLE_RAW).samplePeriod(1).wakeupEvents(1);
        Fd event = Sys.perfEventOpen(attr, -1, cpu, -1, () -> "perf_event_open of the BPF output event for CPU " + cpu
                + " of perf buffer \"" + map.name() + "\"");
        Mapping mapping = null;
        try {
            int page = Sys.pageSize();
            int dataSize = pages * page;
            mapping = Mapping.map(event.value(), 0, (long) page + dataSize, true,
                    () -> "mmap of " + pages + " pages of CPU " + cpu + "'s perf buffer \"" + map.name() + "\"");
            String name = "perf buffer \"" + map.name() + "\"";
            PerfLoop ring = (PerfLoop) (views == null
                    ? LoopCopies.construct(loop, PerfRing.class, name, cpu, mapping.view(0, page), mapping.view(page, dataSize), dataSize, handler, onLost)
                    : LoopCopies.construct(loop, PerfRing.class, name, cpu, mapping.view(0, page), mapping.view(page, dataSize), dataSize, views, view,
                            onLost));
            storeInMap(cpu, event.value());
            Sys.ioctl(event.value(), PerfEventAttr.IOC_ENABLE, 0, () -> "enabling CPU " + cpu + "'s perf buffer \"" + map.name() + "\"");
            return new Source(cpu, event, mapping, ring);
        } catch (RuntimeException e) {
            if (mapping != null) mapping.close();
            event.close();
            throw e;
        }
    }

    private void storeInMap(int cpu, int eventFd) {
        Memory key = new Memory(4), value = new Memory(4);
        key.setInt(0, cpu);
        value.setInt(0, eventFd);
        Sys.bpf(BpfCmd.MAP_UPDATE_ELEM, BpfAttrs.mapElem(storeFd().value(), key, value, 0),
                () -> "storing CPU " + cpu + "'s perf event in map \"" + map.name() + "\"");
    }

    /** Removes our event from the map so the map no longer holds it; the map may already be closed. */
    private void removeFromMap(int cpu) {
        if (!storeFd().isOpen()) return;
        Memory key = new Memory(4);
        key.setInt(0, cpu);
        // a failure (the map closed meanwhile, the entry already replaced) leaves nothing of ours to remove
        Sys.bpfErrno(BpfCmd.MAP_DELETE_ELEM, BpfAttrs.mapElem(storeFd().value(), key, null, 0));
    }

    static BitSet onlineCpus() {
        BitSet set = new BitSet();
        String list;
        try {
            list = Files.readString(Path.of("/sys/devices/system/cpu/online")).trim();
        } catch (IOException e) {
            set.set(0, Runtime.getRuntime().availableProcessors());
            return set;
        }
        return parseCpuList(list);
    }

    /** "0-3,5" to {0,1,2,3,5}. */
    static BitSet parseCpuList(String list) {
        BitSet set = new BitSet();
        for (String part : list.trim().split(",")) {
            if (part.isEmpty()) continue;
            int dash = part.indexOf('-');
            int lo = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int hi = Integer.parseInt(dash < 0 ? part : part.substring(dash + 1));
            set.set(lo, hi + 1);
        }
        return set;
    }

    @Override int consumeSource(int source, long deadline) {
        try {
            return cpus.get(source).ring().consume(this, deadline);
        } finally {
            // a view kept past its handler must not read a sample the kernel may overwrite, or a mapping since unmapped
            if (view != null) view.clear();
        }
    }

    @Override int sources() { return cpus.size(); }

    @Override void releaseSources() {
        try {
            for (Source s : cpus) {
                removeFromMap(s.cpu());
                s.mapping().close();
                s.event().close();
            }
        } finally {
            if (own != null) own.close();
        }
    }

    /** The CPUs this reader has a buffer for. */
    public List<Integer> cpus() { return cpus.stream().map(Source::cpu).toList(); }

    /** Samples the kernel reported dropped, summed over CPUs. */
    @Override public long lost() { return lost; }
}
