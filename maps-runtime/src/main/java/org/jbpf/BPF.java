package org.jbpf;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ObjectFiles;
import org.jbpf.loader.LoadedMap;
import org.jbpf.loader.LoadedObject;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.loader.Loader;
import org.jbpf.loader.attach.Link;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.events.EventReader;
import org.jbpf.events.PerfBufferReader;
import org.jbpf.events.PerfEventHandler;
import org.jbpf.events.RecordHandler;
import org.jbpf.events.RecordView;
import org.jbpf.events.RecordViewHandler;
import org.jbpf.events.RingBufferReader;
import org.jbpf.events.SampleHandler;
import org.jbpf.events.SampleViewHandler;
import org.jbpf.maps.BpfMapDef;
import org.jbpf.maps.PerfEventArray;
import org.jbpf.maps.RingBuffer;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.Codec;
import org.jbpf.runtime.Codecs;
import org.jbpf.runtime.FullMapNotice;
import org.jbpf.runtime.Global;
import org.jbpf.runtime.ProbeTranslator;

/**
 * A BPF object loaded into the kernel, and the way to reach its programs and maps from Java.
 *
 * <pre>{@code
 * try (BPF bpf = BPF.loadAndAttach(CountOpens.class)) {
 *     BpfMap<Integer, Long> counts = bpf.map(CountOpens.counts);
 *     ...
 * }
 * }</pre>
 *
 * {@link #close} detaches every program and closes every map, program, BTF and perf event fd; it may be called more
 * than once. Maps obtained from a closed {@code BPF} fail on use. {@link #detach} stops the programs and leaves the
 * rest open, for a last read of the maps as the programs left them.
 */
public final class BPF implements AutoCloseable {
    private final LoadedObject loaded;
    private final Class<?> probe;
    private final List<EventReader> readers = new ArrayList<>();
    private final List<String> readerNames = new ArrayList<>();
    private final java.util.Map<String, Global> globals = new java.util.LinkedHashMap<>();
    private final FullMapNotice fullMaps;
    /** The object file this was opened from, named in front of load and attach failures; null for other inputs. */
    private String source;
    private boolean closing;

    BPF(LoadedObject loaded, Class<?> probe) {
        this.loaded = loaded;
        this.probe = probe;
        this.fullMaps = new FullMapNotice(loaded);
    }

    /** Loads (without attaching) an object already in memory. */
    public static BPF load(BpfObject object) { return new BPF(new Loader().load(object), null); }

    /** Loads an object that was translated from {@code probe}, so {@link #map(BpfMapDef)} can find its declarations. */
    public static BPF load(BpfObject object, Class<?> probe) { return new BPF(new Loader().load(object), probe); }

    /**
     * Reads a BPF ELF object file and loads it (without attaching). A failure to load it, or later to attach its
     * programs with {@link #attachAll}, names the file in front of the loader's message, which names the program or
     * map at fault ({@code out/Probe.o: the kernel verifier rejected program "count" ...}).
     */
    public static BPF open(Path objectFile) {
        BpfObject object = ObjectFiles.read(objectFile);
        BPF bpf;
        try {
            bpf = load(object);
        } catch (RuntimeException e) {
            throw naming(objectFile.toString(), e);
        }
        bpf.source = objectFile.toString();
        return bpf;
    }

    /**
     * {@code e} with {@code source} in front of its message: a {@link BpfException} (a verifier refusal included) keeps
     * its type, errno and log; any other failure becomes a {@code BpfException} of that message, {@code e} its cause.
     */
    private static RuntimeException naming(String source, RuntimeException e) {
        if (e instanceof BpfException b) return b.inSource(source);
        String m = e.getMessage();
        if (m != null && m.contains(source)) return e;
        return new BpfException(source + ": " + (m != null ? m : e.toString()), e);
    }

    /**
     * A load with options, such as the values of load-time constants:
     * {@code BPF.builder(Probe.class).constant("targetPid", pid).loadAndAttach()}.
     */
    public static BpfBuilder builder(Class<?> probe) {
        return new BpfBuilder(java.util.Objects.requireNonNull(probe, "BPF.builder needs a probe class, got null"), null);
    }

