package org.jbpf.runtime;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.Cpus;
import org.jbpf.loader.LoadedMap;
import org.jbpf.loader.MapInfo;
import org.jbpf.loader.attach.Tracefs;
import org.jbpf.loader.sys.BpfAttr;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfCmd;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.Errno;
import org.jbpf.loader.sys.Fd;
import org.jbpf.loader.sys.Sys;

/**
 * A kernel map seen from Java, with keys and values converted by {@link Codec}s.
 *
 * <p><b>Concurrency.</b> Each single-key operation ({@link #get}, {@link #put}, {@link #remove}, {@link #containsKey})
 * is one bpf(2) call and atomic for that entry: a reader sees an entry's value either before or after a concurrent
 * update, never a mix, for values the kernel updates as a whole (a BPF program that writes a value's fields in place
 * through a pointer can be seen half-done). Whole-map operations ({@link #keys}, {@link #values}, {@link #entries},
 * {@link #size}, {@link #clear}, {@link #forEach}) are <i>not</i> snapshots: while BPF programs or other threads change
 * the map, an entry added or removed during the walk may or may not be seen, and in a hash map a key removed under the
 * walk can make the walk restart from the first key, so a key may be reported twice. Counting per-CPU maps avoids
 * lost updates between CPUs; read them with {@link #getPerCpu}. A {@code BpfMap} object keeps no mutable state of its
 * own and may be shared between threads; it stops working when its {@code BPF} (or, for an opened pinned map, the map
 * itself) is closed.
 */
public final class BpfMap<K, V> implements AutoCloseable {
    private static final int BATCH_CHUNK = 256;

    private final LoadedMap map;
    private final Codec<K> keyCodec;
    private final Codec<V> valueCodec;
    private final boolean ownsFd;
    private final boolean perCpu;
    private final int cpus;
    private final int stride;  // bytes of one CPU's value in a per-CPU buffer (value size rounded up to 8)
    private volatile boolean batchUnsupported;
    private volatile Path pinnedAt;

    private BpfMap(LoadedMap map, Codec<K> keyCodec, Codec<V> valueCodec, boolean ownsFd) {
        this.map = map;
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
        this.ownsFd = ownsFd;
        this.perCpu = MapTypes.isPerCpu(map.spec().type());
        this.cpus = perCpu ? Cpus.possible() : 1;
        this.stride = perCpu ? (map.spec().valueSize() + 7) / 8 * 8 : map.spec().valueSize();
    }

    /**
     * A view of {@code map}; checks the codecs' sizes against the map's and, when the map has BTF for a struct key or
     * value, that the Java struct's field names and offsets match it. {@code ownsFd}: close() closes the map's fd.
     */
    public static <K, V> BpfMap<K, V> of(LoadedMap map, Codec<K> key, Codec<V> value, boolean ownsFd) {
        MapSpec s = map.spec();
        if (key.size() != s.keySize())
            throw new IllegalArgumentException("map \"" + s.name() + "\" has " + s.keySize() + "-byte keys but the key type "
                    + key.describe() + " is " + key.size() + " bytes");
        if (value.size() != s.valueSize())
            throw new IllegalArgumentException("map \"" + s.name() + "\" has " + s.valueSize() + "-byte values but the value type "
                    + value.describe() + " is " + value.size() + " bytes");
        if (key instanceof StructCodec<?> sk) BtfCheck.check(s.name(), "key", sk.layout(), map.btf(), s.btfKeyType());
        if (value instanceof StructCodec<?> sv) BtfCheck.check(s.name(), "value", sv.layout(), map.btf(), s.btfValueType());
        return new BpfMap<>(map, key, value, ownsFd);
    }

