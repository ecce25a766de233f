package org.jbpf.sim.verifier;

import java.util.List;
import java.util.TreeSet;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.ProgramSpec;

/**
 * The kernel's checks of a program's BTF function records ({@code func_info}), made before any path is explored: the
 * first record is at instruction 0, offsets only grow, each names a BTF FUNC, and there is exactly one record per
 * function, at the function's first instruction. A record's linkage then decides how the function is verified: a
 * static function as part of its caller's path, a bpf_loop body only if static, a global one on its own. Records
 * reach the kernel only with the object's BTF, so without it a program has none.
 */
final class FuncInfoChecks {
    private final VerifierContext cx;

    FuncInfoChecks(VerifierContext cx) { this.cx = cx; }

    /** The records the kernel is given for this program: none when the object has no BTF to load them with. */
    static List<ProgramSpec.FuncInfo> records(VerifierContext cx) {
        return cx.obj.btf() == null ? List.of() : cx.prog.funcInfos();
    }

    /** The checks of the records alone, which the kernel makes before it looks for the functions. */
    void checkRecords() {
        List<ProgramSpec.FuncInfo> records = records(cx);
        cx.pc = 0;
        int previous = 0;
        for (int i = 0; i < records.size(); i++) {
            ProgramSpec.FuncInfo r = records.get(i);
            if (i == 0 && r.insnOff() != 0)
                throw new Reject("nonzero insn_off " + r.insnOff() + " for the first func info record",
                        "the first BTF function record (func_info) is at instruction " + r.insnOff() + "; it must describe the function at 0");
            if (i > 0 && Integer.compareUnsigned(r.insnOff(), previous) <= 0)
                throw new Reject("same or smaller insn offset (" + r.insnOff() + ") than previous func info record (" + previous + ")",
                        "BTF function record " + i + " (func_info) is at instruction " + r.insnOff() + ", not after the record before it at "
                                + previous + "; the records must follow the functions in order");
            previous = r.insnOff();
            if (!isFunction(r.btfFuncType()))
                throw new Reject("invalid type id " + r.btfFuncType() + " in func info",
                        "BTF function record " + i + " (func_info) names type " + r.btfFuncType() + ", which is not a BTF FUNC of the object");
        }
    }

    /**
     * The records against the functions, which start at the instruction indexes {@code starts}; {@code called} are
     * those a BPF-to-BPF call enters.
     */
    void checkLayout(TreeSet<Integer> starts, java.util.Set<Integer> called) {
        List<ProgramSpec.FuncInfo> records = records(cx);
        if (records.isEmpty()) return;
        cx.pc = 0;
        if (records.size() != starts.size())
            throw new Reject("number of funcs in func_info doesn't match number of subprogs",
                    "the object has " + records.size() + " BTF function records (func_info) for " + starts.size()
                            + " functions in the program; it needs one per function");
        int i = 0;
        for (int start : starts) {
            ProgramSpec.FuncInfo r = records.get(i++);
            if (r.insnOff() != cx.slotOf[start]) {
                cx.pc = start;
                throw new Reject("func_info BTF section doesn't match subprog layout in BPF program",
                        "BTF function record " + (i - 1) + " (func_info) is at instruction " + r.insnOff() + " but that function starts at "
                                + cx.slotOf[start]);
            }
            if (start != 0 && called.contains(start) && linkage(cx, r.insnOff()) == BtfType.LINKAGE_GLOBAL) {
                cx.pc = start;
                throw new Reject("global function at insn " + r.insnOff() + " is not modelled by the simulator",
                        "the function at instruction " + r.insnOff() + " is global in its BTF record, so the kernel checks it alone for"
                                + " any arguments of its prototype; the verifier simulation does not model that, make the function static");
            }
        }
    }

    /**
     * The linkage the records give the function starting at slot {@code slot}: {@link BtfType#LINKAGE_STATIC} when
     * there are no records.
     */
    static int linkage(VerifierContext cx, int slot) {
        for (ProgramSpec.FuncInfo r : records(cx))
            if (r.insnOff() == slot) return ((BtfType.Func) cx.obj.btf().type(r.btfFuncType())).linkage();
        return BtfType.LINKAGE_STATIC;
    }

    private boolean isFunction(int id) {
        Btf btf = cx.obj.btf();
        if (id <= 0 || id > btf.size() || btf.kind(id) != BtfType.KIND_FUNC) return false;
        int proto = ((BtfType.Func) btf.type(id)).type();
        return proto > 0 && proto <= btf.size() && btf.kind(proto) == BtfType.KIND_FUNC_PROTO;
    }
}
