package org.jbpf.translator.analysis;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jbpf.translator.frontend.ValueType;

/**
 * The arrays and structs copied into a struct's field on the way to an instruction, where Java would share them: a
 * struct holds its arrays and nested structs in place, so {@code x.values = v} (or {@code new Buf(7, v)}) leaves two
 * storages that Java sees as one object. Each copy is one {@link Fact} naming both sides by the values that refer to
 * them, so {@link CopySteps} can refuse a program that writes one side and then reads the other. Immutable: frames
 * share it and replace it when it grows.
 */
final class CopyFacts {
    static final CopyFacts NONE = new CopyFacts(Map.of(), HeldFields.NONE);

    /**
     * One copy, made by the instruction {@code copyIndex} of {@code copiedIn}. The source is every value whose key is in
     * {@code sourceKeys} or whose pointer origin is in {@code sourceOrigins}; the destination every pointer read from the
     * field {@code destOrigin} of the struct {@code destContainer} (CopyFacts.key; null: of any struct of that class) and
     * those derived from it ({@code destKeys}).
     * A source chosen at run time among several (a merged pointer) is every value of its {@code sourceType}.
     * {@code sourceWrite} and {@code destWrite} are where each side was first written after the copy, or null.
     */
    record Fact(MethodAnalysis copiedIn, int copyIndex, String what, String destOrigin, String destOwner, Long destContainer, Set<Long> sourceKeys,
                Set<String> sourceOrigins, ValueType sourceType, Set<Long> destKeys, String sourceWrite, String destWrite) {
        boolean isSource(Value v) {
            Long k = key(v);
            return k != null && sourceKeys.contains(k) || v instanceof Value.Ptr p && sourceOrigins.contains(p.origin())
                    || sourceType != null && sourceType.equals(typeOf(v));
        }

        /** True when {@code v} may be the destination: read from its field of a struct not provably another ({@code held}). */
        boolean isDest(Value v, HeldFields held) {
            Long k = key(v);
            if (k != null && destKeys.contains(k)) return true;
            return v instanceof Value.Ptr p && p.origin().equals(destOrigin) && !held.distinct(held.parentOf(p.id()), destContainer);
        }

        /** True when {@code v} may be the struct whose field is the destination: one of its class, not provably another. */
        boolean mayHold(Value v, HeldFields held) {
            ValueType t = typeOf(v);
            return t instanceof ValueType.Struct s && s.internalName().equals(destOwner) && !held.distinct(key(v), destContainer);
        }

        Fact merge(Fact o) {
            Set<Long> sk = union(sourceKeys, o.sourceKeys), dk = union(destKeys, o.destKeys);
            Set<String> so = union(sourceOrigins, o.sourceOrigins);
            return new Fact(copiedIn, copyIndex, what, destOrigin, destOwner, Objects.equals(destContainer, o.destContainer) ? destContainer : null, sk, so, sourceType, dk, sourceWrite != null ? sourceWrite : o.sourceWrite,
                    destWrite != null ? destWrite : o.destWrite);
        }

        @Override public boolean equals(Object o) {
            return o instanceof Fact f && copiedIn == f.copiedIn && copyIndex == f.copyIndex && sourceKeys.equals(f.sourceKeys)
                    && sourceOrigins.equals(f.sourceOrigins) && destKeys.equals(f.destKeys) && Objects.equals(sourceWrite, f.sourceWrite)
                    && Objects.equals(destWrite, f.destWrite);
        }

        @Override public int hashCode() { return Objects.hash(copyIndex, sourceKeys, destKeys); }
    }

    /** The facts by the site of their copy. */
    final Map<Long, Fact> facts;
    /** Pointers read from struct fields, and those a replacement of the field left behind. */
    final HeldFields held;

    private CopyFacts(Map<Long, Fact> facts, HeldFields held) {
        this.facts = facts;
        this.held = held;
    }

    boolean isEmpty() { return facts.isEmpty() && held.isEmpty(); }

    CopyFacts withHeld(HeldFields h) { return h == held ? this : new CopyFacts(facts, h); }

    /** What identifies value {@code v} across copies of it: a local object's site, a pointer's id; null for anything else. */
    static Long key(Value v) {
        if (v instanceof Value.StackObj so) return (1L << 60) + so.site();
        if (v instanceof Value.Ptr p) return p.id();
        return null;
    }

    /** The array or struct type {@code v} refers to, or null. */
    static ValueType typeOf(Value v) {
        return v instanceof Value.StackObj so ? so.type() : v instanceof Value.Ptr p ? p.target() : null;
    }

    /** With the copy made at {@code site}, which replaces the one made there before (a loop's copy again). */
    CopyFacts with(long site, Fact fact) {
        Map<Long, Fact> m = new LinkedHashMap<>(facts);
        m.put(site, fact);
        return new CopyFacts(m, held);
    }

