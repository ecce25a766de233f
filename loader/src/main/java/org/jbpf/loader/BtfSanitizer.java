package org.jbpf.loader;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;

/**
 * Adjusts BTF that is valid in an object file but not acceptable to {@code BPF_BTF_LOAD}. Compilers emit DATASEC
 * records (e.g. {@code .maps}, {@code license}) with size 0 and every variable at offset 0, leaving the real layout
 * to the loader; the kernel rejects a zero-size DATASEC. Such a DATASEC gets its variables laid out one after another
 * (8-byte aligned) and the total as its size. The kernel also takes no extern FUNC nor a DATASEC of functions, which
 * clang writes for kfuncs ({@code extern ... __ksym} in {@code .ksyms}): such a FUNC becomes global (its unnamed
 * parameters get a name) and the DATASEC lists one int variable per function instead. Only type descriptions change
 * and types are only appended; no type ids move.
 */
final class BtfSanitizer {
    private BtfSanitizer() {}

    static Btf forKernel(Btf in) {
        boolean needed = false;
        for (BtfType t : in.types())
            if (t instanceof BtfType.Datasec d && d.size() == 0 && !d.vars().isEmpty() || t instanceof BtfType.Func f && f.linkage() == BtfType.LINKAGE_EXTERN)
                needed = true;
        if (!needed) return in;
        Btf out = new Btf();
        for (BtfType t : in.types()) out.add(t);
        for (int id = 1; id <= in.size(); id++) if (in.type(id) instanceof BtfType.Func f && f.linkage() == BtfType.LINKAGE_EXTERN) globalFunc(out, id, f);
        for (int id = 1; id <= in.size(); id++) {
            if (!(in.type(id) instanceof BtfType.Datasec d)) continue;
            if (d.vars().stream().anyMatch(v -> in.type(v.type()) instanceof BtfType.Func)) out.set(id, functionSection(out, d));
            else if (d.size() == 0 && !d.vars().isEmpty()) out.set(id, layOut(in, d));
        }
        return out;
    }

    /** An extern FUNC as a global one, each unnamed parameter of its prototype named (the kernel requires names). */
    private static void globalFunc(Btf out, int id, BtfType.Func f) {
        out.set(id, new BtfType.Func(f.name(), f.type(), BtfType.LINKAGE_GLOBAL));
        if (!(out.type(f.type()) instanceof BtfType.FuncProto proto)) return;
        List<BtfType.Param> params = new ArrayList<>();
        for (BtfType.Param p : proto.params()) params.add(p.name().isEmpty() && p.type() != 0 ? new BtfType.Param("arg" + params.size(), p.type()) : p);
        out.set(f.type(), new BtfType.FuncProto(proto.returnType(), params));
    }

    /** A DATASEC listing functions ({@code .ksyms}) as one int variable per entry, 4 bytes apart. */
    private static BtfType.Datasec functionSection(Btf out, BtfType.Datasec d) {
        int integer = out.add(new BtfType.IntType("int", 4, BtfType.INT_SIGNED));
        int var = out.add(new BtfType.Var("jbpf_ksym", integer, 1));
        List<BtfType.VarSecInfo> vars = new ArrayList<>();
        for (int k = 0; k < d.vars().size(); k++) vars.add(new BtfType.VarSecInfo(var, 4 * k, 4));
        return new BtfType.Datasec(d.name(), 4 * vars.size(), vars);
    }

    private static BtfType.Datasec layOut(Btf btf, BtfType.Datasec d) {
        List<BtfType.VarSecInfo> vars = new ArrayList<>();
        int offset = 0;
        for (BtfType.VarSecInfo v : d.vars()) {
            int size = v.size();
            if (size == 0) {
                BtfType var = btf.type(v.type());
                try {
                    size = var instanceof BtfType.Var vv ? (int) btf.sizeOf(vv.type()) : 0;
                } catch (IllegalArgumentException e) {
                    size = 0;
                }
            }
            offset = (offset + 7) & ~7;
            vars.add(new BtfType.VarSecInfo(v.type(), offset, size));
            offset += size;
        }
        return new BtfType.Datasec(d.name(), Math.max(offset, 1), vars);
    }
}
