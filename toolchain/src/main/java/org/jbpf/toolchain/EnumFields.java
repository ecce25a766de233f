package org.jbpf.toolchain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;

/**
 * Integer fields marked {@code @OrdinalOf(E.class)}: their BTF type becomes a C enum named after E whose constants
 * are E's, valued by their ordinals, so {@link MapText} prints a value by its constant's name, as it prints any
 * enum-typed field of an object from clang.
 */
final class EnumFields {
    private EnumFields() {}

    private static final String ORDINAL_OF = "Lorg/jbpf/OrdinalOf;";

    /** Declares the marked fields of the structs {@code probeClass} refers to as enums; the BTF changes in place. */
    static BpfObject mark(BpfObject object, byte[] probeClass, Translator.ClassSource classes) {
        Btf btf = object.btf();
        if (btf == null) return object;
        Map<String, Map<String, AnnotationNode>> marked = TextFields.fieldAnnotations(probeClass, classes, ORDINAL_OF, TextFields.structNames(btf));
        if (marked.isEmpty()) return object;
        for (int id = 1; id <= btf.size(); id++) {
            if (!(btf.type(id) instanceof BtfType.Struct s) || !marked.containsKey(s.name())) continue;
            Map<String, AnnotationNode> fields = marked.get(s.name());
            List<BtfType.Member> members = new ArrayList<>();
            for (BtfType.Member m : s.members()) {
                AnnotationNode a = fields.get(m.name());
                if (a != null && !(btf.type(btf.resolve(m.type())) instanceof BtfType.Enum)) {
                    if (!(btf.type(btf.resolve(m.type())) instanceof BtfType.IntType i))
                        throw new TranslationException(s.name() + "." + m.name() + " is marked @OrdinalOf, which fits an integer field "
                                + "holding an enum constant's ordinal; remove the mark or change the field");
                    m = new BtfType.Member(m.name(), btf.add(enumType(a, i, s.name() + "." + m.name(), classes)), m.bitOffset(), m.bitfieldSize());
                }
                members.add(m);
            }
            btf.set(id, new BtfType.Struct(s.name(), s.size(), members));
        }
        return object;
    }

    /** The C enum of the annotation's class, as wide and as signed as the field. */
    private static BtfType.Enum enumType(AnnotationNode a, BtfType.IntType field, String where, Translator.ClassSource classes) {
        Type enumClass = null;
        for (int i = 0; a.values != null && i + 1 < a.values.size(); i += 2)
            if (a.values.get(i).equals("value") && a.values.get(i + 1) instanceof Type t) enumClass = t;
        ClassNode cn = enumClass == null ? null : read(enumClass.getInternalName(), classes);
        if (cn == null || (cn.access & Opcodes.ACC_ENUM) == 0)
            throw new TranslationException(where + " is marked @OrdinalOf(" + (enumClass == null ? "?" : enumClass.getClassName())
                    + "), which is not an enum on the class path; name an enum whose constants the field's values are the ordinals of");
        List<BtfType.EnumValue> values = new ArrayList<>();
        for (FieldNode f : cn.fields) if ((f.access & Opcodes.ACC_ENUM) != 0) values.add(new BtfType.EnumValue(f.name, values.size()));
        String name = cn.name.substring(cn.name.lastIndexOf('/') + 1).replace('$', '_');
        return new BtfType.Enum(name, field.size(), false, values);
    }

    private static ClassNode read(String internalName, Translator.ClassSource classes) {
        try {
            byte[] b = classes.read(internalName);
            if (b == null) return null;
            ClassNode cn = new ClassNode();
            new ClassReader(b).accept(cn, ClassReader.SKIP_CODE);
            return cn;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
