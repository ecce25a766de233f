package org.jbpf.runtime;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.LoadedMap;
import org.jbpf.loader.MapInfo;
import org.jbpf.loader.Pins;
import org.jbpf.loader.attach.Tracefs;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.BpfSyscalls;
import org.jbpf.loader.sys.Fd;

/**
 * A kernel map seen from Java, with keys and values converted by {@link Codec}s.
 *
 * <p><b>Concurrency.</b> Each single-key operation ({@link #get}, {@link #put}, {@link #remove}, {@link #containsKey})
 * is one bpf(2) call and atomic for that entry: a reader sees an entry's value either before or after a concurrent
 * update, never a mix, for values the kernel updates as a whole (a BPF program that writes a value's fields in place
 * through a pointer can be seen half-done). Whole-map operations ({@link #keys}, {@link #values}, {@link #entries},
 * {@link #size}, {@link #clear}, {@link #forEach}, {@link #forEachRaw}) are <i>not</i> snapshots: while BPF programs
 * or other threads change the map, an entry added or removed during the walk may or may not be seen, and a value may
 * be older or newer than the values around it. A map of 16384 entries or more, and one whose last walk saw 1024
 * entries or more, is copied by a program the kernel runs once ({@link #walkPath} says "program"), which reads each
 * entry as a BPF program would, without a bucket's lock: a value written in place during the copy can be seen half
 * written, and so can one whose element the kernel frees and reuses under the walk (a key is still reported once,
 * see ProgramWalk).
 * Other maps and maps the kernel will not let a program copy go by {@code BPF_MAP_LOOKUP_BATCH}, which never restarts, reports each key at most once and copies each bucket under its lock, and where
 * the kernel lacks it, by {@code GET_NEXT_KEY} remembering the keys already reported (in a hash map a key deleted
 * under that walk restarts it from the first key). Setting the system property {@code jbpf.map.dumpProgram} to
 * {@code false} makes maps viewed from then on walk by batch.
 * {@link #size} counts what one such walk saw. Counting per-CPU maps avoids lost updates between CPUs; read them with
 * {@link #getPerCpu} (one value per CPU) or {@link #getAggregated} (combined). A {@code BpfMap} object may be shared between threads: each thread gets its own native key and
 * value buffers, reused for every operation, so operations allocate no native memory per call. It stops working when
 * its {@code BPF} (or, for an opened pinned map, the map itself) is closed.
 */
public final class BpfMap<K, V> implements AutoCloseable {
    private final LoadedMap map;
    private final Codec<K> keyCodec;
    private final Codec<V> valueCodec;
    private final boolean ownsFd;
    private final boolean perCpu;
    private final CpuValues<V> values;
    private final EntryCalls calls;
    private final ThreadLocal<MapBuffers> buffers;
    private final MapWalker walker;
    /** Told the count of every walk, to say once that the map is full; null for maps outside a loaded object. */
    private final FullMapNotice notice;
    private volatile Path pinnedAt;

    private BpfMap(LoadedMap map, Codec<K> keyCodec, Codec<V> valueCodec, boolean ownsFd, FullMapNotice notice) {
        this.map = map;
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
        this.ownsFd = ownsFd;
        this.values = new CpuValues<>(map.spec(), valueCodec);
        this.perCpu = values.perCpu;
        this.calls = new EntryCalls(map);
        int keySize = keyCodec.size(), valueBytes = values.bytes();
        this.buffers = new BuffersPerThread(keySize, valueBytes);
        this.walker = MapWalker.of(map, keySize, valueBytes);
        this.notice = notice;
    }

    /**
     * A view of {@code map}; checks the codecs' sizes against the map's and, when the map has BTF for a struct key or
     * value, that the Java struct's field names and offsets match it. {@code ownsFd}: close() closes the map's fd.
     */
    public static <K, V> BpfMap<K, V> of(LoadedMap map, Codec<K> key, Codec<V> value, boolean ownsFd) {
        return of(map, key, value, ownsFd, null);
    }

