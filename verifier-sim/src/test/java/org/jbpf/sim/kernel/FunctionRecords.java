package org.jbpf.sim.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.Opcodes;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.btf.RunningKernelBtf;
import org.jbpf.core.obj.ProgramSpec;

/**
 * What a generated program with BPF functions and callbacks needs to load: one BTF function record per function (a
 * global FUNC for the entry, a static one for every other), and the running kernel's BTF ids of the kfuncs it calls.
 */
final class FunctionRecords {
    static final Btf BTF = new Btf();
    private static final int NUMBER = BTF.add(new BtfType.IntType("long", 8, 1, 0, 64)), POINTER = BTF.add(new BtfType.Ptr(0));
    private static final int PROTO = BTF.add(new BtfType.FuncProto(NUMBER,
            List.of(new BtfType.Param("a", NUMBER), new BtfType.Param("b", POINTER))));
    static final int MAIN = BTF.add(new BtfType.Func("prog", PROTO, BtfType.LINKAGE_GLOBAL));
    static final int STATIC = BTF.add(new BtfType.Func("function", PROTO, BtfType.LINKAGE_STATIC));
    private static final Map<String, Integer> KFUNC_IDS = new HashMap<>();

    private FunctionRecords() {}

    /** A record at 0 and one at every instruction a call or a function address leads to, in order. */
    static List<ProgramSpec.FuncInfo> of(List<Insn> insns) {
        int[] slotOf = Insn.slotOffsets(insns);
        TreeSet<Integer> starts = new TreeSet<>(List.of(0));
        for (int i = 0; i < insns.size(); i++) {
            Insn in = insns.get(i);
            if (in.isLocalCall() || in.isLdImm64() && in.src() == Opcodes.PSEUDO_FUNC) starts.add(slotOf[i] + 1 + (int) in.imm());
        }
        List<ProgramSpec.FuncInfo> out = new ArrayList<>();
        for (int s : starts) out.add(new ProgramSpec.FuncInfo(s, s == 0 ? MAIN : STATIC));
        return out;
    }

    static int[] flat(List<ProgramSpec.FuncInfo> records) {
        int[] out = new int[records.size() * 2];
        for (int i = 0; i < records.size(); i++) { out[2 * i] = records.get(i).insnOff(); out[2 * i + 1] = records.get(i).btfFuncType(); }
        return out;
    }

    /** {@code insns} with each kfunc call's immediate the running kernel's BTF id of the function it names. */
    static List<Insn> kernelFunctions(List<Insn> insns) {
        List<Insn> out = new ArrayList<>(insns.size());
        for (Insn in : insns) out.add(in.isCall() && in.src() == Opcodes.PSEUDO_KFUNC_CALL ? in.withImm(kfuncId(in.reference())) : in);
        return out;
    }

    private static synchronized int kfuncId(String name) {
        return KFUNC_IDS.computeIfAbsent(name, n -> {
            try {
                int id = RunningKernelBtf.get().find(BtfType.KIND_FUNC, n);
                if (id <= 0) throw new IllegalStateException("the running kernel has no kfunc " + n);
                return id;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