    /** Opens a map pinned at {@code path} (a bpffs file); the returned map owns its fd: close it when done. */
    public static <K, V> BpfMap<K, V> openPinned(Path path, Codec<K> key, Codec<V> value) {
        if (!Files.exists(path)) throw new BpfException("no pinned map at " + path);
        Fd fd = Sys.bpfFd(BpfCmd.OBJ_GET, BpfAttrs.objGet(path.toString(), 0), "pinned map " + path,
                () -> "BPF_OBJ_GET of " + path);
        try {
            MapInfo info = MapInfo.of(fd);
            MapSpec spec = new MapSpec(info.name(), info.type(), info.keySize(), info.valueSize(), info.maxEntries(),
                    info.flags(), 0, 0);
            return of(new LoadedMap(spec, fd, null), key, value, true);
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

    // ---- single entries -------------------------------------------------------------------------

    /** The value under {@code key}, or null when there is none. Per-CPU maps: use {@link #getPerCpu}. */
    public V get(K key) {
        requireSingleValue("get(key)", "getPerCpu(key)");
        byte[] raw = lookupRaw(key);
        return raw == null ? null : valueCodec.read(le(raw));
    }

    /** One value for each possible CPU (index = CPU number), or null when the key is absent. */
    public List<V> getPerCpu(K key) {
        if (!perCpu) {
            V v = get(key);
            return v == null ? null : List.of(v);
        }
        byte[] raw = lookupRaw(key);
        return raw == null ? null : splitPerCpu(raw, 0);
    }

    public boolean containsKey(K key) { return lookupRaw(key) != null; }

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
        ByteBuffer buf = ByteBuffer.allocate(stride * cpus).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < cpus; c++) {
            buf.position(c * stride);
            valueCodec.write(value, buf);
        }
        return update(key, buf.array(), mode);
    }