    /** As {@link #of(LoadedMap, Codec, Codec, boolean)}, each walk's count told to {@code notice} (may be null). */
    public static <K, V> BpfMap<K, V> of(LoadedMap map, Codec<K> key, Codec<V> value, boolean ownsFd, FullMapNotice notice) {
        MapSpec s = map.spec();
        if (key.size() != s.keySize())
            throw new IllegalArgumentException("map \"" + s.name() + "\" has " + s.keySize() + "-byte keys but the key type "
                    + key.describe() + " is " + key.size() + " bytes");
        if (value.size() != s.valueSize())
            throw new IllegalArgumentException("map \"" + s.name() + "\" has " + s.valueSize() + "-byte values but the value type "
                    + value.describe() + " is " + value.size() + " bytes");
        if (key instanceof StructCodec<?> sk) BtfCheck.check(s.name(), "key", sk.layout(), map.btf(), s.btfKeyType());
        if (value instanceof StructCodec<?> sv) BtfCheck.check(s.name(), "value", sv.layout(), map.btf(), s.btfValueType());
        return new BpfMap<>(map, key, value, ownsFd, notice);
    }

    /**
     * Opens a map pinned at {@code path} (a bpffs file); the returned map owns its fd: close it when done. A path that
     * holds no map (a pinned program, a plain file, a directory) is refused with a message saying what it is. A pinned
     * map has no count of the keys its programs' inserts lost ({@link FullMapNotice}); {@link #fill} says how full it is.
     */
    public static <K, V> BpfMap<K, V> openPinned(Path path, Codec<K> key, Codec<V> value) {
        return openPinned(path, BpfSyscalls.kernel(), info -> key, info -> value);
    }

    /** Opens a pinned map with raw byte keys and values sized from the kernel's own description of it. */
    public static BpfMap<byte[], byte[]> openPinnedRaw(Path path) { return openPinnedRaw(path, BpfSyscalls.kernel()); }

    static BpfMap<byte[], byte[]> openPinnedRaw(Path path, BpfSyscalls sys) {
        return openPinned(path, sys, info -> Codecs.bytes(info.keySize()), info -> Codecs.bytes(info.valueSize()));
    }

