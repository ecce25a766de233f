package org.jbpf.runtime;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.loader.LoadedMap;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.BpfSyscalls;
import org.jbpf.loader.sys.Errno;

/**
 * Walks every entry of one map. A map that holds many entries is copied by a program the kernel runs once
 * ({@link ProgramWalk}) where the kernel lets it; that walk's view of a map changing under it is described there. It
 * is the first walk of a map of {@value #PROGRAM_FIRST_WALK_ENTRIES} entries or more, and the walk after one that saw
 * {@value #PROGRAM_MIN_ENTRIES} entries or more: a map sized for many entries often holds few, and then a batch walk
 * costs less than setting the program up. Otherwise, where the kernel has {@code BPF_MAP_LOOKUP_BATCH} for the map type, entries come a chunk
 * at a time into native buffers each thread reuses, and the visitor reads them in place; a walk never restarts and
 * reports each key at most once. Otherwise it falls back to {@code GET_NEXT_KEY} plus a lookup per key, which in
 * a hash map restarts from the first key when the previous one was deleted under it: that walk remembers the keys it
 * reported and skips repeats, so it too reports each key at most once.
 */
final class MapWalker {
    /** Native bytes a chunk's keys and values may take; the entry count per call follows from it. */
    private static final int CHUNK_BYTES = 1 << 20, MIN_CHUNK = 64, MAX_CHUNK = 1 << 14;
    /**
     * Entries a walk must have seen for the next to go by program: the first walk by program creates an array, loads a
     * program and maps the array (kept with the map for later walks), which pays off once there are a thousand or so
     * entries to copy.
     */
    static final int PROGRAM_MIN_ENTRIES = 1024;
    /** Maps this large are walked by program from the first walk on. */
    static final int PROGRAM_FIRST_WALK_ENTRIES = 16384;
    /** The system property that, set to {@code false}, makes maps viewed from then on walk by batch. */
    static final String PROGRAM_PROPERTY = "jbpf.map.dumpProgram";

    private final BpfSyscalls sys;
    private final String name;
    private final int keySize, valueBytes, maxEntries;
    private final ThreadLocal<Chunk> chunks = new ThreadLocal<>();
    private volatile boolean batchUnsupported;
    /** The walk by program, shared by every view of the map, or null for a map never walked by program. */
    private final ProgramWalk program;

    /**
     * {@code valueBytes}: per entry in a walk's buffers (all CPUs' values of a per-CPU map); {@code program}: the map's
     * walk by program, tried first when the map qualifies ({@link #mayWalkByProgram}), or null for batch walks only.
     */
    MapWalker(BpfSyscalls sys, String name, int keySize, int valueBytes, int maxEntries, ProgramWalk program) {
        this.program = program;
        this.sys = sys;
        this.name = name;
        this.keySize = keySize;
        this.valueBytes = valueBytes;
        this.maxEntries = maxEntries;
    }

    /**
     * The walker of one view of {@code map}. Views share the map's walk by program (its {@link LoadedMap#companion}):
     * its program and array are made once and live as long as the map, however many views are made.
     */
    static MapWalker of(LoadedMap map, int keySize, int valueBytes) {
        MapSpec s = map.spec();
        BpfSyscalls sys = map.fd().syscalls();
        ProgramWalk program = mayWalkByProgram(s.maxEntries())
                ? map.companion(new ProgramWalk(sys, s.type(), keySize, s.valueSize(), valueBytes, s.maxEntries())) : null;
        return new MapWalker(sys, s.name(), keySize, valueBytes, s.maxEntries(), program);
    }

    /** Whether a map of {@code maxEntries} viewed now may be walked by program ({@link #PROGRAM_PROPERTY}, its size). */
    static boolean mayWalkByProgram(int maxEntries) {
        return !"false".equals(System.getProperty(PROGRAM_PROPERTY)) && maxEntries >= PROGRAM_MIN_ENTRIES;
    }

    /** Native buffers for one batch walk: the keys and values of a chunk and the two position tokens. */
    private static final class Chunk {
        final int entries;
        final Memory keys, values, tokenA, tokenB;
        final ByteBuffer keyView, valueView;
        boolean inUse;

