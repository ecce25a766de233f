package org.jbpf.toolchain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.translator.Translator;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;

/**
 * Records the {@code @CString} fields of a probe's {@code @Struct} classes in its BTF: their arrays get a
 * {@code char} element with the BTF CHAR encoding, which {@link MapText} shows as text. Objects read from .o files
 * without that mark fall back to a printable-ASCII guess there.
 */
final class TextFields {
    private TextFields() {}

    private static final String STRUCT = "Lorg/jbpf/Struct;", CSTRING = "Lorg/jbpf/CString;";
    private static final int CONSTANT_CLASS = 7;

    /** Marks the text fields of the structs {@code probeClass} refers to; the object's BTF is changed in place. */
    static BpfObject mark(BpfObject object, byte[] probeClass, Translator.ClassSource classes) {
        Btf btf = object.btf();
        if (btf == null) return object;
        Map<String, Set<String>> text = annotatedFields(probeClass, classes, CSTRING, structNames(btf));
        if (text.isEmpty()) return object;
        int charType = 0;
        for (int id = 1; id <= btf.size(); id++) {
            if (!(btf.type(id) instanceof BtfType.Struct s) || !text.containsKey(s.name())) continue;
            Set<String> fields = text.get(s.name());
            List<BtfType.Member> members = new ArrayList<>();
            for (BtfType.Member m : s.members()) {
                if (fields.contains(m.name()) && btf.type(btf.resolve(m.type())) instanceof BtfType.Array a) {
                    if (charType == 0) charType = btf.add(new BtfType.IntType("char", 1, BtfType.INT_CHAR, 0, 8));
                    int array = btf.add(new BtfType.Array(charType, a.indexType(), a.nelems()));
                    m = new BtfType.Member(m.name(), array, m.bitOffset(), m.bitfieldSize());
                }
                members.add(m);
            }
            btf.set(id, new BtfType.Struct(s.name(), s.size(), members));
        }
        return object;
    }

    /** Simple struct name to its {@code @CString} field names, for the classes the probe's constant pool names. */
    static Map<String, Set<String>> textFields(byte[] probeClass, Translator.ClassSource classes) {
        return annotatedFields(probeClass, classes, CSTRING);
    }

    /** Simple struct name to its field names annotated {@code desc}, for the classes the probe's constant pool names. */
    static Map<String, Set<String>> annotatedFields(byte[] probeClass, Translator.ClassSource classes, String desc) {
        return annotatedFields(probeClass, classes, desc, null);
    }

    /**
     * {@link #annotatedFields(byte[], Translator.ClassSource, String)} for the classes whose simple name is one of
     * {@code structs} (all when null): a mark applies only to a struct of the object's BTF, so a class of another name
     * is not read (a probe without structs reads none, where each class of the probe API would be looked up through
     * the class loader).
     */
    static Map<String, Set<String>> annotatedFields(byte[] probeClass, Translator.ClassSource classes, String desc, Set<String> structs) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Map.Entry<String, Map<String, AnnotationNode>> e : fieldAnnotations(probeClass, classes, desc, structs).entrySet())
            out.put(e.getKey(), new HashSet<>(e.getValue().keySet()));
        return out;
    }

    /** Simple struct name to each field annotated {@code desc} with its annotation, as {@link #annotatedFields} finds them. */
    static Map<String, Map<String, AnnotationNode>> fieldAnnotations(byte[] probeClass, Translator.ClassSource classes, String desc,
            Set<String> structs) {
        Map<String, Map<String, AnnotationNode>> out = new HashMap<>();
        if (structs != null && structs.isEmpty()) return out;
        ClassReader probe = new ClassReader(probeClass);
        char[] buf = new char[probe.getMaxStringLength()];
        for (int i = 1; i < probe.getItemCount(); i++) {
            int at = probe.getItem(i);
            if (at == 0 || probe.readByte(at - 1) != CONSTANT_CLASS) continue;
            String name = probe.readUTF8(at, buf);
            if (name == null || name.startsWith("[") || name.startsWith("java/")) continue;
            if (structs != null && !structs.contains(org.jbpf.translator.frontend.StructRegistry.simple(name))) continue;
            ClassNode cn = read(name, classes);
            if (cn == null || !annotated(cn.visibleAnnotations, STRUCT) && !annotated(cn.invisibleAnnotations, STRUCT)) continue;
            Map<String, AnnotationNode> fields = new HashMap<>();
            for (FieldNode f : cn.fields) {
                AnnotationNode a = annotation(f.visibleAnnotations, desc);
                if (a == null) a = annotation(f.invisibleAnnotations, desc);
                if (a != null) fields.put(f.name, a);
            }
            if (!fields.isEmpty()) out.put(org.jbpf.translator.frontend.StructRegistry.simple(name), fields);
        }
        return out;
    }

    /** The names of the structs in {@code btf}. */
    static Set<String> structNames(Btf btf) {
        Set<String> out = new HashSet<>();
        for (int id = 1; id <= btf.size(); id++) if (btf.type(id) instanceof BtfType.Struct s) out.add(s.name());
        return out;
    }

    private static ClassNode read(String name, Translator.ClassSource classes) {
        try {
            byte[] b = classes.read(name);
            if (b == null) return null;
            ClassNode cn = new ClassNode();
            new ClassReader(b).accept(cn, ClassReader.SKIP_CODE);
            return cn;
        } catch (IOException | RuntimeException e) {
            return null;  // a class that cannot be read here holds no struct the translator used
        }
    }

    private static boolean annotated(List<AnnotationNode> annotations, String desc) {
        return annotation(annotations, desc) != null;
    }

    private static AnnotationNode annotation(List<AnnotationNode> annotations, String desc) {
        if (annotations == null) return null;
        for (AnnotationNode a : annotations) if (a.desc.equals(desc)) return a;
        return null;
    }
}
