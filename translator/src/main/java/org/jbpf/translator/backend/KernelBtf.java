package org.jbpf.translator.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.core.relo.CoreRelocator;
import org.jbpf.translator.TranslationException;

/**
 * Kernel structs read by name (CO-RE). The lowering marks each instruction whose constant depends on a kernel
 * struct's layout with a reference naming the field ({@link #ref}); after encoding, {@link #take} strips the marks
 * off a program's instructions, and {@link #finish} adds one BTF struct per kernel type to the object's BTF, named
 * like the kernel's and holding only the fields the probe reads (as clang's preserve_access_index does), and gives
 * each program its relocation records against them.
 */
public final class KernelBtf {
    /** Relocation kinds, numbered as {@code enum bpf_core_relo_kind}. */
    public static final int FIELD_BYTE_OFFSET = 0, FIELD_BYTE_SIZE = 1, FIELD_EXISTS = 2, FIELD_SIGNED = 3, FIELD_LSHIFT_U64 = 4,
            FIELD_RSHIFT_U64 = 5;
    private static final String PREFIX = "core:";

    private record Field(String name, int offset, String member, String javaName, boolean exists) {}
    private record Site(int insn, int kind, String type, String field) {}

    private final Btf btf;
    /** Fields read, by kernel type and then offset. */
    private final Map<String, Map<String, Field>> fields = new LinkedHashMap<>();
    private final List<List<Site>> sites = new ArrayList<>();

    public KernelBtf(Btf btf) { this.btf = btf; }

    /**
     * The mark of an instruction holding relocation {@code kind} of {@code type.field}, which lies at {@code offset} with
     * local BTF type {@code member} ("int:4", "ptr", "char:16") and is read by Java method {@code javaName}.
     */
    public static String ref(int kind, String type, String field, int offset, String member, String javaName) {
        return PREFIX + kind + ":" + type + ":" + field + ":" + offset + ":" + member + ":" + javaName;
    }

    /** True when a MIR or instruction reference is a CO-RE mark rather than a map or function name. */
    public static boolean isMark(String ref) { return ref != null && ref.startsWith(PREFIX); }

    /** The next program's instructions without their marks; the marks are kept for {@link #finish}. */
    public List<Insn> take(List<Insn> insns) {
        List<Site> mine = new ArrayList<>();
        List<Insn> out = new ArrayList<>(insns.size());
        for (Insn in : insns) {
            if (!isMark(in.reference())) { out.add(in); continue; }
            String[] p = in.reference().substring(PREFIX.length()).split(":", 7);
            String type = p[1], name = p[2];
            int kind = Integer.parseInt(p[0]);
            boolean sized = p[4].equals("int") || p[4].equals("char") || p[4].equals("struct");
            Field f = new Field(name, Integer.parseInt(p[3]), p[4] + (sized ? ":" + p[5] : ""), p[p.length - 1], kind == FIELD_EXISTS);
            // an embedded struct's type is described even when nothing of it is read
            if (p[4].equals("struct")) fields.computeIfAbsent(p[5], k -> new LinkedHashMap<>());
            type = flavour(type, f);
            Field known = fields.computeIfAbsent(type, k -> new LinkedHashMap<>()).putIfAbsent(name, f);
            if (known != null && known.offset() != f.offset())
                throw new TranslationException(known.javaName() + " and " + f.javaName() + " disagree on the offset of " + type + "." + name
                        + " (" + known.offset() + " and " + f.offset() + "); generate both classes with jbpf gen btf on one kernel");
            if (known != null && known.member().startsWith("char") && f.member().startsWith("char") && length(f) > length(known))
                fields.get(type).put(name, f); // a char array read into a larger buffer widens the local array
            else if (known != null && known.exists() && !f.exists())
                fields.get(type).put(name, f); // name the reader of the value rather than the existence check
            mine.add(new Site(out.size(), kind, type, name));
            out.add(in.withReference(null));
        }
        sites.add(mine);
        return out;
    }

    /**
     * The local struct a number read belongs to: readers of one kernel field at different Java widths need different
     * local sizes (the relocated size and shifts are checked against them), so a second width goes into a flavour
     * {@code type___int8} of the struct, which CO-RE matches to the kernel's {@code type} like the struct itself.
     */
    private String flavour(String type, Field f) {
        if (f.exists() || !f.member().startsWith("int")) return type;
        Field known = fields.getOrDefault(type, Map.of()).get(f.name());
        boolean otherWidth = known != null && !known.exists() && known.member().startsWith("int") && !known.member().equals(f.member());
        return otherWidth ? type + "___" + f.member().replace(":", "") : type;
    }

    /** The size of the local struct of a kernel type: the end of its last field read (embedded structs included). */
    private int structSize(String type) {
        int size = 0;
        for (Field f : fields.getOrDefault(type, Map.of()).values()) {
            String d = f.member();
            int n = d.equals("ptr") ? 8 : d.startsWith("struct:") ? structSize(d.substring("struct:".length()))
                    : Integer.parseInt(d.substring(d.indexOf(':') + 1));
            size = Math.max(size, f.offset() + n);
        }
        return size;
    }

    private static int length(Field f) { return Integer.parseInt(f.member().substring(f.member().indexOf(':') + 1)); }

