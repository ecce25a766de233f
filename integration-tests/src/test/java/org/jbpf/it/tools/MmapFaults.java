package org.jbpf.it.tools;

import org.jbpf.examples.kernel.PageFaultUser;
import org.jbpf.examples.kernel.SysEnterMmap;
import org.jbpf.examples.kernel.SysEnterMunmap;
import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/**
 * mmap() calls by length, munmap()ed bytes, and the user page faults in one address range (set from Java while
 * attached), for the threads named "jt-mmap..." of the process {@code targetPid}.
 */
@Bpf(license = "GPL")
public final class MmapFaults {
    @Constant static int targetPid;
    public static final HashMap<Long, Long> mapsByLength = new HashMap<>(Long.class, Long.class, 256);
    static long unmappedBytes;
    static long watchFrom;
    static long watchTo;
    static long faults;
    static long writeFaults;

    @Section("tracepoint/syscalls/sys_enter_mmap")
    static int onMmap(TracepointContext ctx) {
        if (ours()) mapsByLength.increment(ctx.as(SysEnterMmap.class).len);
        return 0;
    }

    @Section("tracepoint/syscalls/sys_enter_munmap")
    static int onMunmap(TracepointContext ctx) {
        if (ours()) unmappedBytes += ctx.as(SysEnterMunmap.class).len;
        return 0;
    }

    @Section("tracepoint/exceptions/page_fault_user")
    static int onFault(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        PageFaultUser fault = ctx.as(PageFaultUser.class);
        if (Long.compareUnsigned(fault.address, watchFrom) < 0 || Long.compareUnsigned(fault.address, watchTo) >= 0) return 0;
        faults++;
        if ((fault.errorCode & 2) != 0) writeFaults++;
        return 0;
    }

    static boolean ours() {
        if (pid() != targetPid) return false;
        byte[] name = new byte[16];
        comm(name);
        return Strings.startsWith(name, "jt-mmap");
    }
}
