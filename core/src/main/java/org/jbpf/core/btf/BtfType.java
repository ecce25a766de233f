package org.jbpf.core.btf;

import java.util.List;

/**
 * One BTF type record. Types refer to each other by type id: id 0 is {@code void}, and the type at index
 * {@code i} of {@link Btf#types()} has id {@code i + 1}. Names are plain strings; the writer builds the string table.
 */
public sealed interface BtfType {
    int KIND_INT = 1, KIND_PTR = 2, KIND_ARRAY = 3, KIND_STRUCT = 4, KIND_UNION = 5, KIND_ENUM = 6,
        KIND_FWD = 7, KIND_TYPEDEF = 8, KIND_VOLATILE = 9, KIND_CONST = 10, KIND_RESTRICT = 11,
        KIND_FUNC = 12, KIND_FUNC_PROTO = 13, KIND_VAR = 14, KIND_DATASEC = 15, KIND_FLOAT = 16,
        KIND_DECL_TAG = 17, KIND_TYPE_TAG = 18, KIND_ENUM64 = 19;

    /** Encoding bits of {@link IntType}. */
    int INT_SIGNED = 1, INT_CHAR = 2, INT_BOOL = 4;
    /** Linkage of {@link Func} and {@link Var}. */
    int LINKAGE_STATIC = 0, LINKAGE_GLOBAL = 1, LINKAGE_EXTERN = 2;

    String name();
    int kind();

    record IntType(String name, int size, int encoding, int bitOffset, int bits) implements BtfType {
        public IntType(String name, int size, int encoding) { this(name, size, encoding, 0, size * 8); }
        public int kind() { return KIND_INT; }
    }
    record Ptr(int type) implements BtfType { public String name() { return ""; } public int kind() { return KIND_PTR; } }
    record Array(int elemType, int indexType, int nelems) implements BtfType { public String name() { return ""; } public int kind() { return KIND_ARRAY; } }
    record Member(String name, int type, int bitOffset, int bitfieldSize) {
        public Member(String name, int type, int bitOffset) { this(name, type, bitOffset, 0); }
    }
    record Struct(String name, int size, List<Member> members) implements BtfType { public int kind() { return KIND_STRUCT; } }
    record Union(String name, int size, List<Member> members) implements BtfType { public int kind() { return KIND_UNION; } }
    record EnumValue(String name, long value) {}
    record Enum(String name, int size, boolean signed, List<EnumValue> values) implements BtfType { public int kind() { return KIND_ENUM; } }
    record Enum64(String name, int size, boolean signed, List<EnumValue> values) implements BtfType { public int kind() { return KIND_ENUM64; } }
    record Fwd(String name, boolean union) implements BtfType { public int kind() { return KIND_FWD; } }
    record Typedef(String name, int type) implements BtfType { public int kind() { return KIND_TYPEDEF; } }
    record Volatile(int type) implements BtfType { public String name() { return ""; } public int kind() { return KIND_VOLATILE; } }
    record Const(int type) implements BtfType { public String name() { return ""; } public int kind() { return KIND_CONST; } }
    record Restrict(int type) implements BtfType { public String name() { return ""; } public int kind() { return KIND_RESTRICT; } }
    record TypeTag(String name, int type) implements BtfType { public int kind() { return KIND_TYPE_TAG; } }
    record DeclTag(String name, int type, int componentIdx) implements BtfType { public int kind() { return KIND_DECL_TAG; } }
    record Func(String name, int type, int linkage) implements BtfType { public int kind() { return KIND_FUNC; } }
    record Param(String name, int type) {}
    record FuncProto(int returnType, List<Param> params) implements BtfType { public String name() { return ""; } public int kind() { return KIND_FUNC_PROTO; } }
    record Var(String name, int type, int linkage) implements BtfType { public int kind() { return KIND_VAR; } }
    record VarSecInfo(int type, int offset, int size) {}
    record Datasec(String name, int size, List<VarSecInfo> vars) implements BtfType { public int kind() { return KIND_DATASEC; } }
    record FloatType(String name, int size) implements BtfType { public int kind() { return KIND_FLOAT; } }
}
