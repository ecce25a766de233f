package org.jbpf.runtime;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.LoggedLoad;
import org.jbpf.loader.sys.BpfAttr;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.BpfSyscalls;
import org.jbpf.loader.sys.Errno;
import org.jbpf.loader.sys.Fd;
import org.jbpf.loader.sys.Sys;

/**
 * Walks one map by running a {@link DumpProgram} once in the kernel: it copies every entry into an array created
 * {@code BPF_F_MMAPABLE}, which Java then reads in place through a read-only mapping. One {@code BPF_PROG_TEST_RUN}
 * replaces a batch lookup's locking and copying out once per hash bucket (about once per entry), and nothing is copied
 * between kernel and user memory at all. The first walk creates the array, maps it and loads the program; later walks
 * only run the program again. This object is the map's {@linkplain org.jbpf.loader.LoadedMap#companion companion}:
 * the array and program (which holds the map in the kernel) are closed with the map, so nothing holds the map once it
 * is closed. The copy takes about as much kernel memory as the map's own entries while the map is open.
 *
 * <p>A walk that finds the kept copy in use (another thread walking, or a visitor walking the same map again) makes a
 * copy of its own for that walk and closes it after. Per-CPU maps are copied too: the kernel hands the callback the
 * running CPU's value only, so the callback looks the key up on each possible CPU (Linux 5.19). Maps it does not take,
 * each remembered with the reason ({@link #refusal}), go by batch: maps whose output would pass
 * {@value #MAX_OUTPUT_BYTES} bytes, values the verifier will not let a program copy (spin locks, timers), and kernels
 * or users that may not load or run the program (running a program on request needs Linux 5.10, CAP_BPF and
 * CAP_PERFMON).
 *
 * <p>What a walk sees of a map that changes under it: the kernel walks a hash map bucket by bucket under RCU without
 * taking the buckets' locks, and hands the callback the live key and value, as a BPF program's lookup would. An entry
 * added or removed during the walk may or may not be seen; a value written in place during the copy can be seen half
 * written. The kernel may reuse an element that a delete or an update frees under the walk for another key, even of
 * another bucket, which the walk then follows: the program counts no record whose element's key changed while it
 * copied it (the value could be the other key's), and Java hands each key out once ({@link RecordKeys}). A value copied
 * while the kernel reuses its element for the same key, or writes a new key into it just before the copy, can still
 * mix two values: where that matters under changes, walk by batch, which copies each bucket under its lock.
 */
final class ProgramWalk implements AutoCloseable {
    /**
     * {@code BPF_PROG_TYPE_RAW_TRACEPOINT}: never attached here, it runs once on request through
     * {@code BPF_PROG_TEST_RUN} with no input (Linux 5.10).
     */
    static final int RAW_TRACEPOINT_PROGRAM = 17;
    /** The largest output array a walk creates; larger maps go by batch. */
    static final long MAX_OUTPUT_BYTES = 64L << 20;
    private static final int LOG_BYTES = 1 << 16;

    private final BpfSyscalls sys;
    private final int keySize, valueSize, valueBytes, cpus, record, capacity;
    /** Whether a walk can meet a key twice (a hash map's element reused under it), so keys are checked. */
    private final boolean keysOnce;
    private final long length;
    private volatile String refusal;
    /** Entries the map's last walk saw, by whatever path (-1 before the first), and whether this program did it. */
    private volatile int lastCount = -1;
    private volatile boolean lastByProgram;
    /** The copy kept for later walks (null before the first), whether a walk is using it, and whether the map closed. */
    private Copy kept;
    private boolean keptBusy, closed;

    /**
     * {@code valueSize}: the map's; {@code valueBytes}: what a walk hands the visitor (for a per-CPU map one slot per
     * possible CPU, each {@code valueSize} rounded up to 8).
     */
    ProgramWalk(BpfSyscalls sys, int type, int keySize, int valueSize, int valueBytes, int maxEntries) {
        this.sys = sys;
        this.keySize = keySize;
        this.valueSize = valueSize;
        this.valueBytes = valueBytes;
        this.cpus = MapTypes.isPerCpu(type) ? valueBytes / ((valueSize + 7) / 8 * 8) : 0;
        this.record = (keySize + valueBytes + 7) / 8 * 8;  // an array element's size
        this.keysOnce = type != MapTypes.ARRAY && type != MapTypes.PERCPU_ARRAY;  // an array's walk goes by index
        this.capacity = maxEntries;
        this.length = ((long) record * capacity + Sys.pageSize() - 1) / Sys.pageSize() * Sys.pageSize();
        if ((long) record * maxEntries > MAX_OUTPUT_BYTES)
            refusal = "its copy would take more than " + (MAX_OUTPUT_BYTES >> 20) + " MB";
    }

    /** Why this map is walked by batch, or null while the program walks it (or has not been tried). */
    String refusal() { return refusal; }

    /** Remembers what a walk of the map, by program or not, saw: the next walk chooses its path from it. */
    void saw(int entries, boolean byProgram) {
        lastCount = entries;
        lastByProgram = byProgram;
    }

    int lastCount() { return lastCount; }

    boolean lastByProgram() { return lastByProgram; }

    /** The output array, its read-only mapping and the program that fills it, for one map. */
    private final class Copy {
        final Fd out, program;
        final Pointer mapping;
        final ByteBuffer records;
        final RecordKeys keys = new RecordKeys(keySize, record);

