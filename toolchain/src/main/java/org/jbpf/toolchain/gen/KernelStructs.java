package org.jbpf.toolchain.gen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;

/**
 * The kernel structs and fields a probe asks for, looked up in a kernel BTF: {@code task_struct} selects every field
 * jbpf can read of the struct, {@code task_struct.real_parent.tgid} the fields along a path through pointers and
 * embedded structs ({@code task_struct.se.vruntime}).
 * Fields of anonymous structs and unions count as the struct's own, at their offset in it.
 */
public final class KernelStructs {
    /** One readable field: the kernel's name, byte offset, and the BTF type of its value (modifiers resolved). */
    public record Field(String name, int offset, int type) {}

    /** One requested struct with the fields to generate, in order of offset as first requested. */
    public record Struct(String name, int size, Map<String, Field> fields) {}

    private final Btf btf;
    /** What the types are called in errors: the kernel's BTF, or the file they came from. */
    private final String source;
    private final Map<String, Struct> structs = new LinkedHashMap<>();

    /** The source of the running kernel's types. */
    public static final String KERNEL = "the kernel's BTF";

    public KernelStructs(Btf btf) { this(btf, KERNEL); }

    public KernelStructs(Btf btf, String source) {
        this.btf = btf;
        this.source = source;
    }

    public Btf btf() { return btf; }

    /** Where the types come from: {@link #KERNEL}, or the file named to gen btf --btf. */
    public String source() { return source; }

    public List<Struct> structs() { return new ArrayList<>(structs.values()); }

