package org.jbpf.it.nextprobes;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Syscall;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/**
 * The system calls Linux added after 6.4 (numbers 451 to 469; map_shadow_stack, 453, has no tracepoint here), each counted by the number its own tracepoint's record
 * carries, for one process: {@code jbpf run} prints them by name although the machine's headers stop at 450.
 */
@Bpf(license = "GPL")
public final class NewSyscalls {
    @Constant static int targetPid;
    @Syscall public static final HashMap<Integer, Long> calls = new HashMap<>(Integer.class, Long.class, 64);

    private static int count(TracepointContext ctx) {
        if (pid() == targetPid) calls.increment(ctx.syscallNr());
        return 0;
    }

    @Section("tracepoint/syscalls/sys_enter_cachestat")
    static int cachestat(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_fchmodat2")
    static int fchmodat2(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_futex_wake")
    static int futexWake(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_futex_wait")
    static int futexWait(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_futex_requeue")
    static int futexRequeue(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_statmount")
    static int statmount(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_listmount")
    static int listmount(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_lsm_get_self_attr")
    static int lsmGetSelfAttr(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_lsm_set_self_attr")
    static int lsmSetSelfAttr(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_lsm_list_modules")
    static int lsmListModules(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_mseal")
    static int mseal(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_setxattrat")
    static int setxattrat(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_getxattrat")
    static int getxattrat(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_listxattrat")
    static int listxattrat(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_removexattrat")
    static int removexattrat(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_open_tree_attr")
    static int openTreeAttr(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_file_getattr")
    static int fileGetattr(TracepointContext ctx) { return count(ctx); }

    @Section("tracepoint/syscalls/sys_enter_file_setattr")
    static int fileSetattr(TracepointContext ctx) { return count(ctx); }
}
