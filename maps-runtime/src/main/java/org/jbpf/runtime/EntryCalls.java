package org.jbpf.runtime;

import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.LoadedMap;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.BpfSyscalls;
import org.jbpf.loader.sys.Errno;

/**
 * The bpf(2) calls on one entry of one map, on keys and values already encoded in a thread's {@link MapBuffers}, and
 * what each kernel error means for that map: an absent key is an answer, a full map a {@link MapFullException}, an
 * index past an array's end says so, anything else a {@link BpfException} naming the call and the map.
 */
final class EntryCalls {
    private final LoadedMap map;
    private final BpfSyscalls sys;

    EntryCalls(LoadedMap map) {
        this.map = map;
        this.sys = map.fd().syscalls();
    }

    private String name() { return map.spec().name(); }

    private int fd() { return map.fd().value(); }

    /** Whether the map is an array (every index exists, none can be removed). */
    boolean isArray() {
        int t = map.spec().type();
        return t == MapTypes.ARRAY || t == MapTypes.PERCPU_ARRAY;
    }

    /** Looks the encoded key up into the value buffer; false when absent. */
    boolean lookup(MapBuffers b) {
        int err = sys.mapLookupElem(fd(), b.key, b.value, 0);
        if (err == Errno.ENOENT) return false;
        if (err != 0) throw new BpfException("BPF_MAP_LOOKUP_ELEM of map \"" + name() + "\"", err);
        return true;
    }

    /**
     * Writes the encoded entry as {@code mode} says; false when the mode's condition on the key's presence fails.
     * {@code key} only names the index in an array's out-of-range message.
     */
    boolean update(MapBuffers b, UpdateMode mode, Object key) {
        int err = sys.mapUpdateElem(fd(), b.key, b.value, mode.flag);
        if (err == 0) return true;
        if (err == Errno.EEXIST && mode == UpdateMode.NOEXIST) return false;
        if (err == Errno.ENOENT && mode == UpdateMode.EXIST) return false;
        MapSpec s = map.spec();
        if (err == Errno.E2BIG) {
            if (isArray())
                throw new BpfException("BPF_MAP_UPDATE_ELEM of array map \"" + name() + "\"", err,
                        "index " + key + " is out of range (max_entries " + s.maxEntries() + ")");
            throw new MapFullException(name(), s.maxEntries());
        }
        String slot = SlotErrors.explain(s.type(), err);
        if (slot != null) throw new BpfException("BPF_MAP_UPDATE_ELEM of map \"" + name() + "\"", err, slot);
        throw new BpfException("BPF_MAP_UPDATE_ELEM of map \"" + name() + "\"", err);
    }

    /** Removes the encoded key; false when there was none. */
    boolean delete(MapBuffers b) {
        int err = sys.mapDeleteElem(fd(), b.key);
        if (err == 0) return true;
        if (err == Errno.ENOENT) return false;
        throw new BpfException("BPF_MAP_DELETE_ELEM of map \"" + name() + "\"", err);
    }

    /**
     * Empties the map: a hash-like map loses every key, an array has each of its {@code valueBytes}-byte values set
     * to zero bytes.
     */
    void clear(MapBuffers b, long valueBytes) {
        if (isArray()) {
            b.value.clear(valueBytes);
            for (int i = 0; i < map.spec().maxEntries(); i++) {
                b.key().putInt(i);
                int err = sys.mapUpdateElem(fd(), b.key, b.value, UpdateMode.ANY.flag);
                if (err != 0) throw new BpfException("BPF_MAP_UPDATE_ELEM of map \"" + name() + "\"", err);
            }
            return;
        }
        while (true) {
            int err = sys.mapGetNextKey(fd(), null, b.nextKey);
            if (err == Errno.ENOENT) return;
            if (err != 0) throw new BpfException("BPF_MAP_GET_NEXT_KEY of map \"" + name() + "\"", err);
            err = sys.mapDeleteElem(fd(), b.nextKey);
            if (err != 0 && err != Errno.ENOENT) throw new BpfException("BPF_MAP_DELETE_ELEM of map \"" + name() + "\"", err);
        }
    }
}