    /** Adds the kernel structs to the BTF; returns the relocations of each program, in the order {@link #take} saw them. */
    public List<List<ProgramSpec.CoreRelocation>> finish() {
        Map<String, Integer> typeIds = new LinkedHashMap<>();
        // ids first, so that a struct can hold another (an embedded struct) declared after it
        for (String type : fields.keySet()) structIds.put(type, btf.add(new BtfType.Struct(type, 0, List.of())));
        Map<String, String> access = new LinkedHashMap<>();   // "type field" to its access string
        for (var e : fields.entrySet()) {
            TreeMap<Integer, List<Field>> byOffset = new TreeMap<>();
            for (Field f : e.getValue().values()) byOffset.computeIfAbsent(f.offset(), k -> new ArrayList<>()).add(f);
            Map<String, List<Field>> inner = innerFields(e.getValue().values());
            List<BtfType.Member> members = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int size = 0;
            for (List<Field> at : byOffset.values()) for (Field f : at) {
                String outer = outerName(f.name());
                if (names.contains(outer)) continue;   // a later field of an unnamed struct already added
                int[] typeAndSize = outer.equals(f.name()) ? member(f.member()) : unnamedStruct(inner.get(outer));
                members.add(new BtfType.Member(outer, typeAndSize[0], f.offset() * 8));
                names.add(outer);
                size = Math.max(size, f.offset() + typeAndSize[1]);
            }
            int id = structIds.get(e.getKey());
            btf.set(id, new BtfType.Struct(e.getKey(), size, members));
            typeIds.put(e.getKey(), id);
            for (Field f : e.getValue().values()) {
                String outer = outerName(f.name());
                String path = "0:" + names.indexOf(outer) + (outer.equals(f.name()) ? "" : ":" + inner.get(outer).indexOf(f));
                access.put(e.getKey() + " " + f.name(), path);
                // the Java method reading each field, so a field the kernel lacks is reported by its Java name too
                btf.add(new BtfType.DeclTag(CoreRelocator.JAVA_TAG + f.javaName(), id, names.indexOf(outer)));
            }
        }
        List<List<ProgramSpec.CoreRelocation>> out = new ArrayList<>();
        for (List<Site> program : sites) {
            List<ProgramSpec.CoreRelocation> relos = new ArrayList<>();
            for (Site s : program)
                relos.add(new ProgramSpec.CoreRelocation(s.insn(), typeIds.get(s.type()), access.get(s.type() + " " + s.field()), s.kind()));
            out.add(relos);
        }
        return out;
    }

    /**
     * A field named {@code uid.val} is {@code val} inside member {@code uid}, whose type is a typedef of an unnamed
     * struct ({@code kuid_t}): CO-RE finds an unnamed struct only through the named struct holding it, so such a field
     * is a member of a local unnamed struct, reached by a two-step access string from the outer struct.
     */
    private static String outerName(String field) {
        int dot = field.indexOf('.');
        return dot < 0 ? field : field.substring(0, dot);
    }

    /** The fields inside unnamed structs, by the outer member's name, in order of offset. */
    private static Map<String, List<Field>> innerFields(java.util.Collection<Field> all) {
        Map<String, List<Field>> out = new LinkedHashMap<>();
        for (Field f : all) {
            String outer = outerName(f.name());
            if (outer.equals(f.name())) continue;
            List<Field> l = out.get(outer);
            if (l == null) out.put(outer, l = new ArrayList<>());
            int at = l.size();
            while (at > 0 && l.get(at - 1).offset() > f.offset()) at--;   // kept in order of offset
            l.add(at, f);
        }
        return out;
    }

    /** The BTF id and size of the local unnamed struct holding {@code inner}, each at its offset from the first. */
    private int[] unnamedStruct(List<Field> inner) {
        int base = inner.get(0).offset(), size = 0;
        List<BtfType.Member> members = new ArrayList<>();
        for (Field f : inner) {
            int[] typeAndSize = member(f.member());
            members.add(new BtfType.Member(f.name().substring(f.name().indexOf('.') + 1), typeAndSize[0], (f.offset() - base) * 8));
            size = Math.max(size, f.offset() - base + typeAndSize[1]);
        }
        return new int[] {btf.add(new BtfType.Struct("", size, members)), size};
    }

    private final Map<String, Integer> memberTypes = new LinkedHashMap<>();
    private final Map<String, Integer> structIds = new LinkedHashMap<>();

    /** The BTF type id and byte size of a member described as "int:4", "ptr", "char:16" or "struct:sched_entity". */
    private int[] member(String d) {
        if (d.equals("ptr")) return new int[] {memberTypes.computeIfAbsent(d, k -> btf.add(new BtfType.Ptr(0))), 8};
        if (d.startsWith("struct:")) {
            String inner = d.substring("struct:".length());
            return new int[] {structIds.get(inner), structSize(inner)};
        }
        int n = Integer.parseInt(d.substring(d.indexOf(':') + 1));
        if (d.startsWith("char")) {
            int ch = memberTypes.computeIfAbsent("int:1", k -> btf.add(new BtfType.IntType("char", 1, BtfType.INT_SIGNED)));
            int idx = memberTypes.computeIfAbsent("int:4", k -> btf.add(new BtfType.IntType("int", 4, BtfType.INT_SIGNED)));
            return new int[] {memberTypes.computeIfAbsent(d, k -> btf.add(new BtfType.Array(ch, idx, n))), n};
        }
        String name = switch (n) { case 1 -> "char"; case 2 -> "short"; case 4 -> "int"; default -> "long"; };
        return new int[] {memberTypes.computeIfAbsent(d, k -> btf.add(new BtfType.IntType(name, n, BtfType.INT_SIGNED))), n};
    }
}
