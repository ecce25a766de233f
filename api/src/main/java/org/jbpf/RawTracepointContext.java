package org.jbpf;

/** Context of a {@code raw_tracepoint/<name>} program: the tracepoint's raw arguments. */
public final class RawTracepointContext {
    private RawTracepointContext() {}

    /** Raw argument {@code i}; for {@code sys_enter} arg 0 is the {@code pt_regs} pointer and arg 1 the syscall number. */
    public long arg(int i) { throw InKernelOnly.call("RawTracepointContext.arg"); }
}
