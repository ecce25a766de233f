package org.jbpf.translator.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.analysis.Subprogram;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ValueType;

/**
 * BTF for a probe: integer and struct types of map keys and values, a FUNC per program and per BPF function, and a
 * VAR per global variable with a DATASEC per global-data section, as clang describes them.
 */
public final class BtfBuilder {
    public final Btf btf = new Btf();
    private final Map<String, Integer> ints = new HashMap<>();
    private final Map<ValueType, Integer> types = new HashMap<>();

    private int intType(String name, int size, int encoding) {
        Integer id = ints.get(name);
        if (id == null) ints.put(name, id = btf.add(new BtfType.IntType(name, size, encoding)));
        return id;
    }

    public int typeOf(ValueType t) {
        Integer id = types.get(t);
        if (id != null) return id;
        if (t instanceof ValueType.Prim p) id = primType(p.kind());
        else if (t instanceof ValueType.Bytes b) id = btf.add(new BtfType.Array(intType("char", 1, BtfType.INT_SIGNED), indexType(), b.length()));
        else if (t instanceof ValueType.PrimArray a) id = btf.add(new BtfType.Array(primType(a.element()), indexType(), a.length()));
        else id = structType(((ValueType.Struct) t).layout());
        types.put(t, id);
        return id;
    }

    private final Map<StructLayout, Integer> structs = new java.util.IdentityHashMap<>();

    /** A struct's BTF: arrays as BTF arrays of their element, a nested struct as its own struct type. */
    private int structType(StructLayout layout) {
        Integer known = structs.get(layout);
        if (known != null) return known;
        List<BtfType.Member> members = new ArrayList<>();
        for (StructLayout.Field f : layout.fields()) {
            int ft;
            switch (f.kind()) {
                case BYTES: ft = btf.add(new BtfType.Array(intType("char", 1, BtfType.INT_SIGNED), indexType(), f.size())); break;
                case ARRAY: ft = btf.add(new BtfType.Array(primType(f.element()), indexType(), f.count())); break;
                case STRUCT: ft = structType(f.nested()); break;
                case STRUCTS: ft = btf.add(new BtfType.Array(structType(f.nested()), indexType(), f.count())); break;
                default: ft = primType(f.kind());
            }
            members.add(new BtfType.Member(f.name(), ft, f.offset() * 8));
        }
        int id = btf.add(new BtfType.Struct(layout.name(), layout.size(), members));
        structs.put(layout, id);
        return id;
    }

    private int indexType() { return intType("unsigned int", 4, 0); }

    private int primType(StructLayout.Kind k) {
        switch (k) {
            case BYTE: return intType("signed char", 1, BtfType.INT_SIGNED);
            case BOOLEAN: return intType("_Bool", 1, BtfType.INT_BOOL);
            case SHORT: return intType("short", 2, BtfType.INT_SIGNED);
            case CHAR: return intType("unsigned short", 2, 0);
            case INT: return intType("int", 4, BtfType.INT_SIGNED);
            default: return intType("long", 8, BtfType.INT_SIGNED);
        }
    }

    /**
     * A static FUNC for a BPF function of a program: {@code long}/{@code int} parameters for numbers, {@code void *} for
     * the context and references, returning long, int or void; returns the FUNC's id.
     */
    public int subprogram(Subprogram function) {
        int ret = function.returnsValue() ? primType(function.returnsLong() ? StructLayout.Kind.LONG : StructLayout.Kind.INT) : 0;
        List<BtfType.Param> params = new ArrayList<>();
        String[] names = parameterNames(function);
        if (function.captures > 0) {
            // a loop body given its lambda's captures through bpf_loop's context: (int index, void *context)
            params.add(new BtfType.Param(names[function.captures], primType(StructLayout.Kind.INT)));
            params.add(new BtfType.Param("captures", btf.add(new BtfType.Ptr(0))));
            return btf.add(new BtfType.Func(function.name, btf.add(new BtfType.FuncProto(ret, params)), BtfType.LINKAGE_STATIC));
        }
        for (int k = 0; k < function.params.size(); k++) {
            Value v = function.params.get(k);
            int type = v instanceof Value.Scalar s ? primType(s.isLong() ? StructLayout.Kind.LONG : StructLayout.Kind.INT)
                    : v instanceof Value.Boxed ? primType(StructLayout.Kind.LONG) : btf.add(new BtfType.Ptr(0));
            params.add(new BtfType.Param(names[k], type));
        }
        int proto = btf.add(new BtfType.FuncProto(ret, params));
        return btf.add(new BtfType.Func(function.name, proto, BtfType.LINKAGE_STATIC));
    }

