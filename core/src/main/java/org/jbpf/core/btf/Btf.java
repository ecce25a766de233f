package org.jbpf.core.btf;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mutable table of BTF types; {@link #add} returns the new type's id (ids start at 1, 0 is void). A table read with
 * {@link BtfReader#readLazily} decodes each type on first use and finds names without decoding; changing it decodes
 * every type first.
 */
public final class Btf {
    private final List<BtfType> types = new ArrayList<>();
    /** The types not yet decoded into {@link #types}, or null. */
    private LazyTypes lazy;
    /**
     * The first id of each kind and name, made on the first {@link #find}: a kernel's BTF has over a hundred thousand
     * types, and the verifier simulation looks some up at every access it checks.
     */
    private volatile Map<String, Integer> firstByName;
    /** The ids of each kind and essential name, made on the first {@link #withEssentialName}. */
    private volatile Map<String, int[]> byEssentialName;

    public Btf() {}

    Btf(LazyTypes lazy) { this.lazy = lazy; }

    public int add(BtfType t) {
        decodeAll();
        types.add(t);
        Map<String, Integer> index = firstByName;
        if (index != null) index.putIfAbsent(key(t.kind(), t.name()), types.size());
        byEssentialName = null;
        return types.size();
    }

    /** Type by id; id 0 (void) has no record and returns null. */
    public BtfType type(int id) {
        if (lazy != null) return lazy.type(id);
        if (id == 0) return null;
        if (id < 0 || id > types.size()) throw new IllegalArgumentException("no BTF type with id " + id);
        return types.get(id - 1);
    }

    /** Replaces a type in place, e.g. to complete a struct that refers to itself. */
    public void set(int id, BtfType t) {
        decodeAll();
        types.set(id - 1, t);
        firstByName = null;
        byEssentialName = null;
    }

    /** The types in id order; for a lazily read table, a view that decodes each type as it is reached. */
    public List<BtfType> types() {
        LazyTypes l = lazy;
        if (l == null) return Collections.unmodifiableList(types);
        return new AbstractList<>() {
            @Override public BtfType get(int index) {
                if (index < 0 || index >= l.size()) throw new IndexOutOfBoundsException(index);
                return l.type(index + 1);
            }
            @Override public int size() { return l.size(); }
        };
    }

    public int size() { return lazy != null ? lazy.size() : types.size(); }

    /** The kind of type {@code id} (one of {@link BtfType}'s KIND constants); a lazily read table decodes nothing for it. */
    public int kind(int id) {
        if (lazy != null) return lazy.kind(id);
        if (id <= 0 || id > types.size()) throw new IllegalArgumentException("no BTF type with id " + id);
        return types.get(id - 1).kind();
    }

    /** Id of the first type with this kind and name, or -1. */
    public int find(int kind, String name) {
        if (lazy != null) return lazy.find(kind, name);
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

    /**
     * Ids, ascending, of the types of this kind whose {@link #essentialName} is {@code name}: the candidates a CO-RE
     * relocation of a local type of that name and kind is matched against.
     */
    public int[] withEssentialName(String name, int kind) {
        if (lazy != null) return lazy.withEssentialName(name, kind);
        Map<String, int[]> index = byEssentialName;
        if (index == null) {
            index = new HashMap<>(types.size() * 2);
            for (int i = 0; i < types.size(); i++) {
                BtfType t = types.get(i);
                if (t.name().isEmpty()) continue;
                String k = key(t.kind(), essentialName(t.name()));
                int[] ids = index.get(k);
                int[] more = ids == null ? new int[1] : Arrays.copyOf(ids, ids.length + 1);
                more[more.length - 1] = i + 1;
                index.put(k, more);
            }
            byEssentialName = index;
        }
        int[] ids = index.get(key(kind, name));
        return ids == null ? new int[0] : ids.clone();
    }

    /** "task_struct___old" and "task_struct" both name "task_struct": flavours let one object describe several layouts. */
    public static String essentialName(String name) {
        int cut = name.indexOf("___");
        return cut > 0 ? name.substring(0, cut) : name;
    }

    /** Replaces the lazily read types by decoded ones, before the table changes. */
    private void decodeAll() {
        LazyTypes l = lazy;
        if (l == null) return;
        for (int id = 1; id <= l.size(); id++) types.add(l.type(id));
        lazy = null;
        firstByName = null;
    }

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
        long size = sizeIfKnown(id);
        if (size >= 0) return size;
        BtfType t = type(resolve(id));
        if (t == null) throw new IllegalArgumentException("void has no size");
        throw new IllegalArgumentException("BTF type " + resolve(id) + " (" + t.getClass().getSimpleName() + ") has no size");
    }

    /**
     * {@link #sizeOf}, or -1 where that has no answer: void, a kind without a size, an id outside the table, arrays
     * nested more than 32 deep (a damaged file's types may refer to themselves) or larger than Integer.MAX_VALUE bytes.
     */
    public long sizeIfKnown(int id) { return sizeIfKnown(id, 0); }

    private long sizeIfKnown(int id, int depth) {
        if (depth > 32 || id <= 0 || id > size()) return -1;
        id = resolve(id);
        BtfType t = id <= 0 || id > size() ? null : type(id);
        if (t instanceof BtfType.IntType i) return i.size();
        if (t instanceof BtfType.Struct s) return s.size();
        if (t instanceof BtfType.Union u) return u.size();
        if (t instanceof BtfType.Enum e) return e.size();
        if (t instanceof BtfType.Enum64 e) return e.size();
        if (t instanceof BtfType.FloatType f) return f.size();
        if (t instanceof BtfType.Ptr) return 8;
        if (t instanceof BtfType.Datasec d) return d.size();
        if (t instanceof BtfType.Array a) {
            long elem = sizeIfKnown(a.elemType(), depth + 1), n = a.nelems() & 0xffffffffL;
            return elem < 0 || (elem > 0 && n > Integer.MAX_VALUE / elem) ? -1 : elem * n;
        }
        return -1;
    }
}