        Chunk(int entries, int keySize, int valueBytes) {
            this.entries = entries;
            keys = new Memory((long) keySize * entries);
            values = new Memory((long) Math.max(valueBytes, 1) * entries);
            tokenA = new Memory(Math.max(keySize, 8));
            tokenB = new Memory(Math.max(keySize, 8));
            keyView = keys.getByteBuffer(0, keys.size()).order(ByteOrder.LITTLE_ENDIAN);
            valueView = values.getByteBuffer(0, values.size()).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** Visits every entry; returns how many it visited. */
    int walk(int fd, EntryVisitor visitor) {
        if (program != null && byProgramNext()) {
            int n = program.walk(fd, visitor);
            if (n >= 0) {
                walked(n, true);
                return n;
            }
        }
        if (!batchUnsupported) {
            int n = batch(fd, visitor);
            if (n >= 0) {
                walked(n, false);
                return n;
            }
            batchUnsupported = true;
        }
        // buffers of its own: the visitor may look entries up through the thread's element buffers
        int n = nextKeyWalk(fd, new MapBuffers(keySize, valueBytes), visitor);
        walked(n, false);
        return n;
    }

    private boolean byProgramNext() { return maxEntries >= PROGRAM_FIRST_WALK_ENTRIES || program.lastCount() >= PROGRAM_MIN_ENTRIES; }

    private void walked(int entries, boolean byProgram) {
        if (program != null) program.saw(entries, byProgram);
    }

    /**
     * How walks read this map: "program", "batch lookup" or "get-next-key", and why not by program once a walk has
     * found out (for a debug line).
     */
    String path() {
        String fallback = batchUnsupported ? "get-next-key" : "batch lookup";
        if (program == null)
            return fallback + (maxEntries < PROGRAM_MIN_ENTRIES ? " (fewer than " + PROGRAM_MIN_ENTRIES + " entries)"
                    : " (" + PROGRAM_PROPERTY + "=false)");
        String refusal = program.refusal();
        if (refusal != null) return fallback + " (not by program: " + refusal + ")";
        if (program.lastByProgram()) return "program";
        if (byProgramNext()) return "program from the next walk, where the kernel lets it";
        int last = program.lastCount();
        return fallback + (last < 0 ? " (no walk yet)" : " (the last walk saw " + last + " entries)");
    }

    private int firstChunk() {
        int perEntry = keySize + Math.max(valueBytes, 1);
        int n = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, CHUNK_BYTES / perEntry));
        return Math.max(1, Math.min(n, Math.max(1, maxEntries)));
    }

    /** The entries visited, or -1, having visited nothing, when the kernel has no batch lookup for this map. */
    private int batch(int fd, EntryVisitor visitor) {
        Chunk c = chunks.get();
        if (c == null || c.inUse) {
            boolean nested = c != null;  // a visitor walking the same map again gets buffers of its own
            c = new Chunk(firstChunk(), keySize, valueBytes);
            if (!nested) chunks.set(c);
        }
        c.inUse = true;
        try {
            int[] count = new int[1];
            Memory in = null, out = c.tokenA;
            boolean first = true;
            int visited = 0;
            while (true) {
                count[0] = c.entries;
                int err = sys.mapLookupBatch(fd, in, out, c.keys, c.values, count, 0);
                if (err == Errno.ENOSPC && c.entries < MAX_CHUNK * 64) {
                    // a hash bucket holds more entries than a chunk: grow this thread's buffers and ask again
                    Chunk bigger = new Chunk(c.entries * 4, keySize, valueBytes);
                    bigger.inUse = true;
                    if (chunks.get() == c) chunks.set(bigger);
                    c.inUse = false;
                    if (in != null) bigger.tokenB.write(0, in.getByteArray(0, (int) in.size()), 0, (int) in.size());
                    in = in == null ? null : bigger.tokenB;
                    out = bigger.tokenA;
                    c = bigger;
                    continue;
                }
                if (err != 0 && err != Errno.ENOENT) {
                    if (first && (err == Errno.EINVAL || err == Errno.ENOTSUPP || err == Errno.EOPNOTSUPP || err == Errno.ENOSYS))
                        return -1;
                    throw new BpfException("BPF_MAP_LOOKUP_BATCH of map \"" + name + "\"", err);
                }
                first = false;
                visitChunk(c, count[0], visitor);
                visited += count[0];
                if (err == Errno.ENOENT) return visited;
                // the kernel reads the position to go on from in_batch and writes the one after into out_batch
                in = out;
                out = out == c.tokenA ? c.tokenB : c.tokenA;
            }
        } finally {
            c.inUse = false;
        }
    }

    private void visitChunk(Chunk c, int n, EntryVisitor visitor) {
        ByteBuffer k = c.keyView.clear(), v = c.valueView.clear();
        for (int i = 0; i < n; i++) {
            k.limit((i + 1) * keySize).position(i * keySize);
            v.limit((i + 1) * valueBytes).position(i * valueBytes);
            visitor.visit(k, v);
        }
    }

    /** GET_NEXT_KEY and a lookup per key, skipping keys already reported when a deletion restarted the walk. */
    private int nextKeyWalk(int fd, MapBuffers b, EntryVisitor visitor) {
        Set<ByteBuffer> seen = new HashSet<>();
        boolean firstKey = true;
        int visited = 0;
        while (true) {
            int err = sys.mapGetNextKey(fd, firstKey ? null : b.key, b.nextKey);
            if (err == Errno.ENOENT) return visited;
            if (err != 0) throw new BpfException("BPF_MAP_GET_NEXT_KEY of map \"" + name + "\"", err);
            firstKey = false;
            b.advance();
            byte[] keyBytes = new byte[keySize];
            b.key().get(keyBytes);
            if (!seen.add(ByteBuffer.wrap(keyBytes))) continue;
            err = sys.mapLookupElem(fd, b.key, b.value, 0);
            if (err == Errno.ENOENT) continue;  // deleted between the two calls
            if (err != 0) throw new BpfException("BPF_MAP_LOOKUP_ELEM of map \"" + name + "\"", err);
            visitor.visit(b.key(), b.value());
            visited++;
        }
    }
}
