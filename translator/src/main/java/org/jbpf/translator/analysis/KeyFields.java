package org.jbpf.translator.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jbpf.translator.frontend.ValueType;

/**
 * The constants known in the number fields of local structs on every path here, so that two @Struct map keys built
 * from different constants ({@code new Key(1, pid)}, {@code new Key(2, pid)}) are known to differ, as numbers
 * compared unequal are ({@link HeldFields}). A field store of a constant notes it; any other store into the field,
 * a new object at the struct's site, a store through a pointer that may be the struct, and a call that may write it
 * forget it.
 */
final class KeyFields {
    static final KeyFields NONE = new KeyFields(Map.of());

    /** A local struct of class {@code type} with the constants of some of its number fields, by field name. */
    record Known(String type, Map<String, Long> fields) {
        @Override public boolean equals(Object o) { return o instanceof Known k && type.equals(k.type) && fields.equals(k.fields); }
        @Override public int hashCode() { return type.hashCode() * 31 + fields.hashCode(); }
    }

    /** By the struct's key ({@link CopyFacts#key}). */
    private final Map<Long, Known> known;

    private KeyFields(Map<Long, Known> known) { this.known = known; }

    boolean isEmpty() { return known.isEmpty(); }

    /** The constants known in the fields of {@code v}, a local struct; empty when none are. */
    Map<String, Long> of(Value v) {
        Known k = v instanceof Value.StackObj ? known.get(CopyFacts.key(v)) : null;
        return k == null ? Map.of() : k.fields;
    }

    /** True when some field holds different constants in the two keys: then they are different keys. */
    static boolean differ(Map<String, Long> x, Map<String, Long> y) {
        for (Map.Entry<String, Long> e : x.entrySet()) {
            Long other = y.get(e.getKey());
            if (other != null && !other.equals(e.getValue())) return true;
        }
        return false;
    }

    /** A new object at the site of {@code obj}: nothing is known of its fields until stores set them. */
    KeyFields remade(Value obj) {
        Long k = CopyFacts.key(obj);
        if (k == null || !known.containsKey(k)) return this;
        Map<Long, Known> m = new HashMap<>(known);
        m.remove(k);
        return new KeyFields(Map.copyOf(m));
    }

    /** A store of {@code v} into number field {@code field} of {@code obj}. */
    KeyFields written(Value obj, String field, Value v) {
        if (obj instanceof Value.Ptr p) return throughPointer(p);
        if (!(obj instanceof Value.StackObj so) || !(so.type() instanceof ValueType.Struct s)) return this;
        Long k = CopyFacts.key(obj);
        Known was = known.get(k);
        Long constant = v instanceof Value.Scalar c ? c.constant() : null;
        if (constant == null && (was == null || !was.fields.containsKey(field))) return this;
        Map<String, Long> fields = new HashMap<>(was == null ? Map.of() : was.fields);
        if (constant == null) fields.remove(field); else fields.put(field, constant);
        Map<Long, Known> m = new HashMap<>(known);
        m.put(k, new Known(s.internalName(), Map.copyOf(fields)));
        return new KeyFields(Map.copyOf(m));
    }

    /** {@code v} given to a call that may write it: what was known of it, or of any struct it may be, is forgotten. */
    KeyFields given(Value v) {
        if (v instanceof Value.Ptr p) return throughPointer(p);
        return remade(v);
    }

    /**
     * A store through pointer {@code p}: a map value or ring record is no local struct, but another pointer (merged from
     * several, a function's parameter, an element) may be any local struct of its class.
     */
    private KeyFields throughPointer(Value.Ptr p) {
        if (p.ringRecord() || p.origin().endsWith(".lookup(..)") || !(p.target() instanceof ValueType.Struct s)) return this;
        Map<Long, Known> m = null;
        for (Map.Entry<Long, Known> e : known.entrySet()) {
            if (!e.getValue().type.equals(s.internalName())) continue;
            if (m == null) m = new HashMap<>(known);
            m.remove(e.getKey());
        }
        return m == null ? this : new KeyFields(Map.copyOf(m));
    }

    /** What holds after a join: the constants known alike on both ways in. */
    KeyFields merge(KeyFields o) {
        if (o == this || known.equals(o.known)) return this;
        Map<Long, Known> m = new HashMap<>();
        for (Map.Entry<Long, Known> e : known.entrySet()) {
            Known theirs = o.known.get(e.getKey());
            if (theirs == null) continue;
            Map<String, Long> both = new HashMap<>();
            for (Map.Entry<String, Long> f : e.getValue().fields.entrySet())
                if (f.getValue().equals(theirs.fields.get(f.getKey()))) both.put(f.getKey(), f.getValue());
            if (!both.isEmpty()) m.put(e.getKey(), new Known(e.getValue().type, Map.copyOf(both)));
        }
        return new KeyFields(Map.copyOf(m));
    }

    @Override public boolean equals(Object o) { return o instanceof KeyFields k && known.equals(k.known); }

    @Override public int hashCode() { return Objects.hashCode(known); }
}
