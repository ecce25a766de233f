package org.jbpf.core.abi;

/**
 * The x86-64 Linux numbers jbpf depends on, in one place: where {@code struct pt_regs} keeps each register (the
 * context of kprobes, uprobes and perf events), the layout of a syscall tracepoint record, and the system call
 * numbers the loader and the tests use.
 */
public final class X86_64 {
    private X86_64() {}

    // ---- struct pt_regs (arch/x86/include/asm/ptrace.h): 21 unsigned longs --------------------------------------

    public static final int PT_REGS_R15 = 0, PT_REGS_R14 = 8, PT_REGS_R13 = 16, PT_REGS_R12 = 24, PT_REGS_BP = 32,
            PT_REGS_BX = 40, PT_REGS_R11 = 48, PT_REGS_R10 = 56, PT_REGS_R9 = 64, PT_REGS_R8 = 72, PT_REGS_AX = 80,
            PT_REGS_CX = 88, PT_REGS_DX = 96, PT_REGS_SI = 104, PT_REGS_DI = 112, PT_REGS_ORIG_AX = 120,
            PT_REGS_IP = 128, PT_REGS_CS = 136, PT_REGS_FLAGS = 144, PT_REGS_SP = 152, PT_REGS_SS = 160;
    public static final int PT_REGS_SIZE = 168;
    /** The register holding a function's return value. */
    public static final int PT_REGS_RET = PT_REGS_AX;

    /** Where the System V calling convention passes the first six integer parameters: di, si, dx, cx, r8, r9. */
    private static final int[] PARAMS = {PT_REGS_DI, PT_REGS_SI, PT_REGS_DX, PT_REGS_CX, PT_REGS_R8, PT_REGS_R9};
    public static final int PARAM_REGISTERS = PARAMS.length;

    /** The pt_regs offset of integer parameter {@code i} (0-based) of a function at its entry. */
    public static int paramOffset(int i) {
        if (i < 0 || i >= PARAMS.length)
            throw new IllegalArgumentException("x86-64 passes parameters 0.." + (PARAMS.length - 1) + " in registers, not " + i);
        return PARAMS[i];
    }

    // ---- syscall tracepoint records (syscalls/sys_enter_* and sys_exit_*) ------------------------------------------

    /** The common header every tracepoint record starts with: type u16, flags u8, preempt count u8, pid s32. */
    public static final int TP_COMMON_TYPE = 0, TP_COMMON_FLAGS = 2, TP_COMMON_PREEMPT_COUNT = 3, TP_COMMON_PID = 4,
            TP_COMMON_HEADER_SIZE = 8;
    /** {@code int __syscall_nr}, then 4 bytes of padding. */
    public static final int SYSCALL_NR = 8;
    /** The first argument of a sys_enter record; every argument takes 8 bytes. */
    public static final int SYSCALL_ARGS = 16, SYSCALL_ARG_SIZE = 8, SYSCALL_MAX_ARGS = 6;
    /** {@code long ret} of a sys_exit record. */
    public static final int SYSCALL_RET = 16;

    /** The record offset of argument {@code i} (0-based) of a sys_enter tracepoint. */
    public static int syscallArgOffset(int i) {
        if (i < 0 || i >= SYSCALL_MAX_ARGS)
            throw new IllegalArgumentException("system calls have arguments 0.." + (SYSCALL_MAX_ARGS - 1) + ", not " + i);
        return SYSCALL_ARGS + SYSCALL_ARG_SIZE * i;
    }

    // ---- system call numbers (arch/x86/entry/syscalls/syscall_64.tbl) ----------------------------------------------

    public static final int SYS_READ = 0, SYS_WRITE = 1, SYS_CLOSE = 3, SYS_GETPID = 39, SYS_CLONE = 56,
            SYS_EXECVE = 59, SYS_GETPPID = 110, SYS_GETTID = 186, SYS_OPENAT = 257, SYS_PERF_EVENT_OPEN = 298,
            SYS_BPF = 321;
}
