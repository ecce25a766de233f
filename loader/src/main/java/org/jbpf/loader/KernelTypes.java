package org.jbpf.loader;

import java.io.IOException;
import java.nio.file.Path;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.RunningKernelBtf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.core.program.NearNames;
import org.jbpf.core.program.SectionKind;
import org.jbpf.loader.attach.Tracefs;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.core.relo.CoreRelocationException;
import org.jbpf.core.relo.CoreRelocator;
import org.jbpf.core.relo.TargetTypes;

/**
 * The running kernel's BTF ({@code /sys/kernel/btf/vmlinux}), read once per process and only when a program has
 * CO-RE relocations or attaches by BTF id (tp_btf): the relocation of such programs against it before
 * they are loaded, and the id of the tracepoint a tp_btf program attaches to.
 */
final class KernelTypes {
    static final Path VMLINUX = RunningKernelBtf.VMLINUX;

    private static CoreRelocator relocator;

    private KernelTypes() {}

    /** {@code p} with its CO-RE relocations applied for this kernel; {@code p} itself when it has none. */
    static ProgramSpec relocate(ProgramSpec p, BpfObject obj) {
        if (p.coreRelocations().isEmpty()) return p;
        return new ProgramSpec(p.name(), p.section(), relocator().relocate(p, obj.btf()), p.funcInfos(), p.coreRelocations());
    }

    /** The id of the kernel BTF type a tp_btf program attaches to, {@code btf_trace_<name>}; 0 for every other kind. */
    static int attachBtfId(ProgramSpec p, ProgramKind kind) {
        if (kind.kind() != SectionKind.TP_BTF) return 0;
        String target = kind.section().target();
        if (target.isEmpty())
            throw new BpfException("program " + p.name() + ": section \"" + p.section() + "\" names no tracepoint; write " + kind.kind().targetSyntax());
        int id = vmlinux("a tp_btf program").find(BtfType.KIND_TYPEDEF, "btf_trace_" + target);
        if (id <= 0)
            throw new BpfException("program " + p.name() + ": this kernel has no raw tracepoint " + target + " (" + VMLINUX
                    + " has no btf_trace_" + target + ")" + NearNames.didYouMean(target, Tracefs.eventNames())
                    + "; see /sys/kernel/tracing/available_events for the tracepoints it has");
        return id;
    }

    private static synchronized CoreRelocator relocator() {
        if (relocator == null) relocator = new CoreRelocator(new TargetTypes(vmlinux("CO-RE relocation")));
        return relocator;
    }

    /** The kernel's types, read through a mapping of {@link #VMLINUX} where this kernel allows one ({@link MappedKernelBtf}). */
    static Btf kernelBtf() throws IOException { return RunningKernelBtf.get(); }

    private static Btf vmlinux(String purpose) {
        try {
            return kernelBtf();
        } catch (IOException e) {
            throw new CoreRelocationException(purpose + " needs the kernel's BTF, but " + VMLINUX + " cannot be read ("
                    + e.getMessage() + "); this kernel must be built with CONFIG_DEBUG_INFO_BTF=y");
        }
    }
}
