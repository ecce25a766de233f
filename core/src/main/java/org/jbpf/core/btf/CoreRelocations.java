package org.jbpf.core.btf;

import java.util.List;

/**
 * Names CO-RE relocations ({@code enum bpf_core_relo_kind}) for messages: the kind, the local type and the access
 * string, with the access string also spelled as the field path it selects, e.g. {@code 0:1 (task_struct.tgid)}.
 */
public final class CoreRelocations {
    private CoreRelocations() {}

    /** Kinds whose access string is a field path, and the two whose access string indexes an enumerator. */
    static final int FIELD_RSHIFT_U64 = 5, ENUMVAL_EXISTS = 10, ENUMVAL_VALUE = 11;

    private static final List<String> KINDS = List.of("field byte offset", "field byte size", "field exists", "field signedness",
            "field left shift", "field right shift", "local type id", "target type id", "type exists", "type size",
            "enum value exists", "enum value", "type matches");

    /** Kinds jbpf's loader computes: every one up to "enum value"; "type matches" (12) and later ones are not. */
    public static boolean supported(int kind) { return kind >= 0 && kind <= ENUMVAL_VALUE; }

    /** The kind's name, e.g. "field byte offset", or "kind N" for one this table does not know. */
    public static String kindName(int kind) { return kind >= 0 && kind < KINDS.size() ? KINDS.get(kind) : "kind " + kind; }

    /** "field byte offset of struct task_struct, access 0:1 (task_struct.tgid)". */
    public static String describe(BtfExt.CoreRelo r, BtfReader.Decoded btf) {
        String access;
        try {
            access = btf.string(r.accessStrOff() & 0xffffffffL);
        } catch (RuntimeException e) {
            access = "<bad access string offset " + r.accessStrOff() + ">";
        }
        String path = r.kind() <= FIELD_RSHIFT_U64 ? fieldPath(btf.btf(), r.typeId(), access)
                : r.kind() == ENUMVAL_EXISTS || r.kind() == ENUMVAL_VALUE ? enumerator(btf.btf(), r.typeId(), access) : null;
        return kindName(r.kind()) + " of " + typeName(btf.btf(), r.typeId()) + ", access " + access + (path == null ? "" : " (" + path + ")");
    }

    /** "struct task_struct", "union u", "enum e", a typedef's name, or "type #id". */
    static String typeName(Btf btf, int id) {
        BtfType t = id > 0 && id <= btf.size() ? btf.type(id) : null;
        if (t == null) return "type #" + id;
        String name = t.name().isEmpty() ? "<anonymous>" : t.name();
        if (t instanceof BtfType.Struct) return "struct " + name;
        if (t instanceof BtfType.Union) return "union " + name;
        if (t instanceof BtfType.Enum || t instanceof BtfType.Enum64) return "enum " + name;
        return t.name().isEmpty() ? "type #" + id : name;
    }

    /** The name of the enumerator an access string indexes, or null. */
    static String enumerator(Btf btf, int typeId, String access) {
        try {
            BtfType t = btf.type(btf.resolve(typeId));
            int index = Integer.parseInt(access);
            if (t instanceof BtfType.Enum e) return e.values().get(index).name();
            if (t instanceof BtfType.Enum64 e) return e.values().get(index).name();
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The field path an access string selects: its first index steps over the root pointer, the others pick
     * members of structs and unions or elements of arrays. Null when the string does not fit the type.
     */
    static String fieldPath(Btf btf, int typeId, String access) {
        try {
            String[] parts = access.split(":");
            int id = btf.resolve(typeId);
            BtfType t = btf.type(id);
            StringBuilder path = new StringBuilder(t == null || t.name().isEmpty() ? "type#" + typeId : t.name());
            int first = Integer.parseInt(parts[0]);
            if (first != 0) path.append('[').append(first).append(']');
            for (int i = 1; i < parts.length; i++) {
                int index = Integer.parseInt(parts[i]);
                t = btf.type(btf.resolve(id));
                List<BtfType.Member> members = t instanceof BtfType.Struct s ? s.members() : t instanceof BtfType.Union u ? u.members() : null;
                if (members != null) {
                    BtfType.Member m = members.get(index);
                    path.append('.').append(m.name().isEmpty() ? "<anonymous>" : m.name());
                    id = m.type();
                } else if (t instanceof BtfType.Array a) {
                    path.append('[').append(index).append(']');
                    id = a.elemType();
                } else {
                    return null;
                }
            }
            return path.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