    /** A struct's name, then field names, each a C identifier, joined by dots. */
    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)*");

    /** Adds {@code spec} ("task_struct" or "task_struct.real_parent.tgid"); a bad name is an IllegalArgumentException. */
    public void add(String spec) {
        if (!PATH.matcher(spec).matches())
            throw new IllegalArgumentException("'" + spec + "' is no STRUCT[.FIELD...] path: C names joined by dots, e.g. task_struct.real_parent.tgid");
        String[] path = spec.split("\\.");
        Struct s = struct(path[0], spec);
        if (path.length == 1) {
            for (Field f : readable(members(s.name()), 0)) s.fields().putIfAbsent(f.name(), f);
            return;
        }
        for (int k = 1; k < path.length; k++) {
            Field f = k + 1 < path.length ? insideUnnamed(s.name(), path[k], path[k + 1], spec) : null;
            if (f != null) {   // cred.uid.val: the number inside a kuid_t is read as the field "uid.val" of cred
                if (k + 2 < path.length)
                    throw new IllegalArgumentException(spec + ": " + s.name() + "." + f.name() + " is a number, so the path cannot go on to " + path[k + 2]);
                s.fields().putIfAbsent(f.name(), f);
                break;
            }
            f = find(s.name(), path[k], spec);
            s.fields().putIfAbsent(f.name(), f);
            BtfType t = btf.type(f.type());
            if (k == path.length - 1) {
                if (t instanceof BtfType.Struct st) struct(st.name(), spec); // the class an embedded struct's reader returns
                break;
            }
            String target = t instanceof BtfType.Ptr p ? structName(p.type()) : t instanceof BtfType.Struct st ? st.name() : null;
            if (target == null)
                throw new IllegalArgumentException(spec + ": " + s.name() + "." + f.name() + " is neither a pointer to a struct nor an embedded struct,"
                        + " so the path cannot go on to " + path[k + 1]);
            s = struct(target, spec);
        }
    }

    /** The name of the struct a type id is (after modifiers), or null for anything else or an anonymous struct. */
    public String structName(int id) {
        BtfType t = id == 0 ? null : btf.type(btf.resolve(id));
        return t instanceof BtfType.Struct st && !st.name().isEmpty() ? st.name() : null;
    }

    private Struct struct(String name, String spec) {
        Struct known = structs.get(name);
        if (known != null) return known;
        int id = btf.find(BtfType.KIND_STRUCT, name);
        if (id < 0) throw new IllegalArgumentException(spec + ": " + source + " has no struct " + name);
        Struct s = new Struct(name, (int) btf.sizeOf(id), new LinkedHashMap<>());
        structs.put(name, s);
        return s;
    }

    private List<BtfType.Member> members(String struct) {
        return ((BtfType.Struct) btf.type(btf.find(BtfType.KIND_STRUCT, struct))).members();
    }

    private Field find(String struct, String name, String spec) {
        for (Field f : readable(members(struct), 0)) if (f.name().equals(name)) return f;
        for (Field f : embedded(members(struct), 0)) if (f.name().equals(name)) return f;
        for (BtfType.Member m : members(struct))
            if (m.name().equals(name) && unnamedStruct(m.type()) != null)
                throw new IllegalArgumentException(spec + ": " + struct + "." + name + " is a " + unnamedStruct(m.type()) + ", a typedef of an "
                        + "unnamed struct; name the field inside it, as " + struct + "." + name + "." + firstInside(m.type()));
        throw new IllegalArgumentException(spec + ": " + (source.equals(KERNEL) ? "the kernel's struct " + struct : "struct " + struct + " in " + source)
                + " has no field " + name
                + " that jbpf can read (numbers, pointers, char arrays and named structs embedded in it, not bitfields)");
    }

    /**
     * Field {@code inner} of member {@code name} of {@code struct} when that member is a typedef of an unnamed struct
     * (cred.uid, a kuid_t), named "uid.val" at its offset in {@code struct}; null when the member is anything else.
     */
    private Field insideUnnamed(String struct, String name, String inner, String spec) {
        for (BtfType.Member m : members(struct)) {
            if (!m.name().equals(name) || unnamedStruct(m.type()) == null) continue;
            BtfType.Struct st = (BtfType.Struct) btf.type(btf.resolve(m.type()));
            for (Field f : readable(st.members(), m.bitOffset() / 8))
                if (f.name().equals(inner)) return new Field(name + "." + inner, f.offset(), f.type());
            throw new IllegalArgumentException(spec + ": " + struct + "." + name + " is a " + unnamedStruct(m.type())
                    + ", whose unnamed struct has no field " + inner + " that jbpf can read");
        }
        return null;
    }

    /** The name of the first readable field of the unnamed struct a typedef names. */
    private String firstInside(int typedef) {
        List<Field> fields = readable(((BtfType.Struct) btf.type(btf.resolve(typedef))).members(), 0);
        return fields.isEmpty() ? "<field>" : fields.get(0).name();
    }

    /** The typedef's name when {@code type} is a typedef of an unnamed struct (kuid_t, atomic_t), else null. */
    private String unnamedStruct(int type) {
        BtfType t = type == 0 ? null : btf.type(type);
        return t instanceof BtfType.Typedef td && btf.type(btf.resolve(type)) instanceof BtfType.Struct st && st.name().isEmpty() ? td.name() : null;
    }

    /** Named structs embedded in a struct (a path may go through them), with anonymous members' flattened. */
    private List<Field> embedded(List<BtfType.Member> members, int base) {
        List<Field> out = new ArrayList<>();
        for (BtfType.Member m : members) {
            int type = btf.resolve(m.type());
            BtfType t = type == 0 ? null : btf.type(type);
            int offset = base + m.bitOffset() / 8;
            if (m.name().isEmpty() && (t instanceof BtfType.Struct || t instanceof BtfType.Union))
                out.addAll(embedded(t instanceof BtfType.Struct st ? st.members() : ((BtfType.Union) t).members(), offset));
            else if (!m.name().isEmpty() && t instanceof BtfType.Struct st && !st.name().isEmpty() && m.bitOffset() % 8 == 0)
                out.add(new Field(m.name(), offset, type));
        }
        return out;
    }

    /** Members jbpf can read: integers, enums, pointers and char arrays, with anonymous members' fields flattened. */
    private List<Field> readable(List<BtfType.Member> members, int base) {
        List<Field> out = new ArrayList<>();
        for (BtfType.Member m : members) {
            int type = btf.resolve(m.type());
            BtfType t = type == 0 ? null : btf.type(type);
            int offset = base + m.bitOffset() / 8;
            if (m.name().isEmpty() && (t instanceof BtfType.Struct || t instanceof BtfType.Union)) {
                out.addAll(readable(t instanceof BtfType.Struct st ? st.members() : ((BtfType.Union) t).members(), offset));
                continue;
            }
            if (m.name().isEmpty() || m.bitfieldSize() != 0 || m.bitOffset() % 8 != 0) continue;
            if (isNumber(t) || t instanceof BtfType.Ptr || isCharArray(t)) out.add(new Field(m.name(), offset, type));
        }
        return out;
    }

    boolean isNumber(BtfType t) {
        long size = t instanceof BtfType.IntType i ? i.size() : t instanceof BtfType.Enum e ? e.size() : t instanceof BtfType.Enum64 e ? e.size() : 0;
        return size == 1 || size == 2 || size == 4 || size == 8;
    }

    boolean isCharArray(BtfType t) {
        return t instanceof BtfType.Array a && btf.type(btf.resolve(a.elemType())) instanceof BtfType.IntType i && i.size() == 1 && a.nelems() > 0;
    }
}
