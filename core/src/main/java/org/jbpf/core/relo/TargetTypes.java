package org.jbpf.core.relo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;

/**
 * The BTF of the kernel a program is relocated against, and the candidates each local type name has in it: the
 * target's types of the same essential name (the name without a {@code ___flavour} suffix) and kind, found through
 * the target's name index and kept per name, so a program's many relocations of one struct look it up once and no
 * relocation walks every type.
 */
public final class TargetTypes {
    private final Btf btf;
    private final Map<String, List<Integer>> candidates = new ConcurrentHashMap<>();

    public TargetTypes(Btf btf) { this.btf = btf; }

    public Btf btf() { return btf; }

    /** "task_struct___old" and "task_struct" both name "task_struct": flavours let one object describe several layouts. */
    public static String essentialName(String name) { return Btf.essentialName(name); }

    /** Ids of the types whose essential name is {@code name} and whose kind is {@code kind} (enum and enum64 count as one). */
    List<Integer> candidates(String name, int kind) {
        int base = isEnum(kind) ? BtfType.KIND_ENUM : kind;
        String key = base + ":" + name;
        // no lambda: linking one costs a cold process more than the lookup it would save
        List<Integer> known = candidates.get(key);
        if (known != null) return known;
        List<Integer> out = new ArrayList<>();
        for (int id : btf.withEssentialName(name, base)) out.add(id);
        // an enum of the program's may be an enum64 of the kernel's, or the other way round
        if (isEnum(kind)) {
            for (int id : btf.withEssentialName(name, BtfType.KIND_ENUM64)) out.add(id);
            Collections.sort(out);
        }
        known = Collections.unmodifiableList(out);
        candidates.put(key, known);
        return known;
    }

    static boolean sameKind(int a, int b) {
        return a == b || isEnum(a) && isEnum(b);
    }

    static boolean isEnum(int kind) { return kind == BtfType.KIND_ENUM || kind == BtfType.KIND_ENUM64; }
}
