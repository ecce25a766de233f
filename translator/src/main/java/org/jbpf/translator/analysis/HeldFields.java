package org.jbpf.translator.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Pointers into struct fields that a replacement of the field left behind. {@code Point old = s.from; s.from = q;}
 * keeps the old Point in Java, but the struct holds its nested structs and arrays in place, so {@code old} then sees
 * q's copy. Each pointer read from a non-number field (or an element) notes the value it was read from, and a
 * replacement of a field marks the pointers read from that field of that struct (and those read through them) as
 * stale, and so does an update of a map for the values looked up in it under a key it may write ({@link MapWrites});
 * {@link CopySteps} refuses a use of one. Immutable, as {@link CopyFacts}, which carries it.
 */
final class HeldFields {
    static final HeldFields NONE = new HeldFields(Map.of(), Map.of(), Map.of(), Set.of(), Set.of(), KeyFields.NONE, Map.of());

    /** The origin of a pointer merged from several (Value.merge). */
    private static final String MERGED = "several places";

    /** The parent of a pointer read from different values on different paths: it could be any of them. */
    static final long ANY_PARENT = -1;

    /**
     * A map value {@code map.lookup(key)} returned ({@code key} null when not known at translation), given the local
     * variable {@code keyLocal} of {@code owner} as it is still (KeyLocals.NONE when not); {@code unlinked} once a
     * delete of that map may have removed its element since, leaving it for the map to reuse.
     */
    record Looked(String map, Long key, MethodAnalysis owner, int keyLocal, boolean unlinked, Map<String, Long> keyFields) {
        Looked merge(Looked o) {
            if (equals(o)) return this;
            return new Looked(map, Objects.equals(key, o.key) ? key : null, owner, keyLocal == o.keyLocal ? keyLocal : KeyLocals.NONE,
                    unlinked || o.unlinked, keyFields.equals(o.keyFields) ? keyFields : Map.of());
        }

        @Override public boolean equals(Object o) {
            return o instanceof Looked l && map.equals(l.map) && Objects.equals(key, l.key) && owner == l.owner && keyLocal == l.keyLocal
                    && unlinked == l.unlinked && keyFields.equals(l.keyFields);
        }

        @Override public int hashCode() { return Objects.hash(map, key, keyLocal, unlinked, keyFields); }
    }

    /**
     * On this path, local {@code local} of {@code owner} differs from local {@code other} (KeyLocals.NONE: from the number
     * {@code constant}), as a compare the program made found and no store since changed.
     */
    record Differ(MethodAnalysis owner, int local, int other, Long constant) {
        @Override public boolean equals(Object o) {
            return o instanceof Differ d && owner == d.owner && local == d.local && other == d.other && Objects.equals(constant, d.constant);
        }

        @Override public int hashCode() { return Objects.hash(local, other, constant); }
    }

    /**
     * A replacement of field {@code field} (for messages: {@code Segment.from}, which holds a {@code what}, or a map's
     * values) at instruction {@code index} of {@code in}; {@code holder} says what keeps it in place, {@code advice}
     * what to write instead.
     */
    record Replaced(MethodAnalysis in, int index, String field, String what, String holder, String advice) {
        /** The new at {@code index} of {@code in} made local object {@code what} again, in the place of those made there before. */
        static Replaced madeAgain(MethodAnalysis in, int index, String what) { return new Replaced(in, index, null, what, null, null); }

        /** True for a local object made again ({@link #madeAgain}), not a replaced field or map value. */
        boolean remade() { return field == null; }

        @Override public boolean equals(Object o) { return o instanceof Replaced r && in == r.in && index == r.index; }
        @Override public int hashCode() { return index; }
    }

