package org.jbpf.it.tools;

import org.jbpf.examples.kernel.SysEnterUnlinkat;
import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.probeReadUserStr;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.examples.kernel.SysEnterOpenat;
import org.jbpf.maps.BpfMapDef;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.RingBuffer;
import org.jbpf.maps.Scratch;

/**
 * filelife: how long each file lived, from the openat() with O_CREAT that made it to the unlinkat() that removed it,
 * for the files of one process. Without a kernel function to probe, files are known by the path the process passed,
 * and the first successful O_CREAT open of a path is its birth (a later one of the same path does not restart it).
 */
@Bpf(license = "GPL")
public final class FileLife {
    static final long O_CREAT = 0100;

    /** A path as the process wrote it, the key of a file's birth time. */
    @Struct
    public static final class Name {
        @CString @Size(64) public byte[] path;
    }

    @Struct
    public static final class Death {
        public int tid;
        public long ageNanos;
        @CString @Size(16) public byte[] comm;
        @CString @Size(64) public byte[] path;
    }

    @Constant static int targetPid;
    @Scratch public static final HashMap<Integer, Long> opening = new HashMap<>(Integer.class, Long.class, 1024);
    @Scratch public static final HashMap<Integer, Long> unlinking = new HashMap<>(Integer.class, Long.class, 1024);
    public static final HashMap<Name, Long> bornAt = new HashMap<>(Name.class, Long.class, 4096);
    public static final RingBuffer deaths = new RingBuffer(1 << 16);

    @Section("tracepoint/syscalls/sys_enter_openat")
    static int enterOpen(TracepointContext ctx) {
        SysEnterOpenat call = ctx.as(SysEnterOpenat.class);
        if (pid() == targetPid && (call.flags & O_CREAT) != 0) opening.update(tid(), call.filename);
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_openat")
    static int exitOpen(TracepointContext ctx) {
        int thread = tid();
        Long path = opening.lookup(thread);
        if (path == null) return 0;
        long address = path;
        opening.delete(thread);
        if (ctx.as(SysExit.class).ret < 0) return 0;
        Name name = new Name();
        probeReadUserStr(name.path, name.path.length, address);
        bornAt.update(name, ktime(), BpfMapDef.NOEXIST);
        return 0;
    }

    @Section("tracepoint/syscalls/sys_enter_unlinkat")
    static int enterUnlink(TracepointContext ctx) {
        if (pid() == targetPid) unlinking.update(tid(), ctx.as(SysEnterUnlinkat.class).pathname);
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_unlinkat")
    static int exitUnlink(TracepointContext ctx) {
        int thread = tid();
        Long path = unlinking.lookup(thread);
        if (path == null) return 0;
        long address = path;
        unlinking.delete(thread);
        if (ctx.as(SysExit.class).ret != 0) return 0;
        Name name = new Name();
        probeReadUserStr(name.path, name.path.length, address);
        Long born = bornAt.lookup(name);
        if (born == null) return 0;   // made before the probe was attached, or not by a create
        long age = ktime() - born;
        bornAt.delete(name);
        Death d = deaths.reserve(Death.class);
        if (d == null) return 0;
        d.tid = thread;
        d.ageNanos = age;
        comm(d.comm);
        System.arraycopy(name.path, 0, d.path, 0, d.path.length);
        deaths.submit(d);
        return 0;
    }
}
