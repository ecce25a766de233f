package org.jbpf.translator.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Pointers into struct fields that a replacement of the field left behind. {@code Point old = s.from; s.from = q;}
 * keeps the old Point in Java, but the struct holds its nested structs and arrays in place, so {@code old} then sees
 * q's copy. Each pointer read from a non-number field (or an element) notes the value it was read from, and a
 * replacement of a field marks the pointers read from that field of that struct (and those read through them) as
 * stale, and so does an update of a map for the values looked up in it; {@link CopySteps} refuses a use of one. Immutable, as {@link CopyFacts}, which carries it.
 */
final class HeldFields {
    static final HeldFields NONE = new HeldFields(Map.of(), Map.of());

    /**
     * A replacement of field {@code field} (for messages: {@code Segment.from}, which holds a {@code what}, or a map's
     * values) at instruction {@code index} of {@code in}; {@code holder} says what keeps it in place, {@code advice}
     * what to write instead.
     */
    record Replaced(MethodAnalysis in, int index, String field, String what, String holder, String advice) {
        @Override public boolean equals(Object o) { return o instanceof Replaced r && in == r.in && index == r.index; }
        @Override public int hashCode() { return index; }
    }

    /** The value each pointer was read from, by their keys (CopyFacts.key). */
    private final Map<Long, Long> parents;
    /** The pointers a replacement left behind, by key. */
    private final Map<Long, Replaced> stale;

    private HeldFields(Map<Long, Long> parents, Map<Long, Replaced> stale) {
        this.parents = parents;
        this.stale = stale;
    }

    boolean isEmpty() { return parents.isEmpty() && stale.isEmpty(); }

    /** Notes that pointer {@code read} was read from {@code from} (a field or an element of it), now, so it is not stale. */
    HeldFields read(Value from, Value read) {
        Long k = CopyFacts.key(read), p = CopyFacts.key(from);
        if (k == null || p == null || p.equals(parents.get(k)) && !stale.containsKey(k)) return this;
        Map<Long, Long> ps = new LinkedHashMap<>(parents);
        ps.put(k, p);
        Map<Long, Replaced> st = stale;
        if (stale.containsKey(k)) {
            st = new LinkedHashMap<>(stale);
            st.remove(k);
        }
        return new HeldFields(ps, st);
    }

    /**
     * Field {@code origin} (as a pointer read from it names its origin) of {@code container} is replaced: the pointers
     * read from it that {@code f} holds, other than the top {@code operands} stack entries, are stale.
     */
    HeldFields replaced(Frame f, int operands, Value container, String origin, Replaced at) {
        Long c = CopyFacts.key(container);
        Map<Long, Replaced> st = null;
        int n = f.locals.length + f.stack.size() - operands;
        for (int i = 0; i < n; i++) {
            Value v = i < f.locals.length ? f.locals[i] : f.stack.get(i - f.locals.length);
            if (!(v instanceof Value.Ptr p) || !p.origin().equals(origin)) continue;
            Long parent = parents.get(p.id());
            if (parent != null && c != null && !parent.equals(c) || stale.containsKey(p.id())) continue;
            if (st == null) st = new LinkedHashMap<>(stale);
            st.put(p.id(), at);
        }
        return st == null ? this : new HeldFields(parents, st);
    }

    /** Notes that {@code v} was made again now (a map lookup run again): it refers to what is there now. */
    HeldFields fresh(Value v) {
        Long k = CopyFacts.key(v);
        if (k == null || !stale.containsKey(k)) return this;
        Map<Long, Replaced> st = new LinkedHashMap<>(stale);
        st.remove(k);
        return new HeldFields(parents, st);
    }

    /** The replacement that left {@code v} (or a value it was read through) behind, or null. */
    Replaced staleOf(Value v) {
        Long k = CopyFacts.key(v);
        for (int depth = 0; k != null && depth < 16; depth++) {
            Replaced r = stale.get(k);
            if (r != null) return r;
            k = parents.get(k);
        }
        return null;
    }

    /** A pointer merged from {@code mine} and {@code theirs} is stale when either is. */
    HeldFields join(Value mine, Value theirs, Value merged) {
        Long k = CopyFacts.key(merged);
        if (k == null || stale.containsKey(k)) return this;
        Replaced r = staleOf(mine);
        if (r == null) r = staleOf(theirs);
        if (r == null) return this;
        Map<Long, Replaced> st = new LinkedHashMap<>(stale);
        st.put(k, r);
        return new HeldFields(parents, st);
    }

    HeldFields merge(HeldFields o) {
        if (o == this || o.parents.isEmpty() && o.stale.isEmpty()) return this;
        Map<Long, Long> ps = new LinkedHashMap<>(parents);
        for (Map.Entry<Long, Long> e : o.parents.entrySet()) ps.putIfAbsent(e.getKey(), e.getValue());
        Map<Long, Replaced> st = new LinkedHashMap<>(stale);
        for (Map.Entry<Long, Replaced> e : o.stale.entrySet()) st.putIfAbsent(e.getKey(), e.getValue());
        HeldFields m = new HeldFields(ps, st);
        return m.equals(this) ? this : m;
    }

    @Override public boolean equals(Object o) { return o instanceof HeldFields h && parents.equals(h.parents) && stale.equals(h.stale); }

    @Override public int hashCode() { return Objects.hash(parents, stale); }
}