    /** The value each pointer was read from, by their keys (CopyFacts.key). */
    private final Map<Long, Long> parents;
    /** The pointers a replacement left behind, by key. */
    private final Map<Long, Replaced> stale;
    /** The map values looked up, by pointer id. */
    private final Map<Long, Looked> looked;
    /** The numbers known to differ on every path here. */
    private final Set<Differ> differ;
    /** The keys that name local objects (a struct or array made by new), each its own storage on the stack. */
    private final Set<Long> localObjects;
    /** The constants known in the number fields of local structs on every path here (struct map keys). */
    final KeyFields keys;

    /**
     * The values each pointer chosen among several (a merge of two paths' values) may be, by keys, where one of them may
     * be a local object or inside one: when that object is made again, the pointer may refer to the old one.
     */
    private final Map<Long, Set<Long>> choices;

    private HeldFields(Map<Long, Long> parents, Map<Long, Replaced> stale, Map<Long, Looked> looked, Set<Differ> differ,
                       Set<Long> localObjects, KeyFields keys, Map<Long, Set<Long>> choices) {
        this.choices = choices;
        this.keys = keys;
        this.parents = parents;
        this.stale = stale;
        this.looked = looked;
        this.differ = differ;
        this.localObjects = localObjects;
    }

    /** Notes that {@code v}, when it is a local object, is one (for {@link #distinct}). */
    HeldFields noteLocal(Value v) {
        Long k = CopyFacts.key(v);
        if (!(v instanceof Value.StackObj) || localObjects.contains(k)) return this;
        java.util.Set<Long> ls = new java.util.HashSet<>(localObjects);
        ls.add(k);
        return new HeldFields(parents, stale, looked, differ, Set.copyOf(ls), keys, choices);
    }

    boolean isEmpty() {
        return parents.isEmpty() && stale.isEmpty() && looked.isEmpty() && differ.isEmpty() && localObjects.isEmpty() && keys.isEmpty()
                && choices.isEmpty();
    }

    /** True when nothing but what {@link #differ} and {@link #keys} hold is known: a merge with it keeps none of those. */
    boolean knowsNoDifferences() { return differ.isEmpty() && keys.isEmpty(); }

    /** With {@code k} known of the fields of local structs. */
    HeldFields withKeys(KeyFields k) { return k.equals(keys) ? this : new HeldFields(parents, stale, looked, differ, localObjects, k, choices); }

    /** With local {@code local} of {@code owner} known to differ from local {@code other}, or from {@code constant}. */
    HeldFields differing(MethodAnalysis owner, int local, int other, Long constant) {
        Differ d = other != KeyLocals.NONE && other < local ? new Differ(owner, other, local, null) : new Differ(owner, local, other, constant);
        if (differ.contains(d)) return this;
        java.util.Set<Differ> ds = new java.util.HashSet<>(differ);
        ds.add(d);
        return new HeldFields(parents, stale, looked, Set.copyOf(ds), localObjects, keys, choices);
    }

    /** True when the key local {@code x} (or constant {@code cx}) differs from local {@code y} (or constant {@code cy}) here. */
    boolean differ(MethodAnalysis owner, int x, Long cx, int y, Long cy) {
        if (cx != null && cy != null) return !cx.equals(cy);
        if (x != KeyLocals.NONE && y != KeyLocals.NONE)
            return x != y && differ.contains(new Differ(owner, Math.min(x, y), Math.max(x, y), null));
        if (x != KeyLocals.NONE && cy != null) return differ.contains(new Differ(owner, x, KeyLocals.NONE, cy));
        if (y != KeyLocals.NONE && cx != null) return differ.contains(new Differ(owner, y, KeyLocals.NONE, cx));
        return false;
    }

    /** With the differences {@code h} knows in place of these (a call returns: it changed no local of its callers). */
    HeldFields withDifferencesOf(HeldFields h) {
        return h.differ.equals(differ) ? this : new HeldFields(parents, stale, looked, h.differ, localObjects, keys, choices);
    }

