package org.jbpf;

/** Context of a {@code uprobe}/{@code kprobe} program: the probed function's registers (x86-64 calling convention). */
public final class PtRegs {
    private PtRegs() {}

    /** Function parameter {@code i} (0..5: rdi, rsi, rdx, rcx, r8, r9). */
    public long param(int i) { throw InKernelOnly.call("PtRegs.param"); }

    /** Return value (rax), for {@code uretprobe}/{@code kretprobe}. */
    public long ret() { throw InKernelOnly.call("PtRegs.ret"); }

    /** Instruction pointer. */
    public long ip() { throw InKernelOnly.call("PtRegs.ip"); }

    /** Stack pointer. */
    public long sp() { throw InKernelOnly.call("PtRegs.sp"); }
}
