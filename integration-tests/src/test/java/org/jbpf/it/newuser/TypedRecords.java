package org.jbpf.it.newuser;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** A typed tracepoint record and sys_exit return values, for one process given as a load-time constant. */
@Bpf(license = "GPL")
public final class TypedRecords {
    @Constant static int targetPid;
    static long argumentSum;
    static long calls;
    static long returnSum;
    static int lastSyscall;
    static int lastThread;

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static int enter(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        GetpgidRecord record = ctx.as(GetpgidRecord.class);
        if (record.pid < 1_000_000_000L) return 0;
        argumentSum += record.pid - 1_000_000_000L;
        calls++;
        lastSyscall = record.syscallNr;
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_getsid")
    static int exit(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        lastThread = ctx.commonPid();
        long ret = ctx.ret();
        if (ret > 0) returnSum += ret;
        return 0;
    }
}