    /** Local {@code var} of {@code owner} is stored into: what was known of its value no longer holds. */
    HeldFields assigned(MethodAnalysis owner, int var) {
        Set<Differ> ds = differ;
        for (Differ d : differ)
            if (d.owner == owner && (d.local == var || d.other == var)) {
                if (ds == differ) ds = new java.util.HashSet<>(differ);
                ds.remove(d);
            }
        Map<Long, Looked> lk = null;
        for (Map.Entry<Long, Looked> e : looked.entrySet()) {
            Looked l = e.getValue();
            if (l.owner() != owner || l.keyLocal() != var) continue;
            if (lk == null) lk = new LinkedHashMap<>(looked);
            lk.put(e.getKey(), new Looked(l.map(), l.key(), l.owner(), KeyLocals.NONE, l.unlinked(), l.keyFields()));
        }
        if (ds == differ && lk == null) return this;
        return new HeldFields(parents, stale, lk == null ? looked : lk, ds == differ ? differ : Set.copyOf(ds), localObjects, keys, choices);
    }

    /** What lookup returned the map value pointer {@code id} is, or null when it is not known to be one. */
    Looked lookedUp(long id) { return looked.get(id); }

    /** The key of the value pointer {@code k} was read from, {@link #ANY_PARENT} when it differs by path, or null. */
    Long parentOf(long k) { return parents.get(k); }

