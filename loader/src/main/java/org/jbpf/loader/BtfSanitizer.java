package org.jbpf.loader;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;

/**
 * Adjusts BTF that is valid in an object file but not acceptable to {@code BPF_BTF_LOAD}. Compilers emit DATASEC
 * records (e.g. {@code .maps}, {@code license}) with size 0 and every variable at offset 0, leaving the real layout
 * to the loader; the kernel rejects a zero-size DATASEC. Such a DATASEC gets its variables laid out one after another
 * (8-byte aligned) and the total as its size. Only type descriptions change; no type ids move.
 */
final class BtfSanitizer {
    private BtfSanitizer() {}

    static Btf forKernel(Btf in) {
        boolean needed = false;
        for (BtfType t : in.types()) if (t instanceof BtfType.Datasec d && d.size() == 0 && !d.vars().isEmpty()) needed = true;
        if (!needed) return in;
        Btf out = new Btf();
        for (BtfType t : in.types()) {
            if (t instanceof BtfType.Datasec d && d.size() == 0 && !d.vars().isEmpty()) t = layOut(in, d);
            out.add(t);
        }
        return out;
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