    /**
     * Without the facts whose source is the object {@code made} now makes afresh (a loop's next {@code new}), and what
     * was known of its fields' numbers.
     */
    CopyFacts remade(Value made) {
        Long k = key(made);
        if (k == null) return this;
        HeldFields h = held.withKeys(held.keys.remade(made));   // nothing is known of the new object's fields yet
        if (h != held) return new CopyFacts(facts, h).remade(made);
        if (facts.isEmpty()) return this;
        Map<Long, Fact> m = new LinkedHashMap<>();
        for (Map.Entry<Long, Fact> e : facts.entrySet()) if (!e.getValue().sourceKeys.contains(k)) m.put(e.getKey(), e.getValue());
        return m.size() == facts.size() ? this : new CopyFacts(m, held);
    }

    /**
     * Pointer {@code id} is made again now: the pointers it made before, keyed {@link HeldFields#earlierRun} from now
     * on, stay on the sides of the copies they were on (and so does the new one, as before).
     */
    CopyFacts madeAgain(long id) {
        HeldFields h = held.madeAgain(id);
        long earlier = HeldFields.earlierRun(id);
        Map<Long, Fact> m = null;
        for (Map.Entry<Long, Fact> e : facts.entrySet()) {
            Fact f = e.getValue();
            boolean src = f.sourceKeys.contains(id), dst = f.destKeys.contains(id);
            if (!src && !dst) continue;
            if (m == null) m = new LinkedHashMap<>(facts);
            m.put(e.getKey(), new Fact(f.copiedIn, f.copyIndex, f.what, f.destOrigin, f.destOwner, f.destContainer,
                    src ? union(f.sourceKeys, Set.of(earlier)) : f.sourceKeys, f.sourceOrigins, f.sourceType,
                    dst ? union(f.destKeys, Set.of(earlier)) : f.destKeys, f.sourceWrite, f.destWrite));
        }
        return m == null && h == held ? this : new CopyFacts(m == null ? facts : m, h);
    }

    CopyFacts merge(CopyFacts other) {
        // the differences known (HeldFields) are those on both ways in: an empty side keeps none
        if (other == this || other.isEmpty() && held.knowsNoDifferences()) return this;
        if (isEmpty() && other.held.knowsNoDifferences()) return other;
        HeldFields h = held.merge(other.held);
        Map<Long, Fact> m = new LinkedHashMap<>(facts);
        for (Map.Entry<Long, Fact> e : other.facts.entrySet()) {
            Fact mine = m.get(e.getKey());
            m.put(e.getKey(), mine == null ? e.getValue() : mine.merge(e.getValue()));
        }
        CopyFacts merged = new CopyFacts(m, h);
        return merged.equals(this) ? this : merged;
    }

    /**
     * Adds {@code derived} (a pointer read from a field or element of {@code from}, or a merge of it) to the side(s)
     * {@code from} belongs to.
     */
    CopyFacts derive(Value from, Value derived) {
        Long k = key(derived);
        if (k == null || facts.isEmpty()) return this;
        Map<Long, Fact> m = null;
        for (Map.Entry<Long, Fact> e : facts.entrySet()) {
            Fact f = e.getValue();
            boolean src = f.isSource(from) && !f.sourceKeys.contains(k), dst = f.isDest(from, held) && !f.destKeys.contains(k);
            if (!src && !dst) continue;
            if (m == null) m = new LinkedHashMap<>(facts);
            m.put(e.getKey(), new Fact(f.copiedIn, f.copyIndex, f.what, f.destOrigin, f.destOwner, f.destContainer,
                    src ? union(f.sourceKeys, Set.of(k)) : f.sourceKeys, f.sourceOrigins, f.sourceType,
                    dst ? union(f.destKeys, Set.of(k)) : f.destKeys, f.sourceWrite, f.destWrite));
        }
        return m == null ? this : new CopyFacts(m, held);
    }

    /** Notes that {@code fact}'s source (or destination) is written at {@code where}. */
    CopyFacts written(Fact fact, boolean source, String where) {
        if ((source ? fact.sourceWrite : fact.destWrite) != null) return this;
        Map<Long, Fact> m = new LinkedHashMap<>(facts);
        for (Map.Entry<Long, Fact> e : m.entrySet()) {
            Fact f = e.getValue();
            if (f == fact) e.setValue(new Fact(f.copiedIn, f.copyIndex, f.what, f.destOrigin, f.destOwner, f.destContainer, f.sourceKeys,
                    f.sourceOrigins, f.sourceType, f.destKeys, source ? where : f.sourceWrite, source ? f.destWrite : where));
        }
        return new CopyFacts(m, held);
    }

    @Override public boolean equals(Object o) { return o instanceof CopyFacts c && facts.equals(c.facts) && held.equals(c.held); }

    @Override public int hashCode() { return facts.hashCode() * 31 + held.hashCode(); }

    static <T> Set<T> union(Set<T> a, Set<T> b) {
        if (a.containsAll(b)) return a;
        Set<T> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }
}
