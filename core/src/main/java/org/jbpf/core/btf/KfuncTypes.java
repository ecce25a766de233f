package org.jbpf.core.btf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * BTF for the kernel functions (kfuncs) an object calls, as clang writes it for {@code extern ... __ksym}
 * declarations: a FUNC with extern linkage and its FUNC_PROTO per kfunc, all listed in a {@code .ksyms} DATASEC.
 * Loaders (jbpf's, libbpf) find the kfuncs there by name and resolve them against the running kernel's BTF. Only
 * the kfuncs jbpf's translator calls have prototypes here; objects from elsewhere carry their own.
 */
public final class KfuncTypes {
    private KfuncTypes() {}

    public static final String KSYMS = ".ksyms";

    /** Adds the extern FUNC of each kfunc in {@code names} that {@code btf} lacks, and a {@code .ksyms} DATASEC for them. */
    public static void addExterns(Btf btf, Collection<String> names) {
        if (names.isEmpty() || btf.find(BtfType.KIND_DATASEC, KSYMS) > 0) return;
        List<BtfType.VarSecInfo> entries = new ArrayList<>();
        for (String name : names) {
            int id = externFunc(btf, name);
            if (id < 0) id = btf.add(new BtfType.Func(name, prototype(btf, name), BtfType.LINKAGE_EXTERN));
            entries.add(new BtfType.VarSecInfo(id, 0, 0));
        }
        btf.add(new BtfType.Datasec(KSYMS, 0, entries));
    }

    /** The id of the extern FUNC named {@code name}, or -1. */
    public static int externFunc(Btf btf, String name) {
        for (int id = 1; id <= btf.size(); id++)
            if (btf.type(id) instanceof BtfType.Func f && f.linkage() == BtfType.LINKAGE_EXTERN && f.name().equals(name)) return id;
        return -1;
    }

    private static int prototype(Btf btf, String name) {
        int iterator = pointerTo(btf, iteratorStruct(btf)), integer = intType(btf);
        switch (name) {
            case "bpf_iter_num_new":
                return btf.add(new BtfType.FuncProto(integer, List.of(new BtfType.Param("it", iterator),
                        new BtfType.Param("start", integer), new BtfType.Param("end", integer))));
            case "bpf_iter_num_next":
                return btf.add(new BtfType.FuncProto(pointerTo(btf, integer), List.of(new BtfType.Param("it", iterator))));
            case "bpf_iter_num_destroy":
                return btf.add(new BtfType.FuncProto(0, List.of(new BtfType.Param("it", iterator))));
            default:
                throw new IllegalArgumentException("no BTF prototype for kernel function " + name);
        }
    }

    /** {@code struct bpf_iter_num { __u64 __opaque[1]; }}, 8 bytes. */
    private static int iteratorStruct(Btf btf) {
        int id = btf.find(BtfType.KIND_STRUCT, "bpf_iter_num");
        if (id > 0) return id;
        int u64 = btf.find(BtfType.KIND_INT, "unsigned long long");
        if (u64 < 0) u64 = btf.add(new BtfType.IntType("unsigned long long", 8, 0));
        int index = btf.find(BtfType.KIND_INT, "__ARRAY_SIZE_TYPE__");
        if (index < 0) index = btf.add(new BtfType.IntType("__ARRAY_SIZE_TYPE__", 4, 0));
        int array = btf.add(new BtfType.Array(u64, index, 1));
        return btf.add(new BtfType.Struct("bpf_iter_num", 8, List.of(new BtfType.Member("__opaque", array, 0))));
    }

    private static int intType(Btf btf) {
        int id = btf.find(BtfType.KIND_INT, "int");
        return id > 0 ? id : btf.add(new BtfType.IntType("int", 4, BtfType.INT_SIGNED));
    }

    private static int pointerTo(Btf btf, int type) {
        for (int id = 1; id <= btf.size(); id++) if (btf.type(id) instanceof BtfType.Ptr p && p.type() == type) return id;
        return btf.add(new BtfType.Ptr(type));
    }
}