    /** A load of an object already in memory (translated, or read from a file) with options. */
    public static BpfBuilder builder(BpfObject object) { return new BpfBuilder(null, object); }

    /** A load of an object translated from {@code probe}, so {@link #map(BpfMapDef)} can find its declarations. */
    public static BpfBuilder builder(BpfObject object, Class<?> probe) { return new BpfBuilder(probe, object); }

    /**
     * Translates the probe class (with the translator on the class path, see {@link ProbeTranslator}), loads it and
     * attaches every program whose section says where.
     */
    public static BPF loadAndAttach(Class<?> probe) {
        java.util.Objects.requireNonNull(probe, "BPF.loadAndAttach needs a probe class, got null");
        BPF bpf = load(ProbeTranslator.find(probe).translate(probe), probe);
        try {
            return bpf.attachAll();
        } catch (RuntimeException e) {
            bpf.close();
            throw e;
        }
    }

    /**
     * Attaches every program that attaches by section alone (see {@link org.jbpf.core.program.Section#attachesBySection}):
     * xdp, socket and classifier programs need a target and are left for their attach methods, and so are perf_event
     * programs unless their section names a clock rate ({@code perf_event/cpu-clock-99hz}).
     */
    public BPF attachAll() {
        try {
            for (LoadedProgram p : loaded.programs())
                if (p.kind().section().attachesBySection()) p.attach();
        } catch (RuntimeException e) {
            throw source == null ? e : naming(source, e);
        }
        return this;
    }

    public LoadedProgram program(String name) {
        LoadedProgram p = loaded.program(name);
        if (p == null) throw new IllegalArgumentException("object " + loaded.object().name() + " has no program \"" + name
                + "\"; it has " + names(loaded.programs().stream().map(LoadedProgram::name).toList()));
        return p;
    }

    public List<LoadedProgram> programs() { return loaded.programs(); }

    public List<Link> links() { return loaded.links(); }

    /** Things that loaded in a degraded way (e.g. without BTF). */
    public List<String> warnings() { return loaded.warnings(); }

    public LoadedObject loaded() { return loaded; }

    /** A map with raw byte keys and values. */
    public BpfMap<byte[], byte[]> map(String name) {
        LoadedMap m = loadedMap(name);
        return BpfMap.of(m, Codecs.bytes(m.spec().keySize()), Codecs.bytes(m.spec().valueSize()), false, fullMaps);
    }

    /** A map with typed keys and values (Integer, Long, Short, Byte or {@code @Struct} classes). */
    public <K, V> BpfMap<K, V> map(String name, Class<K> keyType, Class<V> valueType) {
        return BpfMap.of(loadedMap(name), Codecs.of(keyType), Codecs.of(valueType), false, fullMaps);
    }

    public <K, V> BpfMap<K, V> map(String name, Codec<K> key, Codec<V> value) {
        return BpfMap.of(loadedMap(name), key, value, false, fullMaps);
    }

    /**
     * The map declared by {@code declaration}, a static field of the probe class: the field's name is the map's name.
     */
    public <K, V> BpfMap<K, V> map(BpfMapDef<K, V> declaration) {
        if (probe == null)
            throw new IllegalStateException("this BPF was loaded from an object, not a probe class; use map(name, keyType, valueType)");
        String name = fieldHolding(probe, declaration);
        return map(name, declaration.keyType(), declaration.valueType());
    }

    /** Opens a map pinned at {@code path}; close the returned map when done. */
    public static <K, V> BpfMap<K, V> openPinnedMap(Path path, Class<K> keyType, Class<V> valueType) {
        return BpfMap.openPinned(path, Codecs.of(keyType), Codecs.of(valueType));
    }

    /**
     * Reads the ring buffer declared by {@code declaration} (a static field of the probe class), decoding each record
     * as {@code type} (a {@code @Struct} class or a primitive wrapper). The reader is closed with this BPF at the latest;
     * its {@code dropped()} reports the records the probe could not put into the full ring.
     */
    public <E> RingBufferReader<E> ringBuffer(RingBuffer declaration, Class<E> type, Consumer<? super E> handler) {
        return ringBuffer(declaredName(declaration), type, handler);
    }