    /**
     * True when the objects keyed {@code a} and {@code b} (CopyFacts.key) are provably apart: two local objects made at
     * different places, or values read from inside two such objects (a struct holds its fields in place).
     */
    boolean distinct(Long a, Long b) {
        for (int depth = 0; a != null && b != null && depth < 16; depth++) {
            if (a.equals(b) || a == ANY_PARENT || b == ANY_PARENT) return false;
            if (localObjects.contains(a) && localObjects.contains(b)) return true;
            a = parents.get(a);
            b = parents.get(b);
        }
        return false;
    }

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
        return new HeldFields(ps, st, looked, differ, localObjects, keys, choices);
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
            if (parent != null && parent != ANY_PARENT && c != null && !parent.equals(c) || stale.containsKey(p.id())) continue;
            if (st == null) st = new LinkedHashMap<>(stale);
            st.put(p.id(), at);
        }
        return st == null ? this : new HeldFields(parents, st, looked, differ, localObjects, keys, choices);
    }

    /**
     * Map {@code map} is written under {@code key} (null: not known): the values looked up in it, by pointers {@code f}
     * holds other than its top {@code operands} stack entries (those of origin {@code origin}, and those of its
     * {@code valueType} chosen among several places), are stale as {@code staleAs} says (given null for a value not
     * known to be looked up here), unless it says null: the write leaves them.
     */
    HeldFields mapWritten(Frame f, int operands, String origin, org.jbpf.translator.frontend.ValueType valueType,
                          java.util.function.Function<Looked, Replaced> staleAs) {
        Map<Long, Replaced> st = null;
        int n = f.locals.length + f.stack.size() - operands;
        for (int i = 0; i < n; i++) {
            Value v = i < f.locals.length ? f.locals[i] : f.stack.get(i - f.locals.length);
            if (!(v instanceof Value.Ptr p) || stale.containsKey(p.id())) continue;
            // a pointer chosen among several places (c ? a.lookup(k) : b.lookup(k)) may be this map's value
            boolean chosen = p.origin().equals(MERGED) && !p.ringRecord() && p.target().equals(valueType);
            if (!p.origin().equals(origin) && !chosen) continue;
            Replaced at = staleAs.apply(looked.get(p.id()));
            if (at == null) continue;
            if (st == null) st = new LinkedHashMap<>(stale);
            st.put(p.id(), at);
        }
        return st == null ? this : new HeldFields(parents, st, looked, differ, localObjects, keys, choices);
    }

    /** A delete of {@code map} under {@code key} (null: not known) may unlink the elements looked up under that key. */
    HeldFields deleted(String map, Long key) {
        Map<Long, Looked> lk = null;
        for (Map.Entry<Long, Looked> e : looked.entrySet()) {
            Looked l = e.getValue();
            if (!l.map().equals(map) || l.unlinked() || key != null && l.key() != null && !key.equals(l.key())) continue;
            if (lk == null) lk = new LinkedHashMap<>(looked);
            lk.put(e.getKey(), new Looked(map, l.key(), l.owner(), l.keyLocal(), true, l.keyFields()));
        }
        return lk == null ? this : new HeldFields(parents, stale, lk, differ, localObjects, keys, choices);
    }

    /**
     * The key that pointers made by the instruction whose pointers are keyed {@code id} take once that instruction runs
     * again (a loop's next round): they refer to what was there at an earlier run, one key for every earlier run.
     */
    static long earlierRun(long id) { return id | EARLIER_RUN; }

    private static final long EARLIER_RUN = 1L << 62;

    /**
     * Pointer {@code id} is made again now (a map lookup or a field read run again), and refers to what is there now:
     * what was known of the pointers it made before (a replacement left them behind, the lookup that gave them, the
     * pointers read through them) moves to {@link #earlierRun}, the key those pointers take (Frame.madeAgain).
     */
    HeldFields madeAgain(long id) {
        long earlier = earlierRun(id);
        if (earlier == id) return this;
        boolean known = stale.containsKey(id) || looked.containsKey(id) || parents.containsKey(id) || parents.containsValue(id)
                || chosen(id) || choices.containsKey(id);
        if (!known) return this;
        Map<Long, Replaced> st = new LinkedHashMap<>(stale);
        Replaced r = st.remove(id);
        if (r != null) st.putIfAbsent(earlier, r);
        // the new pointer's lookup and parent are its maker's to note (lookedUp, read, an inlined body's exit), not the old ones
        Map<Long, Looked> lk = looked;
        Looked l = looked.get(id);
        if (l != null) {
            lk = new LinkedHashMap<>(looked);
            lk.remove(id);
            Looked before = lk.get(earlier);
            lk.put(earlier, before == null ? l : before.merge(l));
        }
        Map<Long, Long> ps = new LinkedHashMap<>();
        // what was read through the earlier pointers is inside what they refer to
        for (Map.Entry<Long, Long> e : parents.entrySet())
            if (e.getKey() != id) ps.put(e.getKey(), e.getValue() == id ? earlier : e.getValue());
        Long parent = parents.get(id);
        if (parent != null) {
            Long mine = ps.get(earlier);
            ps.put(earlier, mine == null || mine.equals(parent) ? parent : ANY_PARENT);
        }
        // a pointer chosen among several that may have been one made before may be an earlier one now
        Map<Long, Set<Long>> ch = choices;
        if (chosen(id) || choices.containsKey(id)) {
            ch = new LinkedHashMap<>();
            for (Map.Entry<Long, Set<Long>> e : choices.entrySet()) {
                // what the pointers made before may be is theirs; the new one's is what its maker notes
                if (e.getKey() == id) continue;
                Set<Long> c = e.getValue();
                if (c.contains(id)) {
                    java.util.Set<Long> renamed = new java.util.HashSet<>(c);
                    renamed.remove(id);
                    renamed.add(earlier);
                    c = Set.copyOf(renamed);
                }
                ch.put(e.getKey(), c);
            }
            Set<Long> before = choices.get(id);
            if (before != null) {
                Set<Long> mine = ch.get(earlier);
                ch.put(earlier, mine == null ? before : CopyFacts.union(mine, before));
            }
        }
        return new HeldFields(ps, st, lk, differ, localObjects, keys, ch);
    }

    /** True when a pointer chosen among several may be {@code id}. */
    private boolean chosen(long id) {
        for (Set<Long> c : choices.values()) if (c.contains(id)) return true;
        return false;
    }

    /** True for the key of a local object (CopyFacts.key of a struct or array made by new), of this run or earlier ones. */
    static boolean isLocalObject(long k) { return k > 0 && (k & LOCAL_OBJECT) != 0; }

    private static final long LOCAL_OBJECT = 1L << 60;

    /**
     * The local object keyed {@code key} (a struct or array made by new) is made again now, by {@code at}, in the stack
     * area the ones made there before had: the pointers that may be one of those, or inside one, take its earlier
     * runs' key (as {@link #madeAgain}), which is stale from now on.
     */
    HeldFields localMadeAgain(long key, Replaced at) {
        HeldFields h = madeAgain(key);
        if (h == this) return this;
        Map<Long, Replaced> st = new LinkedHashMap<>(h.stale);
        st.put(earlierRun(key), at);
        return new HeldFields(h.parents, st, h.looked, h.differ, h.localObjects, h.keys, h.choices);
    }

    /** With the key of a direct copy of local object {@code key} made before now stale: the copy is an earlier one. */
    HeldFields earlierCopyHeld(long key, Replaced at) {
        long earlier = earlierRun(key);
        if (at.equals(stale.get(earlier))) return this;
        Map<Long, Replaced> st = new LinkedHashMap<>(stale);
        st.put(earlier, at);
        return new HeldFields(parents, st, looked, differ, localObjects, keys, choices);
    }

    /**
     * Pointer {@code merged} of a join is {@code mine} on one way in ({@code mineHeld} what was known there) and
     * {@code theirs} on the other: it may be either, as far as a local object or a value inside one goes.
     */
    HeldFields chosen(Value merged, HeldFields mineHeld, Value mine, HeldFields theirsHeld, Value theirs) {
        Long k = CopyFacts.key(merged);
        if (k == null) return this;
        java.util.Set<Long> may = new java.util.HashSet<>();
        mineHeld.choicesOf(mine, may);
        theirsHeld.choicesOf(theirs, may);
        return chosen(k, may, mineHeld, theirsHeld);
    }

    /**
     * Pointer {@code k} may be any of {@code may} (keys), as {@code mineHeld} and {@code theirsHeld} know them: noted when
     * one of them may be a local object or inside one, else forgotten.
     */
    HeldFields chosen(long k, java.util.Set<Long> may, HeldFields mineHeld, HeldFields theirsHeld) {
        may.remove(k);
        boolean local = false;
        for (Long c : may) local |= mineHeld.reachesLocal(c, 0) || theirsHeld.reachesLocal(c, 0);
        Set<Long> before = choices.get(k);
        if (!local) {
            if (before == null) return this;
            Map<Long, Set<Long>> ch = new LinkedHashMap<>(choices);
            ch.remove(k);
            return new HeldFields(parents, stale, looked, differ, localObjects, keys, ch);
        }
        Set<Long> now = Set.copyOf(may);
        if (now.equals(before)) return this;
        Map<Long, Set<Long>> ch = new LinkedHashMap<>(choices);
        ch.put(k, now);
        return new HeldFields(parents, stale, looked, differ, localObjects, keys, ch);
    }

    /** Adds the values {@code v} may be to {@code into}: its choices, or itself. */
    void choicesOf(Value v, java.util.Set<Long> into) {
        Long k = CopyFacts.key(v);
        if (k == null) return;
        Set<Long> c = choices.get(k);
        if (c != null) into.addAll(c);
        else into.add(k);
    }

    /** True when key {@code k} is a local object, or inside one, or may be one of those. */
    private boolean reachesLocal(Long k, int depth) {
        if (k == null || depth > 16) return false;
        if (isLocalObject(k)) return true;
        Set<Long> c = choices.get(k);
        if (c != null) for (Long o : c) if (reachesLocal(o, depth + 1)) return true;
        return reachesLocal(parents.get(k), depth + 1);
    }

    /** Notes that pointer {@code v} is the value {@code map.lookup(key)} returned now, given local {@code keyLocal} of {@code owner}. */
    HeldFields lookedUp(Value v, String map, Long key, MethodAnalysis owner, int keyLocal, Map<String, Long> keyFields) {
        Long k = CopyFacts.key(v);
        Looked l = new Looked(map, key, owner, keyLocal, false, keyFields);
        if (k == null || l.equals(looked.get(k))) return this;
        Map<Long, Looked> lk = new LinkedHashMap<>(looked);
        lk.put(k, l);
        return new HeldFields(parents, stale, lk, differ, localObjects, keys, choices);
    }

    /** The replacement that left {@code v} (or a value it was read through) behind, or null. */
    Replaced staleOf(Value v) {
        return staleOf(CopyFacts.key(v), 0);
    }

    private Replaced staleOf(Long k, int depth) {
        for (; k != null && depth < 16; depth++) {
            Replaced r = stale.get(k);
            if (r != null) return r;
            // a pointer chosen among several is stale when one of them may be
            Set<Long> c = choices.get(k);
            if (c != null)
                for (Long o : c) {
                    Replaced in = staleOf(o, depth + 1);
                    if (in != null) return in;
                }
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
        return new HeldFields(parents, st, looked, differ, localObjects, keys, choices);
    }

    HeldFields merge(HeldFields o) {
        if (o == this || o.isEmpty() && differ.isEmpty() && keys.isEmpty()) return this;
        Map<Long, Long> ps = new LinkedHashMap<>(parents);
        // a pointer read from different values on two paths may be inside either
        for (Map.Entry<Long, Long> e : o.parents.entrySet()) {
            Long mine = ps.get(e.getKey());
            // inside a local object made again since on one way in: inside an earlier one, whose storage the new one took
            long theirs = e.getValue();
            ps.put(e.getKey(), mine == null || mine == theirs ? theirs : isLocalObject(mine) && earlierRun(mine) == theirs ? theirs
                    : isLocalObject(theirs) && earlierRun(theirs) == mine ? mine : ANY_PARENT);
        }
        Map<Long, Replaced> st = new LinkedHashMap<>(stale);
        for (Map.Entry<Long, Replaced> e : o.stale.entrySet()) st.putIfAbsent(e.getKey(), e.getValue());
        Map<Long, Looked> lk = new LinkedHashMap<>(looked);
        for (Map.Entry<Long, Looked> e : o.looked.entrySet()) {
            Looked mine = lk.get(e.getKey());
            lk.put(e.getKey(), mine == null ? e.getValue() : mine.merge(e.getValue()));
        }
        // a difference holds after a join only when it held on both ways in
        Set<Differ> ds = differ;
        if (!o.differ.equals(differ)) {
            java.util.Set<Differ> both = new java.util.HashSet<>(differ);
            both.retainAll(o.differ);
            ds = Set.copyOf(both);
        }
        Set<Long> ls = localObjects;
        if (!localObjects.containsAll(o.localObjects)) {
            java.util.Set<Long> all = new java.util.HashSet<>(localObjects);
            all.addAll(o.localObjects);
            ls = Set.copyOf(all);
        }
        Map<Long, Set<Long>> ch = choices;
        if (!o.choices.isEmpty() && !o.choices.equals(choices)) {
            ch = new LinkedHashMap<>(choices);
            for (Map.Entry<Long, Set<Long>> e : o.choices.entrySet()) {
                Set<Long> mine = ch.get(e.getKey());
                ch.put(e.getKey(), mine == null ? e.getValue() : CopyFacts.union(mine, e.getValue()));
            }
        }
        HeldFields m = new HeldFields(ps, st, lk, ds, ls, keys.merge(o.keys), ch);
        return m.equals(this) ? this : m;
    }

    @Override public boolean equals(Object o) {
        return o instanceof HeldFields h && parents.equals(h.parents) && stale.equals(h.stale) && looked.equals(h.looked)
                && differ.equals(h.differ) && localObjects.equals(h.localObjects) && keys.equals(h.keys) && choices.equals(h.choices);
    }

    @Override public int hashCode() { return Objects.hash(parents, stale, looked, differ, localObjects, keys, choices); }
}
