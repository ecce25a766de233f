package org.jbpf.it.tools;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.PtRegs;
import org.jbpf.Section;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Scratch;

/**
 * memleak on libc's malloc and free in the process {@code targetPid}, for allocations of at least {@code minSize}
 * bytes: the uprobe keeps each call's size per thread, the uretprobe the returned address with that size, and free
 * forgets it, so {@code outstanding} holds what is allocated and not yet freed. Attached to one process
 * ({@code attachUprobe(libc, offset, ret, pid)}), since libc's malloc runs in every process.
 */
@Bpf(license = "GPL")
public final class MemLeak {
    static final String LIBC = "/usr/lib/x86_64-linux-gnu/libc.so.6";

    @Constant static int targetPid;
    @Constant static long minSize;
    @Scratch public static final HashMap<Integer, Long> asked = new HashMap<>(Integer.class, Long.class, 4096);
    public static final HashMap<Long, Long> outstanding = new HashMap<>(Long.class, Long.class, 10240);
    static long allocations, allocatedBytes, frees;

    @Section("uprobe/" + LIBC + ":malloc")
    static int mallocEnter(PtRegs ctx, long size) {
        if (pid() == targetPid && size >= minSize) asked.update(tid(), size);
        return 0;
    }

    @Section("uretprobe/" + LIBC + ":malloc")
    static int mallocExit(PtRegs ctx, long address) {
        int thread = tid();
        Long size = asked.lookup(thread);
        if (size == null) return 0;
        long bytes = size;
        asked.delete(thread);
        if (address == 0) return 0;
        outstanding.update(address, bytes);
        allocations++;
        allocatedBytes += bytes;
        return 0;
    }

    @Section("uprobe/" + LIBC + ":free")
    static int freeEnter(PtRegs ctx, long address) {
        if (pid() != targetPid || outstanding.lookup(address) == null) return 0;
        outstanding.delete(address);
        frees++;
        return 0;
    }
}
