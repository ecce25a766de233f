package org.jbpf.sim.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.btf.RunningKernelBtf;
import org.jbpf.core.program.ProgramTypes;

/**
 * A tracing (tp_btf) target for loading raw programs into the kernel: the kernel loads a tracing program only for a
 * function it names by BTF id, here the {@code btf_trace_<tracepoint>} typedef of one raw tracepoint.
 */
final class TracingTargets {
    /** The tracepoint the probes are loaded for: three arguments, a task pointer, a pid and a binprm pointer. */
    static final String TARGET = "sched_process_exec";

    private TracingTargets() {}

    private static final class Vmlinux {
        static final int TARGET_ID = find();

        private static int find() {
            try {
                int id = RunningKernelBtf.get().find(BtfType.KIND_TYPEDEF, "btf_trace_" + TARGET);
                if (id <= 0) throw new IllegalStateException("the kernel's BTF has no btf_trace_" + TARGET);
                return id;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Loads {@code code} as a tp_btf program on {@link #TARGET} for the kernel's verdict. */
    static KernelBpf.LoadResult loadForVerdict(byte[] code) {
        return KernelBpf.loadForVerdict(ProgramTypes.TRACING, ProgramTypes.ATTACH_TRACE_RAW_TP, Vmlinux.TARGET_ID, code);
    }
}
