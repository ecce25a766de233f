package org.jbpf;

/**
 * The record a tracepoint program receives. For {@code syscalls/sys_enter_*} tracepoints the syscall arguments are
 * {@link #arg}; for {@code sys_exit_*} the return value is {@link #ret}. Other tracepoints read their fields by offset
 * (see {@code /sys/kernel/tracing/events/<category>/<name>/format}).
 */
public final class TracepointContext {
    private TracepointContext() {}

    /** Offset of the first syscall argument (after the common fields and {@code __syscall_nr}). */
    public static final int SYSCALL_ARGS_OFFSET = 16;

    /** Syscall argument {@code i} (0..5) of a {@code sys_enter_*} tracepoint. */
    public long arg(int i) { throw InKernelOnly.call("TracepointContext.arg"); }

    /** Return value of a {@code sys_exit_*} tracepoint. */
    public long ret() { throw InKernelOnly.call("TracepointContext.ret"); }

    /** The {@code __syscall_nr} field of a syscall tracepoint. */
    public int syscallNr() { throw InKernelOnly.call("TracepointContext.syscallNr"); }

    /**
     * The {@code common_pid} field every tracepoint record starts with: the id of the thread that hit the tracepoint.
     * The kernel does not let programs read the record's common header, so this is the thread id the kernel writes
     * there, taken from {@code bpf_get_current_pid_tgid} as {@link Helpers#tid()} does.
     */
    public int commonPid() { throw InKernelOnly.call("TracepointContext.commonPid"); }

    /**
     * This record read through the {@code @Struct} class {@code record}, e.g. one {@code jbpf gen tracepoint} wrote:
     * {@code SysEnterOpenat a = ctx.as(SysEnterOpenat.class); long name = a.filename;}. Each field read is one load
     * at the field's offset in the record; the view is read-only. jbpf checks the fields against the running kernel's
     * format of the section's tracepoint when it loads the probe.
     */
    public <T> T as(Class<T> record) { throw InKernelOnly.call("TracepointContext.as"); }

    /**
     * Copies the text a {@code __data_loc char[]} field locates, e.g. sched_process_exec's file name:
     * {@code ctx.readDataLoc(file, ctx.as(SchedProcessExec.class).filename)}. The field's value holds the text's offset
     * in the record (low 16 bits) and its length (high 16); at most {@code dst.length - 1} bytes are copied, then a
     * NUL. Returns the bytes written with the NUL, or a negative error.
     */
    public int readDataLoc(byte[] dst, int location) { throw InKernelOnly.call("TracepointContext.readDataLoc"); }

    public long u64(int offset) { throw InKernelOnly.call("TracepointContext.u64"); }
    public int u32(int offset) { throw InKernelOnly.call("TracepointContext.u32"); }
    public int s32(int offset) { throw InKernelOnly.call("TracepointContext.s32"); }
    public int u16(int offset) { throw InKernelOnly.call("TracepointContext.u16"); }
    public int u8(int offset) { throw InKernelOnly.call("TracepointContext.u8"); }
}
