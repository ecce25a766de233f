package org.jbpf.core.relo;

import static org.jbpf.core.relo.CoreValues.*;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.ProgramSpec;

/**
 * Applies a program's CO-RE relocations against a target BTF (the running kernel's, or any saved one): each local
 * type is looked up by essential name among the target's types, the field path of the access string is followed by
 * member names, and the instruction carrying the value gets the target's offset, size, shift, type id or enumerator
 * value. No system calls happen here, so relocation can be checked offline against a kernel other than this one.
 */
public final class CoreRelocator {
    private final TargetTypes target;

    public CoreRelocator(TargetTypes target) { this.target = target; }

    public CoreRelocator(Btf target) { this(new TargetTypes(target)); }

    /**
     * The program's instructions with every CO-RE relocation applied; {@code local} is the object's own BTF, which
     * the relocations' type ids refer to. A relocation this kernel cannot satisfy is a {@link CoreRelocationException}
     * naming the program, the local type and field path, and what the kernel has instead; existence checks yield 0.
     */
    public List<Insn> relocate(ProgramSpec p, Btf local) {
        if (p.coreRelocations().isEmpty()) return p.insns();
        List<Insn> insns = new ArrayList<>(p.insns());
        for (ProgramSpec.CoreRelocation r : p.coreRelocations()) {
            if (r.insn() < 0 || r.insn() >= insns.size())
                throw new CoreRelocationException("program " + p.name() + ": CO-RE relocation at instruction " + r.insn()
                        + " is outside its " + insns.size() + " instructions");
            Insn in = insns.get(r.insn());
            try {
                insns.set(r.insn(), apply(r, in, local));
            } catch (IllegalArgumentException e) {
                SourceLine src = in.source();
                throw new CoreRelocationException((src == null ? "" : fileName(src.file()) + ":" + src.line() + ": ") + "program "
                        + p.name() + ": " + describe(r, local) + ": " + e.getMessage() + javaReader(r, local));
            }
        }
        return insns;
    }

    /**
     * " (read by TaskStruct.tgid())" when the object's BTF tags the field with the Java method that reads it (a decl
     * tag "java:..." on the member, as jbpf's translator writes), else "".
     */
    static String javaReader(ProgramSpec.CoreRelocation r, Btf local) {
        String[] access = r.access().split(":");
        if (access.length != 2) return "";
        for (BtfType t : local.types())
            if (t instanceof BtfType.DeclTag tag && tag.type() == r.localTypeId() && access[1].equals(Integer.toString(tag.componentIdx()))
                    && tag.name().startsWith(JAVA_TAG))
                return " (read by " + tag.name().substring(JAVA_TAG.length()) + ")";
        return "";
    }

    /** Prefix of the decl tags naming the Java reader of a field. */
    public static final String JAVA_TAG = "java:";

    private static String fileName(String path) { return path.substring(path.lastIndexOf('/') + 1); }

    /** "field byte offset of struct task_struct, access 0:2 (task_struct.real_parent)". */
    static String describe(ProgramSpec.CoreRelocation r, Btf local) {
        String what = org.jbpf.core.btf.CoreRelocations.kindName(r.kind()) + " of " + FieldSpec.describe(local, r.localTypeId())
                + ", access " + r.access();
        try {
            if (isFieldKind(r.kind())) return what + " (" + FieldSpec.local(local, r.localTypeId(), r.access()).path() + ")";
            if (isEnumKind(r.kind())) return what + " (" + enumeratorAt(local, r.localTypeId(), r.access()).name() + ")";
        } catch (RuntimeException e) {
            // the path is only decoration; the relocation itself reports what is wrong with it
        }
        return what;
    }

    private Insn apply(ProgramSpec.CoreRelocation r, Insn in, Btf local) {
        int kind = r.kind(), localId = r.localTypeId();
        if (kind == TYPE_ID_LOCAL) return InsnPatcher.patch(in, localId, localId, 0, 0);
        BtfType root = local.type(localId);
        if (root == null || root.name().isEmpty())
            throw new IllegalArgumentException("the local type has no name to look it up by in the kernel");
        String name = TargetTypes.essentialName(root.name());
        List<Integer> candidates = target.candidates(name, root.kind());
        Btf tbtf = target.btf();
        TreeSet<Long> values = new TreeSet<>();
        long expected;
        int oldSize = 0, newSize = 0;
        StringBuilder why = new StringBuilder();
        if (isFieldKind(kind)) {
            FieldSpec mine = FieldSpec.local(local, localId, r.access());
            expected = field(kind, mine, local);
            // clang sizes a bitfield's load from the struct's alignment where libbpf takes the smallest one that fits,
            // so the compiled constant is not checked for bitfields (libbpf does not check it either)
            if (mine.isBitfield()) expected = InsnPatcher.ANY;
            for (int c : candidates) {
                FieldSpec theirs = FieldSpec.match(mine, local, tbtf, c, why.isEmpty() ? why : new StringBuilder());
                if (theirs == null) continue;
                values.add(field(kind, theirs, tbtf));
                if (kind == FIELD_BYTE_OFFSET) {
                    oldSize = loadableSize(mine, local);
                    newSize = loadableSize(theirs, tbtf);
                }
            }
        } else if (isEnumKind(kind)) {
            BtfType.EnumValue mine = enumeratorAt(local, localId, r.access());
            String enumerator = TargetTypes.essentialName(mine.name());
            expected = kind == ENUMVAL_EXISTS ? 1 : mine.value();
            for (int c : candidates) {
                BtfType.EnumValue theirs = enumerator(tbtf, c, enumerator);
                if (theirs != null) values.add(kind == ENUMVAL_EXISTS ? 1 : theirs.value());
                else if (why.isEmpty()) why.append("the kernel's ").append(FieldSpec.describe(tbtf, c)).append(" has no enumerator ").append(enumerator);
            }
        } else {
            expected = type(kind, localId, local);
            for (int c : candidates) if (FieldSpec.compatible(local, localId, tbtf, c)) values.add(type(kind, c, tbtf));
        }
        if (values.isEmpty()) {
            if (isExistence(kind)) return InsnPatcher.patch(in, expected, 0, 0, 0);
            if (candidates.isEmpty()) throw new IllegalArgumentException("the kernel has no " + kindWord(root) + " named " + name);
            throw new IllegalArgumentException(why.isEmpty() ? "the kernel's " + kindWord(root) + " " + name + " does not match it" : why.toString());
        }
        if (values.size() > 1)
            throw new IllegalArgumentException("the kernel's types named " + name + " disagree (values " + values + "); name a flavour");
        return InsnPatcher.patch(in, expected, values.first(), oldSize, newSize);
    }

    private static String kindWord(BtfType t) {
        if (t instanceof BtfType.Struct) return "struct";
        if (t instanceof BtfType.Union) return "union";
        if (TargetTypes.isEnum(t.kind())) return "enum";
        if (t instanceof BtfType.Typedef) return "typedef";
        return "type";
    }
}