    /** Writes one value per possible CPU. */
    public boolean putPerCpu(K key, List<V> values, UpdateMode mode) {
        if (values.size() != cpus)
            throw new IllegalArgumentException("map \"" + name() + "\" needs " + cpus + " values (one per possible CPU), got " + values.size());
        ByteBuffer buf = ByteBuffer.allocate(stride * cpus).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < cpus; c++) {
            buf.position(c * stride);
            valueCodec.write(values.get(c), buf);
        }
        return update(key, buf.array(), mode);
    }

    /** Removes the entry; false when there was none. Array maps cannot remove entries (put a zero value instead). */
    public boolean remove(K key) {
        if (isArray())
            throw new UnsupportedOperationException("map \"" + name() + "\" is an array map: its entries always exist and cannot "
                    + "be removed; put a zero value instead (clear() does that for all of them)");
        Memory k = keyMemory(key);
        int err = Sys.bpfErrno(BpfCmd.MAP_DELETE_ELEM, BpfAttrs.mapElem(fdValue(), k, null, 0));
        if (err == 0) return true;
        if (err == Errno.ENOENT) return false;
        throw new BpfException("BPF_MAP_DELETE_ELEM of map \"" + name() + "\"", err);
    }

    // ---- whole map ------------------------------------------------------------------------------

    /** All keys, in the kernel's iteration order. */
    public List<K> keys() {
        List<K> out = new ArrayList<>();
        byte[] prev = null;
        while (true) {
            byte[] next = nextKey(prev);
            if (next == null) return out;
            out.add(keyCodec.read(le(next)));
            prev = next;
        }
    }

    public List<V> values() {
        List<V> out = new ArrayList<>();
        for (Map.Entry<K, V> e : entries()) out.add(e.getValue());
        return out;
    }

    /**
     * All entries. Uses {@code BPF_MAP_LOOKUP_BATCH} (a few calls for the whole map) where the kernel supports it for
     * this map type, else one {@code GET_NEXT_KEY} and one lookup per entry. Per-CPU maps: use {@link #entriesPerCpu}.
     */
    public List<Map.Entry<K, V>> entries() {
        requireSingleValue("entries()", "entriesPerCpu()");
        List<Map.Entry<K, V>> out = new ArrayList<>();
        for (byte[][] kv : rawEntries()) out.add(new AbstractMap.SimpleImmutableEntry<>(keyCodec.read(le(kv[0])), valueCodec.read(le(kv[1]))));
        return out;
    }

    public List<Map.Entry<K, List<V>>> entriesPerCpu() {
        List<Map.Entry<K, List<V>>> out = new ArrayList<>();
        for (byte[][] kv : rawEntries()) out.add(new AbstractMap.SimpleImmutableEntry<>(keyCodec.read(le(kv[0])), splitPerCpu(kv[1], 0)));
        return out;
    }

    public void forEach(BiConsumer<? super K, ? super V> action) {
        for (Map.Entry<K, V> e : entries()) action.accept(e.getKey(), e.getValue());
    }

    /** Number of entries (for an array map: max_entries, since every index exists). */
    public int size() {
        if (isArray()) return maxEntries();
        int n = 0;
        byte[] prev = null;
        while ((prev = nextKey(prev)) != null) n++;
        return n;
    }

    /** Removes every entry; an array map has every value set to zero bytes instead. */
    public void clear() {
        if (isArray()) {
            byte[] zero = new byte[stride * cpus];
            for (int i = 0; i < maxEntries(); i++) update(keyCodec.read(le(intKey(i))), zero, UpdateMode.ANY);
            return;
        }
        byte[] k;
        while ((k = nextKey(null)) != null) {
            int err = Sys.bpfErrno(BpfCmd.MAP_DELETE_ELEM, BpfAttrs.mapElem(fdValue(), BpfAttr.copyOf(k), null, 0));
            if (err != 0 && err != Errno.ENOENT) throw new BpfException("BPF_MAP_DELETE_ELEM of map \"" + name() + "\"", err);
        }
    }

    // ---- pinning --------------------------------------------------------------------------------

    /** Pins the map at {@code path} on a bpf file system (mounting /sys/fs/bpf if needed) so it outlives this process. */
    public void pin(Path path) {
        Tracefs.ensureBpffs(path);
        Sys.bpf(BpfCmd.OBJ_PIN, BpfAttrs.objPin(path.toString(), fdValue()), () -> "BPF_OBJ_PIN of map \"" + name() + "\" at " + path);
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

    private boolean isArray() {
        int t = spec().type();
        return t == MapTypes.ARRAY || t == MapTypes.PERCPU_ARRAY;
    }

    private void requireSingleValue(String op, String instead) {
        if (perCpu) throw new IllegalStateException("map \"" + name() + "\" is per-CPU, so " + op + " has no single value: use " + instead
                + ", which gives one value per CPU");
    }

    private int fdValue() { return map.fd().value(); }

    private Memory keyMemory(K key) {
        Objects.requireNonNull(key, "key");
        ByteBuffer b = ByteBuffer.allocate(keyCodec.size()).order(ByteOrder.LITTLE_ENDIAN);
        keyCodec.write(key, b);
        return BpfAttr.copyOf(b.array());
    }

    private byte[] lookupRaw(K key) {
        Memory k = keyMemory(key);
        Memory v = new Memory((long) stride * cpus);
        int err = Sys.bpfErrno(BpfCmd.MAP_LOOKUP_ELEM, BpfAttrs.mapElem(fdValue(), k, v, 0));
        if (err == Errno.ENOENT) return null;
        if (err != 0) throw new BpfException("BPF_MAP_LOOKUP_ELEM of map \"" + name() + "\"", err);
        return v.getByteArray(0, stride * cpus);
    }

    private boolean update(K key, byte[] value, UpdateMode mode) {
        Memory k = keyMemory(key);
        int err = Sys.bpfErrno(BpfCmd.MAP_UPDATE_ELEM, BpfAttrs.mapElem(fdValue(), k, BpfAttr.copyOf(value), mode.flag));
        if (err == 0) return true;
        if (err == Errno.EEXIST && mode == UpdateMode.NOEXIST) return false;
        if (err == Errno.ENOENT && mode == UpdateMode.EXIST) return false;
        if (err == Errno.E2BIG) {
            if (isArray())
                throw new BpfException("BPF_MAP_UPDATE_ELEM of array map \"" + name() + "\"", err,
                        "index " + key + " is out of range (max_entries " + maxEntries() + ")");
            throw new MapFullException(name(), maxEntries());
        }
        throw new BpfException("BPF_MAP_UPDATE_ELEM of map \"" + name() + "\"", err);
    }

    /** The key after {@code prev} (the first key when null), or null at the end. */
    private byte[] nextKey(byte[] prev) {
        Memory next = new Memory(keyCodec.size());
        int err = Sys.bpfErrno(BpfCmd.MAP_GET_NEXT_KEY,
                BpfAttrs.mapElem(fdValue(), prev == null ? null : BpfAttr.copyOf(prev), next, 0));
        if (err == Errno.ENOENT) return null;
        if (err != 0) throw new BpfException("BPF_MAP_GET_NEXT_KEY of map \"" + name() + "\"", err);
        return next.getByteArray(0, keyCodec.size());
    }

    /** Key and value bytes of every entry. */
    private List<byte[][]> rawEntries() {
        if (!batchUnsupported) {
            List<byte[][]> batched = batchEntries();
            if (batched != null) return batched;
            batchUnsupported = true;
        }
        List<byte[][]> out = new ArrayList<>();
        byte[] prev = null;
        while (true) {
            byte[] k = nextKey(prev);
            if (k == null) return out;
            Memory v = new Memory((long) stride * cpus);
            int err = Sys.bpfErrno(BpfCmd.MAP_LOOKUP_ELEM, BpfAttrs.mapElem(fdValue(), BpfAttr.copyOf(k), v, 0));
            if (err == 0) out.add(new byte[][] {k, v.getByteArray(0, stride * cpus)});
            else if (err != Errno.ENOENT) throw new BpfException("BPF_MAP_LOOKUP_ELEM of map \"" + name() + "\"", err);
            prev = k;
        }
    }

    /** Entries through BPF_MAP_LOOKUP_BATCH, or null when the kernel has no batch lookup for this map. */
    private List<byte[][]> batchEntries() {
        int keySize = keyCodec.size(), valueSize = stride * cpus;
        int chunk = Math.min(BATCH_CHUNK, Math.max(1, maxEntries()));
        List<byte[][]> out = new ArrayList<>();
        Memory in = null;
        Memory token = new Memory(Math.max(keySize, 8));
        boolean first = true;
        while (true) {
            Memory keys = new Memory((long) keySize * chunk), values = new Memory((long) valueSize * chunk);
            BpfAttr attr = BpfAttrs.batch(fdValue(), in, token, keys, values, chunk, 0);
            int err = Sys.bpfErrno(BpfCmd.MAP_LOOKUP_BATCH, attr);
            if (err == Errno.ENOSPC && chunk < (1 << 20)) { chunk *= 2; continue; }  // a hash bucket larger than the chunk
            if (err != 0 && err != Errno.ENOENT) {
                if (first && (err == Errno.EINVAL || err == Errno.ENOTSUPP || err == Errno.EOPNOTSUPP || err == Errno.ENOSYS)) return null;
                throw new BpfException("BPF_MAP_LOOKUP_BATCH of map \"" + name() + "\"", err);
            }
            int n = BpfAttrs.batchCount(attr);
            for (int i = 0; i < n; i++)
                out.add(new byte[][] {keys.getByteArray((long) i * keySize, keySize), values.getByteArray((long) i * valueSize, valueSize)});
            if (err == Errno.ENOENT) return out;
            first = false;
            // the kernel reads the next position from in_batch and writes the one after into out_batch
            Memory next = new Memory(token.size());
            next.write(0, token.getByteArray(0, (int) token.size()), 0, (int) token.size());
            in = next;
        }
    }

    private List<V> splitPerCpu(byte[] raw, int offset) {
        List<V> out = new ArrayList<>(cpus);
        ByteBuffer b = le(raw);
        for (int c = 0; c < cpus; c++) {
            b.position(offset + c * stride);
            out.add(valueCodec.read(b));
        }
        return Collections.unmodifiableList(out);
    }

    private byte[] intKey(int i) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(i).array();
    }

    private static ByteBuffer le(byte[] b) { return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN); }
}
