package org.jbpf.runtime;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.sys.BpfAttr;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.BpfSyscalls;
import org.jbpf.loader.sys.Errno;
import org.jbpf.loader.sys.Fd;
import org.jbpf.loader.sys.Sys;

/**
 * Walks one map by running a {@link DumpProgram} once in the kernel: it copies every entry into an array created
 * {@code BPF_F_MMAPABLE} for this walk, which Java then reads in place through a read-only mapping. One
 * {@code BPF_PROG_TEST_RUN} replaces a batch lookup's locking and copying out once per hash bucket (about once per
 * entry), and nothing is copied between kernel and user memory at all. Each walk creates the array and loads the
 * program and closes both when done, so nothing outlives the walk and no program holds the map afterwards.
 *
 * <p>Per-CPU maps are copied too: the kernel hands the callback the running CPU's value only, so the callback looks
 * the key up on each possible CPU (Linux 5.19). Maps it does not take, each remembered with the reason
 * ({@link #refusal}), go by batch: maps whose output would pass {@value #MAX_OUTPUT_BYTES} bytes, values the
 * verifier will not let a program copy (spin locks, timers), and kernels or users that may not load or run the program
 * (running a program on request needs Linux 5.10, CAP_BPF and CAP_PERFMON).
 *
 * <p>What a walk sees of a map that changes under it: the kernel walks a hash map bucket by bucket under RCU without
 * taking the buckets' locks, and hands the callback the live key and value, as a BPF program's lookup would. An entry
 * added or removed during the walk may or may not be seen; a value written in place during the copy can be seen half
 * written; a key is reported at most once unless the kernel reuses the element under the walk for a key of another
 * bucket, which the walk may then follow (it cannot happen when nothing deletes during the walk).
 */
final class ProgramWalk {
    /**
     * {@code BPF_PROG_TYPE_RAW_TRACEPOINT}: never attached here, it runs once on request through
     * {@code BPF_PROG_TEST_RUN} with no input (Linux 5.10).
     */
    static final int RAW_TRACEPOINT_PROGRAM = 17;
    /** The largest output array a walk creates; larger maps go by batch. */
    static final long MAX_OUTPUT_BYTES = 64L << 20;
    private static final int LOG_BYTES = 1 << 16;

    private final BpfSyscalls sys;
    private final String name;
    private final int keySize, valueSize, valueBytes, cpus, record, capacity;
    private volatile String refusal;

    /**
     * {@code valueSize}: the map's; {@code valueBytes}: what a walk hands the visitor (for a per-CPU map one slot per
     * possible CPU, each {@code valueSize} rounded up to 8).
     */
    ProgramWalk(BpfSyscalls sys, String name, int type, int keySize, int valueSize, int valueBytes, int maxEntries) {
        this.sys = sys;
        this.name = name;
        this.keySize = keySize;
        this.valueSize = valueSize;
        this.valueBytes = valueBytes;
        this.cpus = MapTypes.isPerCpu(type) ? valueBytes / ((valueSize + 7) / 8 * 8) : 0;
        this.record = (keySize + valueBytes + 7) / 8 * 8;  // an array element's size
        this.capacity = maxEntries;
        if ((long) record * maxEntries > MAX_OUTPUT_BYTES)
            refusal = "its copy would take more than " + (MAX_OUTPUT_BYTES >> 20) + " MB";
    }

    /** Why this map is walked by batch, or null while the program walks it (or has not been tried). */
    String refusal() { return refusal; }


    /** Visits every entry and returns how many; -1, having visited nothing, when the program cannot walk this map. */
    int walk(int mapFd, EntryVisitor visitor) {
        if (refusal != null) return -1;
        long length = ((long) record * capacity + Sys.pageSize() - 1) / Sys.pageSize() * Sys.pageSize();
        Fd out = null, program = null;
        Pointer copy = null;
        int entries;
        try {
            out = sys.mapCreate(MapTypes.ARRAY, 4, record, capacity, GlobalData.F_MMAPABLE, "jbpf_dump", 0, 0, 0);
            copy = sys.mapMmap(out.value(), length);
            program = load(mapFd, out.value());
            entries = sys.progRunOnce(program.value());
        } catch (BpfException e) {
            release(out, program, copy, length);
            if (refusal == null && !passing(e.errno())) refusal = e.getMessage();
            return -1;
        }
        try {
            int n = Math.min(entries, capacity);
            visit(copy.getByteBuffer(0, length), n, visitor);
            return n;
        } finally {
            release(out, program, copy, length);
        }
    }

    /** Loads the program with its BTF (a program with a callback needs func_info); the BTF is closed once it is in. */
    private Fd load(int mapFd, int outFd) {
        byte[] code = Insn.encode(DumpProgram.instructions(mapFd, outFd, keySize, valueSize, cpus));
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
        Memory log = new Memory(LOG_BYTES);
        log.clear();
        try {
            sys.progLoad(attr.log(log, LOG_BYTES, 1)).close();
            return "loaded when asked again";
        } catch (BpfException e) {
            String last = "";
            for (String line : log.getString(0).split("\n"))
                if (!line.isBlank() && !line.startsWith("processed ")) last = line;
            return last.isEmpty() ? "no verifier log" : last;
        }
    }

    /** Errors worth trying again at the next walk: the kernel was short of memory or descriptors. */
    private static boolean passing(int errno) {
        return errno == Errno.ENOMEM || errno == Errno.EMFILE || errno == Errno.ENFILE || errno == Errno.EAGAIN
                || errno == Errno.EINTR;
    }

    private void release(Fd out, Fd program, Pointer copy, long length) {
        if (copy != null) sys.munmap(copy, length);
        if (program != null) program.close();
        if (out != null) out.close();
    }

    private void visit(ByteBuffer all, int entries, EntryVisitor visitor) {
        ByteBuffer k = all.order(ByteOrder.LITTLE_ENDIAN), v = all.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0, at = 0; i < entries; i++, at += record) {
            k.limit(at + keySize).position(at);
            v.limit(at + keySize + valueBytes).position(at + keySize);
            visitor.visit(k, v);
        }
    }
}