        Copy(Fd out, Fd program, Pointer mapping) {
            this.out = out;
            this.program = program;
            this.mapping = mapping;
            this.records = mapping.getByteBuffer(0, length).order(ByteOrder.LITTLE_ENDIAN);
        }

        void release() { ProgramWalk.this.release(out, program, mapping); }
    }

    /** Visits every entry and returns how many; -1, having visited nothing, when the program cannot walk this map. */
    int walk(int mapFd, EntryVisitor visitor) {
        if (refusal != null) return -1;
        Copy copy = take();
        if (copy == null) {
            copy = make(mapFd);
            if (copy == null) return -1;
        }
        int entries;
        try {
            entries = sys.progRunOnce(copy.program.value());
        } catch (BpfException e) {
            drop(copy);
            if (refusal == null && !passing(e.errno())) refusal = e.getMessage();
            return -1;
        }
        try {
            int n = Math.min(entries, capacity);
            return visit(copy.records.duplicate().order(ByteOrder.LITTLE_ENDIAN), n, keysOnce ? copy.keys : null, visitor);
        } finally {
            give(copy);
        }
    }

    /** The kept copy, now in use by the caller, or null when there is none or another walk is using it. */
    private synchronized Copy take() {
        if (kept == null || keptBusy) return null;
        keptBusy = true;
        return kept;
    }

    /** Hands a copy back after a walk: kept for the next walk when none is kept yet and the map is open, else released. */
    private void give(Copy copy) {
        synchronized (this) {
            if (copy == kept) {
                keptBusy = false;
                if (!closed) return;
                kept = null;
            } else if (kept == null && !closed) {
                kept = copy;
                return;
            }
        }
        copy.release();
    }

    /** Releases a copy that failed to run; the kept one is made again at the next walk. */
    private void drop(Copy copy) {
        synchronized (this) {
            if (copy == kept) {
                kept = null;
                keptBusy = false;
            }
        }
        copy.release();
    }

    /** Closes the kept copy now, or when the walk using it ends; walks from now on keep nothing. */
    @Override public void close() {
        Copy free;
        synchronized (this) {
            closed = true;
            free = keptBusy ? null : kept;
            if (free != null) kept = null;
        }
        if (free != null) free.release();
    }

    /** Creates the output array, maps it and loads the program; null, with nothing left open, when that fails. */
    private Copy make(int mapFd) {
        Fd out = null, program = null;
        Pointer mapping = null;
        try {
            out = sys.mapCreate(MapTypes.ARRAY, 4, record, capacity, GlobalData.F_MMAPABLE, "jbpf_dump", 0, 0, 0);
            mapping = sys.mapMmap(out.value(), length);
            program = load(mapFd, out.value());
            return new Copy(out, program, mapping);
        } catch (BpfException e) {
            release(out, program, mapping);
            if (refusal == null && !passing(e.errno())) refusal = e.getMessage();
            return null;
        }
    }

    /** Loads the program with its BTF (a program with a callback needs func_info); the BTF is closed once it is in. */
    private Fd load(int mapFd, int outFd) {
        byte[] code = Insn.encode(DumpProgram.instructions(mapFd, outFd, keySize, valueSize, cpus, keysOnce));
        byte[] types = DumpProgram.btf();
        try (Fd btf = sys.btfLoad(BpfAttr.copyOf(types), types.length, null, 0, 0)) {
            BpfAttrs.ProgLoad attr = new BpfAttrs.ProgLoad().type(RAW_TRACEPOINT_PROGRAM)
                    .insns(BpfAttr.copyOf(code), code.length / 8).license("GPL").name("jbpf_dump")
                    .btf(btf.value()).funcInfo(BpfAttr.copyOf(DumpProgram.funcInfo()), 2);
            try {
                return sys.progLoad(attr);
            } catch (BpfException e) {
                refusal = e.errno() == Errno.EPERM ? "loading the dump program needs CAP_BPF and CAP_PERFMON (root)"
                        : "the kernel refused the dump program (" + Errno.name(e.errno()) + ": " + verifierSays(attr) + ")";
                throw e;
            }
        }
    }

    /** The verifier's last words on a refused load, from loading it again with a log (e.g. a value's spin lock). */
    private String verifierSays(BpfAttrs.ProgLoad attr) {
        LoggedLoad again = LoggedLoad.of(sys, attr, LOG_BYTES, LOG_BYTES);
        if (again.loaded()) return "loaded when asked again";
        String last = again.lastWords();
        return last.isEmpty() ? "no verifier log" : last;
    }

    /** Errors worth trying again at the next walk: the kernel was short of memory or descriptors. */
    private static boolean passing(int errno) {
        return errno == Errno.ENOMEM || errno == Errno.EMFILE || errno == Errno.ENFILE || errno == Errno.EAGAIN
                || errno == Errno.EINTR;
    }

    private void release(Fd out, Fd program, Pointer mapping) {
        if (mapping != null) sys.munmap(mapping, length);
        if (program != null) program.close();
        if (out != null) out.close();
    }

    /** Visits the records, each key once when {@code keys} checks them; returns how many were visited. */
    private int visit(ByteBuffer k, int entries, RecordKeys keys, EntryVisitor visitor) {
        ByteBuffer v = k.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer all = k.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (keys != null) keys.reset(entries);
        int visited = 0;
        for (int i = 0, at = 0; i < entries; i++, at += record) {
            if (keys != null && !keys.add(all, i)) continue;
            k.limit(at + keySize).position(at);
            v.limit(at + keySize + valueBytes).position(at + keySize);
            visitor.visit(k, v);
            visited++;
        }
        return visited;
    }
}