    /** As {@link #ringBuffer(RingBuffer, Class, Consumer)} for the ring buffer map with this name. */
    public <E> RingBufferReader<E> ringBuffer(String name, Class<E> type, Consumer<? super E> handler) {
        return track(name, RingBufferReader.open(loadedMap(name), Codecs.of(type), handler).countDrops(loaded));
    }

    /** Reads the ring buffer declared by {@code declaration}, handing out zero-copy record views. */
    public RingBufferReader<ByteBuffer> ringBuffer(RingBuffer declaration, RecordHandler handler) {
        return ringBuffer(declaredName(declaration), handler);
    }

    public RingBufferReader<ByteBuffer> ringBuffer(String name, RecordHandler handler) {
        return track(name, RingBufferReader.openRaw(loadedMap(name), handler).countDrops(loaded));
    }

    /**
     * Reads the ring buffer declared by {@code declaration} in place: the handler gets one {@link RecordView}, pointed
     * at each record in the kernel's mapping in turn (nothing made per record; the fastest way to read events).
     */
    public RingBufferReader<RecordView> ringBufferView(RingBuffer declaration, RecordViewHandler handler) {
        return ringBufferView(declaredName(declaration), handler);
    }

    public RingBufferReader<RecordView> ringBufferView(String name, RecordViewHandler handler) {
        return track(name, RingBufferReader.openView(loadedMap(name), handler).countDrops(loaded));
    }

    /**
     * Reads the perf event array declared by {@code declaration} in place through one {@link RecordView} pointed at
     * each sample, with {@link PerfBufferReader#DEFAULT_PAGES} pages per CPU.
     */
    public PerfBufferReader<RecordView> perfBufferView(PerfEventArray declaration, SampleViewHandler handler) {
        return perfBufferView(declaredName(declaration), PerfBufferReader.DEFAULT_PAGES, handler, null);
    }

    /** The perf event array with this name, read in place through one {@link RecordView}; {@code onLost} may be null. */
    public PerfBufferReader<RecordView> perfBufferView(String name, int pagesPerCpu, SampleViewHandler handler,
            org.jbpf.events.LostHandler onLost) {
        return track(name, PerfBufferReader.openView(loadedMap(name), pagesPerCpu, handler, onLost));
    }

    /**
     * Reads the perf event array declared by {@code declaration} through one buffer of
     * {@link PerfBufferReader#DEFAULT_PAGES} pages per CPU, decoding each sample as {@code type}.
     */
    public <E> PerfBufferReader<E> perfBuffer(PerfEventArray declaration, Class<E> type, PerfEventHandler<? super E> handler) {
        return perfBuffer(declaredName(declaration), type, PerfBufferReader.DEFAULT_PAGES, handler, null);
    }

    /** The perf event array with this name; {@code pagesPerCpu} a power of two; {@code onLost} may be null. */
    public <E> PerfBufferReader<E> perfBuffer(String name, Class<E> type, int pagesPerCpu, PerfEventHandler<? super E> handler,
            org.jbpf.events.LostHandler onLost) {
        return track(name, PerfBufferReader.open(loadedMap(name), Codecs.of(type), pagesPerCpu, handler, onLost));
    }

    /** The perf event array with this name, samples handed out as zero-copy views; {@code onLost} may be null. */
    public PerfBufferReader<ByteBuffer> perfBuffer(String name, int pagesPerCpu, SampleHandler handler, org.jbpf.events.LostHandler onLost) {
        return track(name, PerfBufferReader.openRaw(loadedMap(name), pagesPerCpu, handler, onLost));
    }

    private String declaredName(Object declaration) {
        if (probe == null)
            throw new IllegalStateException("this BPF was loaded from an object, not a probe class; pass the map's name instead");
        return fieldHolding(probe, declaration);
    }

    private synchronized <R extends EventReader> R track(String name, R reader) {
        readers.add(reader);
        readerNames.add(name);
        return reader;
    }