    private static <K, V> BpfMap<K, V> openPinned(Path path, BpfSyscalls sys, Function<MapInfo, Codec<K>> key,
                                                  Function<MapInfo, Codec<V>> value) {
        Fd fd = Pins.openMap(path, sys);
        try {
            MapInfo info = MapInfo.of(fd);
            // the type ids are those of the map's own BTF in the kernel (MapBtf reads it), which a printer may ask for
            MapSpec spec = new MapSpec(info.name(), info.type(), info.keySize(), info.valueSize(), info.maxEntries(),
                    info.flags(), info.btfKeyTypeId(), info.btfValueTypeId());
            return of(new LoadedMap(spec, fd, null), key.apply(info), value.apply(info), true, null);
        } catch (RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    public String name() { return map.spec().name(); }
    public MapSpec spec() { return map.spec(); }
    public int maxEntries() { return map.spec().maxEntries(); }
    public boolean isPerCpu() { return perCpu; }
    /** The map's fd; valid while the map is open. */
    public Fd fd() { return map.fd(); }

    // ---- single entries: one bpf(2) call each, atomic for that entry -----------------------------

    /** The value under {@code key}, or null when there is none. Per-CPU maps: use {@link #getPerCpu}. */
    public V get(K key) {
        requireSingleValue("get(key)", "getAggregated(key) or getPerCpu(key)");
        MapBuffers b = buffers.get();
        return lookup(key, b) ? valueCodec.read(b.value()) : null;
    }

    /** One value for each possible CPU (index = CPU number), or null when the key is absent. */
    public List<V> getPerCpu(K key) {
        if (!perCpu) {
            V v = get(key);
            return v == null ? null : List.of(v);
        }
        MapBuffers b = buffers.get();
        return lookup(key, b) ? values.split(b.value()) : null;
    }

    /**
     * The CPUs' values under {@code key} combined into one ({@link CpuAggregation}: integer fields added at their
     * width, {@code @Max} fields the largest, byte arrays not added, arrays and nested structs element by element), or null when the key is absent; other maps: the value.
     */
    public V getAggregated(K key) {
        if (!perCpu) return get(key);
        MapBuffers b = buffers.get();
        return lookup(key, b) ? values.aggregate(b.value()) : null;
    }

    public boolean containsKey(K key) { return lookup(key, buffers.get()); }

    /** Creates or replaces the entry; per-CPU maps get {@code value} on every CPU. */
    public void put(K key, V value) { put(key, value, UpdateMode.ANY); }

    /**
     * Writes the entry as {@code mode} says. Returns false, writing nothing, when {@code NOEXIST} finds the key present
     * or {@code EXIST} finds it absent.
     *
     * @throws MapFullException when the map already holds max_entries entries
     */
    public boolean put(K key, V value, UpdateMode mode) {
        Objects.requireNonNull(value, "value");
        MapBuffers b = buffers.get();
        values.write(b, c -> value);
        return update(key, b, mode);
    }

    /** Writes one value per possible CPU. */
    public boolean putPerCpu(K key, List<V> perCpuValues, UpdateMode mode) {
        if (perCpuValues.size() != values.cpus)
            throw new IllegalArgumentException("map \"" + name() + "\" needs " + values.cpus + " values (one per possible CPU), got "
                    + perCpuValues.size());
        MapBuffers b = buffers.get();
        values.write(b, perCpuValues::get);
        return update(key, b, mode);
    }

    /** Removes the entry; false when there was none. Array maps cannot remove entries (put a zero value instead). */
    public boolean remove(K key) {
        if (calls.isArray())
            throw new UnsupportedOperationException("map \"" + name() + "\" is an array map: its entries always exist and cannot "
                    + "be removed; put a zero value instead (clear() does that for all of them)");
        MapBuffers b = buffers.get();
        writeKey(key, b);
        return calls.delete(b);
    }

    // ---- whole map: one walk each, not a snapshot, each key at most once --------------------------

    /** The keys one walk of the map found, each once, in the kernel's iteration order. */
    public List<K> keys() {
        List<K> out = new ArrayList<>();
        walk((k, v) -> out.add(keyCodec.read(k)));
        return out;
    }

    /** The values of {@link #entries}. */
    public List<V> values() {
        requireSingleValue("values()", "entriesPerCpu()");
        List<V> out = new ArrayList<>();
        walk((k, v) -> out.add(valueCodec.read(v)));
        return out;
    }

    /**
     * The entries one walk found, each key once. Uses {@code BPF_MAP_LOOKUP_BATCH} (a few calls for the whole map)
     * where the kernel supports it for this map type, else one {@code GET_NEXT_KEY} and one lookup per entry.
     * Per-CPU maps: use {@link #entriesPerCpu}.
     */
    public List<Map.Entry<K, V>> entries() {
        requireSingleValue("entries()", "entriesAggregated() or entriesPerCpu()");
        EntryCollector all = new EntryCollector(false);
        walk(all);
        return all.out;
    }

    /** The entries one walk found, each per-CPU value combined as {@link #getAggregated} does; other maps: {@link #entries}. */
    public List<Map.Entry<K, V>> entriesAggregated() {
        if (!perCpu) return entries();
        EntryCollector all = new EntryCollector(true);
        walk(all);
        return all.out;
    }

    public List<Map.Entry<K, List<V>>> entriesPerCpu() {
        List<Map.Entry<K, List<V>>> out = new ArrayList<>();
        walk((k, v) -> out.add(new AbstractMap.SimpleImmutableEntry<>(keyCodec.read(k), values.split(v))));
        return out;
    }

    /** Decodes each entry of one walk and hands it to {@code action} as it is read. */
    public void forEach(BiConsumer<? super K, ? super V> action) {
        requireSingleValue("forEach(..)", "entriesPerCpu()");
        walk((k, v) -> action.accept(keyCodec.read(k), valueCodec.read(v)));
    }

    /**
     * The fast path for large maps: hands each entry of one walk to {@code visitor} as views of the native buffers the
     * kernel copied it into, without decoding, boxing or copying (see {@link EntryVisitor}).
     */
    public void forEachRaw(EntryVisitor visitor) { walk(visitor); }

    /**
     * How whole-map reads walk this map: "program" (copied by a program the kernel runs once), "batch lookup" or
     * "get-next-key", with the reason when not by program, e.g. {@code batch lookup (not by program: the kernel hands a
     * program one CPU's value of a per-CPU map)}.
     */
    public String walkPath() { return walker.path(); }

    /**
     * New keys the object's programs tried to insert and the kernel refused because the map was full (the count the
     * probes jbpf translates keep, {@link org.jbpf.core.obj.MapInsertDrops}), over all CPUs; empty for a map that never
     * refuses keys (LRU, arrays) or whose object keeps no count (built by clang, or a pinned map opened on its own).
     */
    public java.util.OptionalLong refusedInserts() { return notice == null ? java.util.OptionalLong.empty() : notice.refused(name()); }

    /** Number of entries one walk found (for an array map: max_entries, since every index exists). */
    public int size() {
        if (calls.isArray()) return maxEntries();
        return walk(NO_VISIT);
    }

    /**
     * How full the map is: one walk counts its entries (an array map is not walked: every index exists). A hash map
     * that is {@link MapFill#isFull full} makes the kernel refuse new keys; a program's update of one fails and its data
     * is lost ({@link #refusedInserts} counts those). A map that refused keys is reported once on standard error
     * ({@link FullMapNotice}).
     */
    public MapFill fill() { return new MapFill(spec().type(), size(), maxEntries()); }

    /** {@link #fill()}'s ratio: the entries over max_entries, from 0 to 1. */
    public double fillRatio() { return fill().ratio(); }

    /** {@link #fill()}'s verdict: whether new keys are refused now. Never true for LRU maps (they evict) or arrays. */
    public boolean isFull() { return fill().isFull(); }

    /** Removes every entry; an array map has every value set to zero bytes instead. */
    public void clear() { calls.clear(buffers.get(), values.bytes()); }

    // ---- pinning --------------------------------------------------------------------------------

    /** Pins the map at {@code path} on a bpf file system (mounting /sys/fs/bpf if needed) so it outlives this process. */
    public void pin(Path path) {
        Tracefs.ensureBpffs(path);
        try {
            map.fd().syscalls().objPin(path.toString(), fdValue());
        } catch (BpfException e) {
            throw new BpfException("BPF_OBJ_PIN of map \"" + name() + "\" at " + path, e.errno());
        }
        pinnedAt = path;
    }

    /** Removes the pin made by {@link #pin}; the map itself lives on while anything holds it. */
    public void unpin() {
        Path p = pinnedAt;
        if (p != null) unpin(p);
        pinnedAt = null;
    }

    /** Removes a pin file; absent files are ignored. */
    public static void unpin(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (java.io.IOException e) {
            throw new BpfException("cannot remove pin " + path + ": " + e.getMessage(), e);
        }
    }

    /** Closes the fd of a map from {@link #openPinned}; maps of a {@code BPF} are closed by it, so this does nothing for them. */
    @Override public void close() { if (ownsFd) map.close(); }

    @Override public String toString() {
        return "BpfMap " + name() + " (" + MapTypes.name(spec().type()) + ", " + keyCodec.describe() + " -> " + valueCodec.describe() + ")";
    }

    // ---- raw operations -------------------------------------------------------------------------

    private void requireSingleValue(String op, String instead) {
        if (perCpu) throw new IllegalStateException("map \"" + name() + "\" is per-CPU, so " + op + " has no single value: use " + instead
                + ", which gives one value per CPU");
    }

    private int fdValue() { return map.fd().value(); }

    /** Visits every entry, then lets the notice read the map's count of refused inserts, so any read of the whole map reports them. */
    private int walk(EntryVisitor visitor) {
        int n = walker.walk(fdValue(), visitor);
        if (notice != null) notice.walked(spec());
        return n;
    }

    /** A walk that only counts. */
    private static final EntryVisitor NO_VISIT = new EntryVisitor() {
        @Override public void visit(ByteBuffer key, ByteBuffer value) {}
    };

    /**
     * The decoded entries of one walk, per-CPU values combined or not. A class, not a lambda, like the other pieces on
     * the path of a command that loads a probe and prints its maps: a lambda is linked the first time it runs.
     */
    private final class EntryCollector implements EntryVisitor {
        final List<Map.Entry<K, V>> out = new ArrayList<>();
        private final boolean aggregate;

        EntryCollector(boolean aggregate) { this.aggregate = aggregate; }

        @Override public void visit(ByteBuffer key, ByteBuffer value) {
            out.add(new AbstractMap.SimpleImmutableEntry<>(keyCodec.read(key), aggregate ? values.aggregate(value) : valueCodec.read(value)));
        }
    }

    /** Each thread's key and value buffers for this map (see {@link EntryCollector} on why not a lambda). */
    private static final class BuffersPerThread extends ThreadLocal<MapBuffers> {
        private final int keySize, valueBytes;

        BuffersPerThread(int keySize, int valueBytes) {
            this.keySize = keySize;
            this.valueBytes = valueBytes;
        }

        @Override protected MapBuffers initialValue() { return new MapBuffers(keySize, valueBytes); }
    }

    private void writeKey(K key, MapBuffers b) {
        Objects.requireNonNull(key, "key");
        keyCodec.write(key, b.key());
    }

    /** Looks {@code key} up into the thread's value buffer; false when absent. */
    private boolean lookup(K key, MapBuffers b) {
        writeKey(key, b);
        return calls.lookup(b);
    }

    private boolean update(K key, MapBuffers b, UpdateMode mode) {
        writeKey(key, b);
        return calls.update(b, mode, key);
    }
}