    /** The Java names of the method's parameters where the class file has them, else arg1, arg2, … */
    private static String[] parameterNames(Subprogram function) {
        String[] names = new String[function.params.size()];
        for (int k = 0; k < names.length; k++) names[k] = "arg" + (k + 1);
        var locals = function.body.method.localVariables;
        if (locals == null) return names;
        int slot = 0;
        for (int k = 0; k < names.length; k++) {
            for (var lv : locals) if (lv.index == slot && org.jbpf.core.btf.CNames.isIdentifier(lv.name)) names[k] = lv.name;
            slot += function.params.get(k) instanceof Value.Scalar s && s.isLong() ? 2 : 1;
        }
        return names;
    }

    /**
     * A global VAR of a primitive kind; a load-time constant's type is {@code const volatile}, like C's read-only
     * globals that userspace sets before loading. Returns the VAR's id.
     */
    public int variable(String name, StructLayout.Kind kind, int length, boolean constant) {
        int type = kind == StructLayout.Kind.BYTES
                ? btf.add(new BtfType.Array(intType("char", 1, BtfType.INT_SIGNED), indexType(), length)) : primType(kind);
        if (constant) type = btf.add(new BtfType.Const(btf.add(new BtfType.Volatile(type))));
        return btf.add(new BtfType.Var(name, type, BtfType.LINKAGE_GLOBAL));
    }

    /** A global table of {@code count} numbers of {@code element}'s type (a static int[] or long[]); returns the VAR's id. */
    public int tableVariable(String name, StructLayout.Kind element, int count, boolean constant) {
        int type = btf.add(new BtfType.Array(primType(element), indexType(), count));
        if (constant) type = btf.add(new BtfType.Const(btf.add(new BtfType.Volatile(type))));
        return btf.add(new BtfType.Var(name, type, BtfType.LINKAGE_GLOBAL));
    }

    /** A read-only global table of structs (a static final Range[]), an array of the struct's type; returns the VAR's id. */
    public int structTableVariable(String name, ValueType.Struct element, int count, boolean constant) {
        int type = btf.add(new BtfType.Array(typeOf(element), indexType(), count));
        if (constant) type = btf.add(new BtfType.Const(btf.add(new BtfType.Volatile(type))));
        return btf.add(new BtfType.Var(name, type, BtfType.LINKAGE_GLOBAL));
    }

    /** The DATASEC of a global-data section listing its VARs; returns its id. */
    public int dataSection(String name, int size, List<BtfType.VarSecInfo> vars) {
        return btf.add(new BtfType.Datasec(name, size, vars));
    }

    /** A global FUNC {@code name(void *ctx)} returning int or long; returns the FUNC's id. */
    public int function(String name, boolean returnsLong, boolean hasCtx) {
        int ret = primType(returnsLong ? StructLayout.Kind.LONG : StructLayout.Kind.INT);
        List<BtfType.Param> params = new ArrayList<>();
        if (hasCtx) params.add(new BtfType.Param("ctx", btf.add(new BtfType.Ptr(0))));
        int proto = btf.add(new BtfType.FuncProto(ret, params));
        return btf.add(new BtfType.Func(name, proto, BtfType.LINKAGE_GLOBAL));
    }
}