    /** One line for each reader whose probe lost events to a full buffer, said once when the readers close. */
    private void sayLostEvents(List<EventReader> open, List<String> names) {
        for (int k = 0; k < open.size(); k++) {
            EventReader r = open.get(k);
            long lost = r.lost();
            if (lost <= 0) continue;
            fullMaps.say(r instanceof RingBufferReader
                    ? "jbpf: ring buffer " + names.get(k) + " dropped " + lost + " record" + (lost == 1 ? "" : "s") + " because it "
                            + "was full; read it faster (ringBufferView reads in place) or declare the RingBuffer bigger"
                    : "jbpf: perf event array " + names.get(k) + " lost " + lost + " sample" + (lost == 1 ? "" : "s") + " because a "
                            + "CPU's buffer was full; read it faster or give it more pages");
        }
    }

    /**
     * A global variable of the object (a probe's static field, a C global), read and written from Java while the
     * programs run; load-time constants can be read too.
     */
    public synchronized Global global(String name) {
        Global g = globals.get(name);
        if (g != null) return g;
        List<String> all = new ArrayList<>();
        for (GlobalData section : loaded.object().globals()) {
            GlobalData.Variable v = section.variable(name).orElse(null);
            if (v != null && loaded.global(section.name()) != null) {
                g = new Global(name, section, v, loaded.global(section.name()));
                globals.put(name, g);
                return g;
            }
            section.variables().forEach(x -> all.add(x.name()));
        }
        throw new IllegalArgumentException("object " + loaded.object().name() + " has no global variable \"" + name + "\"; it has "
                + names(all));
    }

    /**
     * Where the one-line notices of lost data go: standard error unless set here; null silences them. A hash map of
     * this object that refused a new key of a program's because it was full (the kernel drops it) is reported once,
     * with how many it refused: the probes jbpf translates count such refusals ({@link BpfMap#refusedInserts}), and
     * any whole-map read ({@code entries()}, {@code size()}, {@code fill()}, ...), {@link #checkFullMaps} and
     * {@link #close} read the counts. At close, each event reader made here whose probe lost records to a full buffer
     * says how many.
     */
    public BPF lossNotices(java.io.PrintStream to) {
        fullMaps.sendTo(to);
        return this;
    }

    /** Detaches every program of this object (closes its links); maps, globals and event readers stay open to be read. Closing detaches too. */
    public BPF detach() {
        loaded.detach();
        return this;
    }

    /** Reads the counts of refused inserts of the maps not yet reported (one lookup each) and reports those that refused keys. */
    public void checkFullMaps() { fullMaps.check(); }

    /** Closes the event readers made from this BPF, then everything loaded, after saying what data was lost. */
    @Override public void close() {
        boolean first;
        synchronized (this) {
            first = !closing;
            closing = true;
        }
        if (first) {
            try {
                detach();  // first, so that the count of each map is final
                fullMaps.closing();
            } catch (RuntimeException unreadable) {
                // a map that cannot be read now lost nothing more for it; closing must go on
            }
        }
        List<EventReader> open;
        List<String> names;
        List<Global> mapped;
        synchronized (this) {
            open = List.copyOf(readers);
            names = List.copyOf(readerNames);
            readers.clear();
            readerNames.clear();
            mapped = List.copyOf(globals.values());
            globals.clear();
        }
        try {
            sayLostEvents(open, names);
        } catch (RuntimeException unreadable) {
            // counters that cannot be read now change nothing about closing
        }
        for (EventReader r : open) r.close();
        for (Global g : mapped) g.close();
        loaded.close();
    }

    private LoadedMap loadedMap(String name) {
        LoadedMap m = loaded.map(name);
        if (m == null) throw new IllegalArgumentException("object " + loaded.object().name() + " has no map \"" + name
                + "\"; it has " + names(loaded.maps().stream().map(x -> x.name() + " (" + MapTypes.name(x.spec().type()) + ")").toList()));
        return m;
    }

    static String fieldHolding(Class<?> probe, Object declaration) {
        return org.jbpf.runtime.Declarations.fieldHolding(probe, declaration, "bpf.map");
    }

    private static String names(List<String> names) { return names.isEmpty() ? "none" : String.join(", ", names); }
}
