package org.jbpf.core.relo;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;

/**
 * A field reached along a CO-RE access string: its bit offset from the root pointer, its type and, for a bitfield,
 * its width. The named steps (member names and array indices, anonymous members left out) are what is looked for
 * in another BTF, so a field found through an anonymous union locally may sit directly in the kernel's struct.
 */
record FieldSpec(int rootId, int first, List<Step> steps, long bitOffset, int fieldType, int bitfieldSize, String path) {

    /** A member by name, or an array element by index when {@code name} is null. */
    record Step(String name, int index) {}

    boolean isBitfield() { return bitfieldSize > 0; }

    /** The field the access string selects in the object's own BTF. */
    static FieldSpec local(Btf btf, int rootId, String access) {
        int[] idx = indices(access);
        String rootName = btf.type(btf.resolve(rootId)) == null ? "void" : btf.type(btf.resolve(rootId)).name();
        StringBuilder path = new StringBuilder(rootName.isEmpty() ? "<anonymous>" : rootName);
        long bit = idx[0] == 0 ? 0 : idx[0] * btf.sizeOf(rootId) * 8;
        if (idx[0] != 0) path.append('[').append(idx[0]).append(']');
        List<Step> steps = new ArrayList<>();
        int id = rootId, bitfield = 0;
        for (int i = 1; i < idx.length; i++) {
            BtfType t = btf.type(btf.resolve(id));
            List<BtfType.Member> members = members(t);
            if (members != null) {
                if (idx[i] >= members.size()) throw new IllegalArgumentException("access " + access + " indexes member " + idx[i] + " of " + path);
                BtfType.Member m = members.get(idx[i]);
                bit += m.bitOffset();
                bitfield = m.bitfieldSize();
                id = m.type();
                if (!m.name().isEmpty()) steps.add(new Step(m.name(), -1));
                path.append('.').append(m.name().isEmpty() ? "<anonymous>" : m.name());
            } else if (t instanceof BtfType.Array a) {
                bit += idx[i] * btf.sizeOf(a.elemType()) * 8;
                bitfield = 0;
                id = a.elemType();
                steps.add(new Step(null, idx[i]));
                path.append('[').append(idx[i]).append(']');
            } else {
                throw new IllegalArgumentException("access " + access + " steps into " + path + ", which has no members");
            }
        }
        return withLegacyBitfield(btf, new FieldSpec(rootId, idx[0], steps, bit, id, bitfield, path.toString()));
    }

    /**
     * The same field in {@code target}'s type {@code candidate}, or null with the reason in {@code why} (e.g.
     * "struct task_struct has no field real_parent").
     */
    static FieldSpec match(FieldSpec local, Btf localBtf, Btf target, int candidate, StringBuilder why) {
        long bit = local.first == 0 ? 0 : local.first * target.sizeOf(candidate) * 8;
        int id = candidate, bitfield = 0;
        String where = "the kernel's " + describe(target, candidate);
        for (Step s : local.steps) {
            BtfType t = target.type(target.resolve(id));
            if (s.name() == null) {
                if (!(t instanceof BtfType.Array a)) { why.append(where).append(" is not an array"); return null; }
                if (a.nelems() != 0 && s.index() >= a.nelems()) {
                    why.append(where).append(" has ").append(a.nelems()).append(" elements, not ").append(s.index() + 1);
                    return null;
                }
                bit += s.index() * target.sizeOf(a.elemType()) * 8;
                id = a.elemType();
                bitfield = 0;
                where += "[" + s.index() + "]";
            } else {
                long[] offset = new long[1];
                BtfType.Member m = member(target, t, s.name(), offset);
                if (m == null) { why.append(where).append(" has no field ").append(s.name()); return null; }
                bit += offset[0];
                bitfield = m.bitfieldSize();
                id = m.type();
                where += "." + s.name();
            }
        }
        if (!compatible(localBtf, local.fieldType, target, id)) {
            why.append(where).append(" is ").append(describe(target, target.resolve(id)))
                    .append(", not ").append(describe(localBtf, localBtf.resolve(local.fieldType)));
            return null;
        }
        return withLegacyBitfield(target, new FieldSpec(candidate, local.first, local.steps, bit, id, bitfield, where));
    }

