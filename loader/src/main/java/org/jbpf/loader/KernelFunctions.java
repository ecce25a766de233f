package org.jbpf.loader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.Opcodes;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.loader.sys.BpfException;

/**
 * Resolves the kernel functions (kfuncs) a program calls: each such call names its function, and the kernel wants the
 * function's type id in its own BTF ({@code /sys/kernel/btf/vmlinux}, read once per process and only when a program
 * calls a kfunc) in the call's immediate.
 */
final class KernelFunctions {
    /** The first Linux release with each kfunc jbpf's translator calls, for the message when one is missing. */
    private static final Map<String, String> SINCE = Map.of(
            "bpf_iter_num_new", "6.4", "bpf_iter_num_next", "6.4", "bpf_iter_num_destroy", "6.4");

    private KernelFunctions() {}

    /** {@code insns} with each kfunc call's immediate set to its kernel BTF id; {@code insns} itself when there are none. */
    static List<Insn> resolve(String program, List<Insn> insns) {
        if (!callsKfunc(insns)) return insns;
        Btf kernel = kernelBtf(program);
        List<Insn> out = new ArrayList<>(insns);
        for (int i = 0; i < out.size(); i++) {
            Insn in = out.get(i);
            if (!isKfuncCall(in)) continue;
            // the kernel's index by name answers without decoding its types
            int id = in.reference() == null ? -1 : kernel.find(BtfType.KIND_FUNC, in.reference());
            if (id <= 0) throw missing(program, in.reference());
            out.set(i, in.withImm(id).withOff(0));
        }
        return out;
    }

    /** A loop, not a stream: this runs for every program loaded, and a stream's first use costs more than the loop. */
    private static boolean callsKfunc(List<Insn> insns) {
        for (Insn in : insns) if (isKfuncCall(in)) return true;
        return false;
    }

    static boolean isKfuncCall(Insn in) { return in.isCall() && in.src() == Opcodes.PSEUDO_KFUNC_CALL; }

    private static BpfException missing(String program, String name) {
        if (name == null)
            return new BpfException("program \"" + program + "\" calls a kernel function without naming it (a kfunc call needs the name of its extern symbol)");
        String since = SINCE.get(name);
        return new BpfException("program \"" + program + "\" calls kernel function " + name + ", which this kernel ("
                + System.getProperty("os.version") + ") does not have" + (since != null ? "; it needs Linux " + since + " or later" : ""));
    }

    private static Btf kernelBtf(String program) {
        try {
            return KernelTypes.kernelBtf();
        } catch (IOException e) {
            throw new BpfException("program \"" + program + "\" calls kernel functions, which are found in the kernel's BTF, but "
                    + KernelTypes.VMLINUX + " cannot be read (" + e.getMessage() + "); this kernel must be built with CONFIG_DEBUG_INFO_BTF=y");
        }
    }
}
