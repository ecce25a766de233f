package org.jbpf.core.btf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A mutable table of BTF types; {@link #add} returns the new type's id (ids start at 1, 0 is void). */
public final class Btf {
    private final List<BtfType> types = new ArrayList<>();
    /**
     * The first id of each kind and name, made on the first {@link #find}: a kernel's BTF has over a hundred thousand
     * types, and the verifier simulation looks some up at every access it checks.
     */
    private volatile Map<String, Integer> firstByName;

    public int add(BtfType t) {
        types.add(t);
        Map<String, Integer> index = firstByName;
        if (index != null) index.putIfAbsent(key(t.kind(), t.name()), types.size());
        return types.size();
    }

    /** Type by id; id 0 (void) has no record and returns null. */
    public BtfType type(int id) {
        if (id == 0) return null;
        if (id < 0 || id > types.size()) throw new IllegalArgumentException("no BTF type with id " + id);
        return types.get(id - 1);
    }

    /** Replaces a type in place, e.g. to complete a struct that refers to itself. */
    public void set(int id, BtfType t) {
        types.set(id - 1, t);
        firstByName = null;
    }

    public List<BtfType> types() { return Collections.unmodifiableList(types); }

    public int size() { return types.size(); }

    /** Id of the first type with this kind and name, or -1. */
    public int find(int kind, String name) {
        Map<String, Integer> index = firstByName;
        if (index == null) {
            index = new HashMap<>(types.size() * 2);
            for (int i = 0; i < types.size(); i++) index.putIfAbsent(key(types.get(i).kind(), types.get(i).name()), i + 1);
            firstByName = index;
        }
        Integer id = index.get(key(kind, name));
        return id == null ? -1 : id;
    }

    private static String key(int kind, String name) { return kind + ":" + name; }

    /** Follows typedef, const, volatile, restrict and type tags to the underlying type id. */
    public int resolve(int id) {
        for (int guard = 0; guard < 64 && id != 0; guard++) {
            BtfType t = type(id);
            if (t instanceof BtfType.Typedef td) id = td.type();
            else if (t instanceof BtfType.Const c) id = c.type();
            else if (t instanceof BtfType.Volatile v) id = v.type();
            else if (t instanceof BtfType.Restrict r) id = r.type();
            else if (t instanceof BtfType.TypeTag tt) id = tt.type();
            else return id;
        }
        return id;
    }

    /** Size in bytes of a sized type (int, struct, union, enum, array, pointer, datasec), after resolving modifiers. */
    public long sizeOf(int id) {
        id = resolve(id);
        BtfType t = type(id);
        if (t == null) throw new IllegalArgumentException("void has no size");
        if (t instanceof BtfType.IntType i) return i.size();
        if (t instanceof BtfType.Struct s) return s.size();
        if (t instanceof BtfType.Union u) return u.size();
        if (t instanceof BtfType.Enum e) return e.size();
        if (t instanceof BtfType.Enum64 e) return e.size();
        if (t instanceof BtfType.FloatType f) return f.size();
        if (t instanceof BtfType.Ptr) return 8;
        if (t instanceof BtfType.Datasec d) return d.size();
        if (t instanceof BtfType.Array a) return a.nelems() * sizeOf(a.elemType());
        throw new IllegalArgumentException("BTF type " + id + " (" + t.getClass().getSimpleName() + ") has no size");
    }
}
