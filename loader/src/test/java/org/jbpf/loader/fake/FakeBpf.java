package org.jbpf.loader.fake;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.Cpus;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfCmd;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.BpfSyscalls;
import org.jbpf.loader.sys.Errno;
import org.jbpf.loader.sys.Fd;

/**
 * A kernel in memory behind the {@link BpfSyscalls} seam, for unit tests that need no root: maps hold their entries
 * in insertion order and answer element, get-next-key (restarting from the first key when the given key is gone, as
 * a hash map does) and batch commands; programs and BTF are accepted or refused by rules a test sets, with the
 * verifier log it chooses. Every command is recorded by name so a test can assert the sequence of calls, and every fd
 * handed out must be closed exactly once.
 */
public final class FakeBpf implements BpfSyscalls {
    /** A map's state. */
    public static final class FakeMap {
        public final int type, keySize, valueSize, maxEntries, valueBytes;
        public final String name;
        public final boolean withBtf;
        public final LinkedHashMap<ByteBuffer, byte[]> entries = new LinkedHashMap<>();

        FakeMap(int type, int keySize, int valueSize, int maxEntries, String name, boolean withBtf) {
            this.type = type;
            this.keySize = keySize;
            this.valueSize = valueSize;
            this.maxEntries = maxEntries;
            this.name = name;
            this.withBtf = withBtf;
            this.valueBytes = MapTypes.isPerCpu(type) ? (valueSize + 7) / 8 * 8 * Cpus.possible() : valueSize;
        }

        boolean isArray() { return type == MapTypes.ARRAY || type == MapTypes.PERCPU_ARRAY; }
    }

    private record FakeObject(ObjectKind kind, FakeMap map) {}

    private final Map<Integer, FakeObject> open = new TreeMap<>();
    private final Map<String, FakeObject> pins = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int nextFd = 1000;

    /** errno for a BTF load (0: accept); the log written when the load asks for one. */
    public int btfErrno;
    public String btfLog = "";
    /** errno for a map create with BTF types (0: accept). */
    public int mapBtfErrno;
    /** errno for a program load (0: accept), decided per attempt. */
    public ToIntFunction<BpfAttrs.ProgLoad> progLoadErrno = attr -> 0;
    /** The verifier log of a refused load; longer than the caller's buffer gives ENOSPC, as the kernel does. */
    public String verifierLog = "";
    /** Whether maps can be mapped (their memory is not the map's here: nothing writes it). */
    public boolean mapsMaps;
    private final Map<Long, Pointer> mapped = new HashMap<>();
    /** errno of a batch lookup (e.g. EINVAL for a kernel without it), 0: supported. */
    public int batchErrno;
    /** Entries per batch call below which a batch lookup answers ENOSPC, like a hash bucket larger than the chunk. */
    public int batchMinChunk;
    /** Called after each GET_NEXT_KEY, e.g. to delete keys as a probe would during a walk. */
    public Runnable afterNextKey = () -> {};
    /** The key the last GET_NEXT_KEY returned. */
    public ByteBuffer lastNextKey;

    /** Commands issued so far, e.g. {@code BPF_PROG_LOAD+line_info}. */
    public List<String> calls() { return List.copyOf(calls); }

    public long count(String call) { return calls.stream().filter(call::equals).count(); }

    /** Descriptors handed out and not closed. */
    public List<Integer> openFds() { return List.copyOf(open.keySet()); }

    /** Double closes and unknown descriptors seen. */
    public List<String> problems() { return List.copyOf(problems); }

    /** The map behind {@code fd}. */
    public FakeMap map(int fd) { return open.get(fd).map(); }

    /** Puts an object of {@code kind} at {@code path} as if it had been pinned earlier. */
    public void pinned(String path, ObjectKind kind, FakeMap map) { pins.put(path, new FakeObject(kind, map)); }

    public FakeMap newMap(int type, int keySize, int valueSize, int maxEntries, String name) {
        return new FakeMap(type, keySize, valueSize, maxEntries, name, false);
    }

    private Fd fd(FakeObject o, String what) {
        int n = nextFd++;
        open.put(n, o);
        return new Fd(n, what, this);
    }

