package org.jbpf.translator.analysis;

import org.jbpf.translator.frontend.MapDecl;

/**
 * Which local variable holds, before an instruction, the element of a map that a lookup under a constant key returned,
 * known not to be null on every path there. A lookup site's key is that constant on every run of it (the analysis
 * merges differing keys to none), so every non-null pointer the site gave, from any run, is that key's element.
 */
public final class LookedUpElements {
    private LookedUpElements() {}

    /** No local holds such a pointer. */
    public static final int NONE = -1;

    /**
     * A local variable of {@code a} that holds, before instruction {@code index}, a pointer known not null to the
     * element of {@code map} under the constant {@code key} (the analysis's value of a map call's key), or NONE.
     */
    public static int localHolding(MethodAnalysis a, int index, MapDecl map, Value key) {
        Long k = MapWrites.keyConstant(key);
        Frame f = a.frames[index];
        if (k == null || f == null) return NONE;
        // a pointer merged from different lookups names "several places" and no lookup of its own
        String origin = map.name() + ".lookup(..)";
        for (int var = 0; var < f.locals.length; var++) {
            if (!(f.locals[var] instanceof Value.Ptr p) || p.nullable() || p.ringRecord() || !p.origin().equals(origin)) continue;
            HeldFields.Looked l = f.copies.held.lookedUp(p.id());
            if (l != null && l.map().equals(map.name()) && k.equals(l.key())) return var;
        }
        return NONE;
    }
}
