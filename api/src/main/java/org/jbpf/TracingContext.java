package org.jbpf;

/**
 * Context of a {@code tp_btf} program (BPF_PROG_TYPE_TRACING): the arguments of the tracepoint's kernel function, each
 * widened to 64 bits, typed by the kernel's BTF. A pointer argument to a kernel struct
 * is read directly, without {@code bpf_probe_read_kernel}: {@code TaskStruct task = ctx.arg(0, TaskStruct.class)}
 * with a {@code @KernelType} class from {@code jbpf gen btf}.
 */
public final class TracingContext {
    private TracingContext() {}

    /** Argument {@code i} (0..11) as a number. */
    public long arg(int i) { throw InKernelOnly.call("TracingContext.arg"); }

    /** Argument {@code i}, a pointer to the kernel struct {@code type} describes, for direct field reads. */
    public <T> T arg(int i, Class<T> type) { throw InKernelOnly.call("TracingContext.arg"); }
}