    private FakeMap mapOf(int fd) {
        FakeObject o = open.get(fd);
        if (o == null || o.map() == null) {
            problems.add("map command on fd " + fd);
            return null;
        }
        return o.map();
    }

    private static ByteBuffer read(Pointer p, int size) { return ByteBuffer.wrap(p.getByteArray(0, size)); }

    @Override public Fd mapCreate(int type, int keySize, int valueSize, int maxEntries, int flags, String name, int btfFd,
                                  int btfKeyType, int btfValueType) {
        calls.add("BPF_MAP_CREATE" + (btfFd != 0 ? "+btf" : ""));
        if (btfFd != 0 && mapBtfErrno != 0) throw new BpfException("BPF_MAP_CREATE of map \"" + name + "\"", mapBtfErrno);
        return fd(new FakeObject(ObjectKind.MAP, new FakeMap(type, keySize, valueSize, maxEntries, name, btfFd != 0)), "map " + name);
    }

    @Override public int mapLookupElem(int mapFd, Pointer key, Pointer value, long flags) {
        FakeMap m = mapOf(mapFd);
        if (m == null) return Errno.EBADF;
        byte[] v = m.entries.get(read(key, m.keySize));
        if (v == null && m.isArray()) v = new byte[m.valueBytes];
        if (v == null) return Errno.ENOENT;
        value.write(0, v, 0, v.length);
        return 0;
    }

    @Override public int mapUpdateElem(int mapFd, Pointer key, Pointer value, long flags) {
        FakeMap m = mapOf(mapFd);
        if (m == null) return Errno.EBADF;
        ByteBuffer k = read(key, m.keySize);
        boolean present = m.entries.containsKey(k);
        if (flags == 1 && present) return Errno.EEXIST;
        if (flags == 2 && !present) return Errno.ENOENT;
        if (!present && m.entries.size() >= m.maxEntries) return Errno.E2BIG;
        m.entries.put(k, value.getByteArray(0, m.valueBytes));
        return 0;
    }

    @Override public int mapDeleteElem(int mapFd, Pointer key) {
        FakeMap m = mapOf(mapFd);
        if (m == null) return Errno.EBADF;
        if (m.isArray()) return Errno.EINVAL;
        return m.entries.remove(read(key, m.keySize)) != null ? 0 : Errno.ENOENT;
    }

    @Override public int mapGetNextKey(int mapFd, Pointer key, Pointer nextKey) {
        calls.add("BPF_MAP_GET_NEXT_KEY");
        FakeMap m = mapOf(mapFd);
        if (m == null) return Errno.EBADF;
        List<ByteBuffer> keys = new ArrayList<>(m.entries.keySet());
        int at = key == null ? -1 : keys.indexOf(read(key, m.keySize));
        // a hash map restarts from its first key when the given key is gone
        int next = at + 1;
        try {
            if (next >= keys.size()) return Errno.ENOENT;
            nextKey.write(0, keys.get(next).array(), 0, m.keySize);
            lastNextKey = keys.get(next);
            return 0;
        } finally {
            afterNextKey.run();
        }
    }

    @Override public int mapLookupBatch(int mapFd, Pointer inBatch, Pointer outBatch, Pointer keys, Pointer values, int[] count,
                                        long elemFlags) {
        calls.add("BPF_MAP_LOOKUP_BATCH");
        if (batchErrno != 0) return batchErrno;
        FakeMap m = mapOf(mapFd);
        if (m == null) return Errno.EBADF;
        if (count[0] < batchMinChunk) return Errno.ENOSPC;
        int from = inBatch == null ? 0 : inBatch.getInt(0);
        List<Map.Entry<ByteBuffer, byte[]>> all = new ArrayList<>(m.entries.entrySet());
        int n = 0;
        for (int i = from; i < all.size() && n < count[0]; i++, n++) {
            keys.write((long) n * m.keySize, all.get(i).getKey().array(), 0, m.keySize);
            values.write((long) n * m.valueBytes, all.get(i).getValue(), 0, m.valueBytes);
        }
        count[0] = n;
        outBatch.setInt(0, from + n);
        return from + n >= all.size() ? Errno.ENOENT : 0;
    }

    /** Programs are not run and maps not mapped here: a walk that wants them falls back to the batch lookup. */
    @Override public int progRunOnce(int progFd) {
        calls.add("BPF_PROG_TEST_RUN");
        throw new BpfException("BPF_PROG_TEST_RUN", Errno.EOPNOTSUPP);
    }

