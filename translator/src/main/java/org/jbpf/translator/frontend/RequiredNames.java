package org.jbpf.translator.frontend;

import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The names and descriptors a class file must give, present. A constant-pool index of 0 where one is required is read
 * by the class reader as null without complaint, and surfaced later wherever jbpf first used it (an annotation without a
 * type ended a translation in a NullPointerException); {@link ClassFileCheck} asks here once, for the whole class.
 */
final class RequiredNames {
    private RequiredNames() {}

    /** Which part of {@code c} lacks a name or descriptor, or null when none does. */
    static String missing(ClassNode c) {
        String a = annotations(c.visibleAnnotations, c.invisibleAnnotations);
        if (a != null) return "the class's " + a;
        for (FieldNode f : c.fields) {
            if (f.name == null || f.desc == null) return "a field's name or type";
            a = annotations(f.visibleAnnotations, f.invisibleAnnotations);
            if (a != null) return "field " + f.name + "'s " + a;
        }
        for (MethodNode m : c.methods) {
            if (m.name == null || m.desc == null) return "a method's name or descriptor";
            a = annotations(m.visibleAnnotations, m.invisibleAnnotations);
            if (a == null && m.visibleParameterAnnotations != null)
                for (List<AnnotationNode> p : m.visibleParameterAnnotations) if (a == null) a = annotations(p, null);
            if (a == null && m.invisibleParameterAnnotations != null)
                for (List<AnnotationNode> p : m.invisibleParameterAnnotations) if (a == null) a = annotations(p, null);
            if (a != null) return "method " + m.name + "'s " + a;
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof MethodInsnNode i && (i.owner == null || i.name == null || i.desc == null)
                        || insn instanceof FieldInsnNode f && (f.owner == null || f.name == null || f.desc == null)
                        || insn instanceof TypeInsnNode t && t.desc == null)
                    return "a class, field or method an instruction of method " + m.name + " refers to";
            }
        }
        return null;
    }

    /** "annotation type" or "annotation element name" when one of these annotations lacks it, else null. */
    private static String annotations(List<AnnotationNode> visible, List<AnnotationNode> invisible) {
        for (List<AnnotationNode> list : new List[] {visible, invisible}) {
            if (list == null) continue;
            for (AnnotationNode a : list) {
                String m = annotation(a);
                if (m != null) return m;
            }
        }
        return null;
    }

    private static String annotation(AnnotationNode a) {
        if (a == null || a.desc == null) return "annotation type";
        if (a.values == null) return null;
        for (int i = 0; i + 1 < a.values.size(); i += 2) {
            if (a.values.get(i) == null) return "annotation element name";
            String nested = value(a.values.get(i + 1));
            if (nested != null) return nested;
        }
        return null;
    }

    /** An element value: nested annotations and arrays are checked too; enum constants need their type and name. */
    private static String value(Object v) {
        if (v instanceof AnnotationNode n) return annotation(n);
        if (v instanceof String[] e && (e.length != 2 || e[0] == null || e[1] == null)) return "annotation enum value";
        if (v instanceof List<?> l)
            for (Object o : l) {
                String m = value(o);
                if (m != null) return m;
            }
        return null;
    }
}
