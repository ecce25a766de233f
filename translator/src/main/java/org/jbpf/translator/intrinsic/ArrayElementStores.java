package org.jbpf.translator.intrinsic;

import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.analysis.LookedUpElements;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.MapDecl;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Addr;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;

/**
 * An update of an array map (per-CPU or not) under the key of a lookup whose element the program still holds, known
 * not null (the same constant, or the same unchanged variable where {@link LookedUpElements} can tell), lowered as stores of the value through that element's pointer instead of a bpf_map_update_elem call.
 * From a program, the kernel's update of an array element copies the value into the very element lookup points to
 * (per-CPU: this CPU's copy, the one lookup gave) and succeeds for any key lookup found, so its status is 0.
 * Only flags ANY and EXIST qualify (NOEXIST always fails on an array), and only numbers and @Struct values copied in
 * at most {@link #MAX_PIECES} pieces, which the call's own argument set-up outweighs. A hash map keeps its call: its
 * update may put a new element in the stead of the one a reader holds.
 */
final class ArrayElementStores {
    private ArrayElementStores() {}

    /** The most loads and stores a struct value's copy may take; the call takes eight instruction slots. */
    static final int MAX_PIECES = 3;

    private static final long ANY = 0, EXIST = 2;

    /** Lowers update call {@code c} of {@code map} as stores and returns true, or returns false and emits nothing. */
    static boolean lower(LoweringCall c, MapDecl map) {
        if (map.mapType() != MapTypes.ARRAY && map.mapType() != MapTypes.PERCPU_ARRAY) return false;
        if (c.args().size() > 2) {
            Long flags = constant(c.args().get(2), c.values().get(2));
            if (flags == null || flags != ANY && flags != EXIST) return false;
        }
        int var = LookedUpElements.localHolding(c.body().analysis(), c.index(), map, c.values().get(0), c.body().isProgramEntry());
        if (var == LookedUpElements.NONE) return false;
        int element = c.body().localRegister(var);
        if (element < 0) return false;
        Emitter out = c.out();
        Value value = c.values().get(1);
        Operand o = c.args().get(1);
        if (map.value() instanceof ValueType.Prim prim) {
            if (value instanceof Value.Ptr) {
                // a number held in a map value: read it, then store it like any number
                int t = out.newVreg();
                out.load(t, prim.kind(), ((Operand.Reg) o).reg(), 0);
                o = new Operand.Reg(t, true);
            } else if (!(o instanceof Operand.Reg || o instanceof Operand.Imm)) {
                return false;
            }
            out.store(prim.size(), element, 0, o);
        } else if (map.value() instanceof ValueType.Struct struct) {
            StructLayout layout = struct.layout();
            int piece = layout.alignment();
            if (layout.size() % piece != 0 || layout.size() / piece > MAX_PIECES) return false;
            Addr from = c.address(1);
            StructLayout.Kind kind = piece == 8 ? StructLayout.Kind.LONG : piece == 4 ? StructLayout.Kind.INT
                    : piece == 2 ? StructLayout.Kind.CHAR : StructLayout.Kind.BOOLEAN;
            for (int k = 0; k < layout.size(); k += piece) {
                int t = out.newVreg();
                out.load(t, kind, from.reg(), from.off() + k);
                out.store(piece, element, k, new Operand.Reg(t, true));
            }
        } else {
            return false;
        }
        int status = out.newVreg();
        out.loadImm(status, 0, true);
        c.pushResult(status);
        return true;
    }

    /** The value of a number argument known at translation, or null. */
    private static Long constant(Operand o, Value v) {
        if (o instanceof Operand.Imm imm) return imm.value();
        return v instanceof Value.Scalar s ? s.constant() : null;
    }
}