    /** Member {@code name} of struct or union {@code t}, looking inside anonymous members; adds its bit offset to {@code offset[0]}. */
    private static BtfType.Member member(Btf btf, BtfType t, String name, long[] offset) {
        List<BtfType.Member> members = members(t);
        if (members == null) return null;
        for (BtfType.Member m : members) {
            if (m.name().equals(name)) {
                offset[0] += m.bitOffset();
                return m;
            }
            if (m.name().isEmpty()) {
                long[] inner = new long[1];
                BtfType.Member found = member(btf, btf.type(btf.resolve(m.type())), name, inner);
                if (found != null) {
                    offset[0] += m.bitOffset() + inner[0];
                    return found;
                }
            }
        }
        return null;
    }

    /** BTF without the kind flag spells a bitfield as an int type narrower than its size. */
    private static FieldSpec withLegacyBitfield(Btf btf, FieldSpec f) {
        if (f.bitfieldSize > 0) return f;
        if (btf.type(btf.resolve(f.fieldType)) instanceof BtfType.IntType i && (i.bits() != i.size() * 8 || i.bitOffset() != 0))
            return new FieldSpec(f.rootId, f.first, f.steps, f.bitOffset + i.bitOffset(), f.fieldType, i.bits(), f.path);
        return f;
    }

    /** Whether a field of local type {@code a} can be read as the kernel's type {@code b} (libbpf's rules, in short). */
    static boolean compatible(Btf la, int a, Btf tb, int b) {
        for (int depth = 0; depth < 16; depth++) {
            BtfType x = la.type(la.resolve(a)), y = tb.type(tb.resolve(b));
            if (x == null || y == null) return x == y;
            if (isComposite(x) && isComposite(y)) return true;
            // a pointer to anything but a known struct is read as its address, a 64-bit number (KernelField's contract)
            if (x instanceof BtfType.IntType i && i.size() == 8 && i.bitOffset() == 0 && y instanceof BtfType.Ptr) return true;
            if (!TargetTypes.sameKind(x.kind(), y.kind())) return false;
            if (x instanceof BtfType.Ptr || x instanceof BtfType.FloatType) return true;
            if (x instanceof BtfType.IntType i && y instanceof BtfType.IntType j) return i.bitOffset() == 0 && j.bitOffset() == 0;
            if (x instanceof BtfType.Fwd || TargetTypes.isEnum(x.kind()))
                return TargetTypes.essentialName(x.name()).equals(TargetTypes.essentialName(y.name()));
            if (x instanceof BtfType.Array xa && y instanceof BtfType.Array ya) { a = xa.elemType(); b = ya.elemType(); continue; }
            return false;
        }
        return false;
    }

    static boolean isComposite(BtfType t) { return t instanceof BtfType.Struct || t instanceof BtfType.Union; }

    static List<BtfType.Member> members(BtfType t) {
        return t instanceof BtfType.Struct s ? s.members() : t instanceof BtfType.Union u ? u.members() : null;
    }

    /** "struct task_struct", "union u", "enum e", "int", or "type #id". */
    static String describe(Btf btf, int id) {
        BtfType t = id == 0 ? null : btf.type(id);
        if (t == null) return "void";
        String name = t.name().isEmpty() ? "<anonymous>" : t.name();
        if (t instanceof BtfType.Struct) return "struct " + name;
        if (t instanceof BtfType.Union) return "union " + name;
        if (TargetTypes.isEnum(t.kind())) return "enum " + name;
        if (t instanceof BtfType.Ptr) return "a pointer";
        if (t instanceof BtfType.Array) return "an array";
        return t.name().isEmpty() ? "type #" + id : name;
    }

    static int[] indices(String access) {
        String[] parts = access.split(":", -1);
        int[] idx = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                idx[i] = Integer.parseInt(parts[i]);
                if (idx[i] < 0) throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed access string \"" + access + "\"");
        }
        return idx;
    }
}
