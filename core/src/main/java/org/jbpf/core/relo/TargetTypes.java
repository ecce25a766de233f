package org.jbpf.core.relo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;

/**
 * The BTF of the kernel a program is relocated against, with its named types indexed by essential name (the name
 * without a {@code ___flavour} suffix), so each relocation finds its candidates without scanning every type.
 */
public final class TargetTypes {
    private final Btf btf;
    private final Map<String, int[]> byName;

    public TargetTypes(Btf btf) {
        this.btf = btf;
        List<BtfType> types = btf.types();
        byName = new HashMap<>(types.size() * 2);
        for (int i = 0; i < types.size(); i++) {
            String name = types.get(i).name();
            if (name.isEmpty()) continue;
            // nearly every name is unique, so a one-element array each and a copy for the few repeats is cheapest
            int[] ids = byName.putIfAbsent(essentialName(name), new int[] {i + 1});
            if (ids != null) {
                int[] more = java.util.Arrays.copyOf(ids, ids.length + 1);
                more[ids.length] = i + 1;
                byName.put(essentialName(name), more);
            }
        }
    }

    public Btf btf() { return btf; }

    /** "task_struct___old" and "task_struct" both name "task_struct": flavours let one object describe several layouts. */
    public static String essentialName(String name) {
        int cut = name.indexOf("___");
        return cut > 0 ? name.substring(0, cut) : name;
    }

    /** Ids of the types whose essential name is {@code name} and whose kind is {@code kind} (enum and enum64 count as one). */
    List<Integer> candidates(String name, int kind) {
        int[] ids = byName.getOrDefault(name, new int[0]);
        List<Integer> out = new ArrayList<>(ids.length);
        for (int id : ids) if (sameKind(btf.type(id).kind(), kind)) out.add(id);
        return out;
    }

    static boolean sameKind(int a, int b) {
        return a == b || isEnum(a) && isEnum(b);
    }

    static boolean isEnum(int kind) { return kind == BtfType.KIND_ENUM || kind == BtfType.KIND_ENUM64; }
}