    @Override public Pointer mapMmap(int mapFd, long length) {
        calls.add("mmap");
        if (!mapsMaps) throw new BpfException("mmap of map fd " + mapFd, Errno.ENODEV);
        com.sun.jna.Memory memory = new com.sun.jna.Memory(length);
        memory.clear();
        mapped.put(Pointer.nativeValue(memory), memory);
        return memory;
    }

    @Override public void munmap(Pointer address, long length) {
        calls.add("munmap");
        if (mapped.remove(Pointer.nativeValue(address)) == null) problems.add("munmap of memory never mapped");
    }

    /** Memory handed out by {@link #mapMmap} and not unmapped yet. */
    public int mappings() { return mapped.size(); }

    @Override public Fd progLoad(BpfAttrs.ProgLoad attr) {
        String call = "BPF_PROG_LOAD" + (attr.btfFd() != 0 ? "+btf" : "") + (attr.lineInfoCount() > 0 ? "+line_info" : "")
                + (attr.logBuf() != null ? "+log" + attr.logSize() : "");
        calls.add(call);
        int err = progLoadErrno.applyAsInt(attr);
        if (err == 0) return fd(new FakeObject(ObjectKind.PROGRAM, null), "program " + attr.name());
        if (attr.logBuf() != null && attr.logLevel() > 0) {
            byte[] text = verifierLog.getBytes(StandardCharsets.UTF_8);
            int n = Math.min(text.length, attr.logSize() - 1);
            attr.logBuf().write(0, text, 0, n);
            attr.logBuf().setByte(n, (byte) 0);
            if (text.length >= attr.logSize()) err = Errno.ENOSPC;
        }
        throw new BpfException("BPF_PROG_LOAD of program \"" + attr.name() + "\"", err);
    }

    @Override public Fd btfLoad(Pointer btf, int size, Pointer log, int logSize, int logLevel) {
        calls.add("BPF_BTF_LOAD" + (log != null ? "+log" : ""));
        if (btfErrno == 0) return fd(new FakeObject(ObjectKind.BTF, null), "BTF");
        if (log != null) {
            byte[] text = btfLog.getBytes(StandardCharsets.UTF_8);
            log.write(0, text, 0, Math.min(text.length, logSize - 1));
        }
        throw new BpfException("BPF_BTF_LOAD", btfErrno);
    }

    @Override public void mapFreeze(int mapFd) {
        calls.add("BPF_MAP_FREEZE");
        if (mapOf(mapFd) == null) throw new BpfException(BpfCmd.name(BpfCmd.MAP_FREEZE), Errno.EBADF);
    }

    @Override public void objPin(String path, int fd) {
        calls.add("BPF_OBJ_PIN");
        pins.put(path, open.get(fd));
    }

    @Override public Fd objGet(String path, int fileFlags) {
        calls.add("BPF_OBJ_GET");
        FakeObject o = pins.get(path);
        if (o == null) throw new BpfException("BPF_OBJ_GET of " + path, Errno.EACCES);  // what the kernel says for a non-bpffs file
        return fd(o, "pinned object " + path);
    }

    @Override public void objGetInfoByFd(int fd, Pointer info, int infoLen) {
        calls.add("BPF_OBJ_GET_INFO_BY_FD");
        FakeObject o = open.get(fd);
        if (o == null) throw new BpfException(BpfCmd.name(BpfCmd.OBJ_GET_INFO_BY_FD), Errno.EBADF);
        if (o.map() == null) return;
        FakeMap m = o.map();
        info.setInt(0, m.type);
        info.setInt(8, m.keySize);
        info.setInt(12, m.valueSize);
        info.setInt(16, m.maxEntries);
        byte[] name = m.name.getBytes(StandardCharsets.US_ASCII);
        info.write(24, name, 0, Math.min(name.length, 15));
    }

    @Override public ObjectKind objectKind(int fd) {
        FakeObject o = open.get(fd);
        return o == null ? ObjectKind.OTHER : o.kind();
    }

    @Override public void close(int fd) {
        if (open.remove(fd) == null) problems.add("close of fd " + fd + ", which is not open");
    }
}
