package org.jbpf.translator.frontend;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;

/** Finds {@code @Struct} classes through the class source and lays them out; also resolves boxed key/value types. */
public final class StructRegistry {
    static final String STRUCT_DESC = "Lorg/jbpf/Struct;";
    static final String SIZE_DESC = "Lorg/jbpf/Size;";
    /** The largest struct: instruction offsets are signed 16-bit, so no field may begin further into a value. */
    static final int MAX_STRUCT_SIZE = Short.MAX_VALUE;

    private final Translator.ClassSource classes;
    private final Map<String, ValueType.Struct> structs = new HashMap<>();
    private final List<ValueType.Struct> order = new ArrayList<>();
    /** Structs whose fields are being read, to refuse a struct that holds itself. */
    private final java.util.Set<String> building = new java.util.HashSet<>();
    /**
     * Structs holding a boolean[] field (or a struct that does), by internal name, with the first such field: kept as
     * bytes in programs, but Java's map and ring readers take byte[] fields only.
     */
    private final Map<String, String> booleanArrays = new HashMap<>();
    /** Classes read so far, by internal name; null for a class the source does not have. */
    private final Map<String, ClassNode> parsed = new HashMap<>();

    public StructRegistry(Translator.ClassSource classes) { this.classes = classes; }

    /** Takes {@code cn} as the class of its name, already parsed (the probe class itself), instead of reading it again. */
    public void known(ClassNode cn) { parsed.put(cn.name, cn); }

    /** Structs in the order they were first used, for BTF. */
    List<ValueType.Struct> structs() { return order; }

    /** The value type for a class used as map key or value: boxed primitives or a {@code @Struct}. */
    ValueType forClass(String internalName, String where) {
        switch (internalName) {
            case "java/lang/Integer": return ValueType.INT;
            case "java/lang/Long": return ValueType.LONG;
            case "java/lang/Short": return ValueType.SHORT;
            case "java/lang/Byte": return ValueType.BYTE;
            case "java/lang/Character": return ValueType.CHAR;
            default:
                ValueType.Struct s = struct(internalName);
                if (s == null)
                    throw new TranslationException(where + "map keys and values must be Integer, Long, Short, Byte, Character or a @Struct class, not "
                            + internalName.replace('/', '.') + (read(internalName) != null && !internalName.startsWith("java/")
                            ? "; annotate " + simple(internalName) + " with @Struct, so its fields lay out the map's entries" : ""));
                String flags = sharedWithJava(internalName);
                if (flags != null) throw new TranslationException(where + flags);
                return s;
        }
    }

    public boolean isStruct(String internalName) { return struct(internalName) != null; }

    /**
     * Why struct {@code internalName} cannot be shared with Java in a map or ring buffer, or null when it can: a
     * boolean[] field, which a program keeps as bytes but Java's readers do not take.
     */
    public String sharedWithJava(String internalName) {
        String field = booleanArrays.get(internalName);
        if (field == null) return null;
        return "@Struct " + simple(internalName) + " holds boolean[] field " + field + ", which a program keeps (one byte per flag) "
                + "but Java cannot read from a map or ring buffer; declare it a @Size(n) byte[] there (1 for true, 0 for false), "
                + "or keep the flags in local structs";
    }

    /** The struct of this class, or null when the class is not annotated {@code @Struct}. */
    public ValueType.Struct struct(String internalName) {
        if (structs.containsKey(internalName)) return structs.get(internalName);
        ClassNode cn = read(internalName);
        if (cn == null || !hasAnnotation(cn.visibleAnnotations, STRUCT_DESC) && !hasAnnotation(cn.invisibleAnnotations, STRUCT_DESC)) {
            structs.put(internalName, null);
            return null;
        }
        String file = cn.sourceFile != null ? cn.sourceFile : internalName + ".class";
        if (!building.add(internalName))
            throw new TranslationException(file, -1, "@Struct " + simple(internalName) + " contains itself; a struct held by value cannot");
        List<StructLayout.FieldDecl> decls = new ArrayList<>();
        for (FieldNode f : cn.fields) {
            if ((f.access & Opcodes.ACC_STATIC) != 0) continue;
            decls.add(field(file, internalName, f));
        }
        building.remove(internalName);
        if (decls.isEmpty())
            throw new TranslationException(file, -1, "@Struct " + simple(internalName) + " has no instance fields");
        StructLayout layout = StructLayout.of(simple(internalName), decls);
        if (layout.size() > MAX_STRUCT_SIZE)
            throw new TranslationException(file, -1, "@Struct " + simple(internalName) + " is " + layout.size() + " bytes, but a BPF "
                    + "load or store reaches at most " + MAX_STRUCT_SIZE + " bytes into a value; make its arrays smaller, or split "
                    + "the data over the entries of a map (e.g. an ArrayMap of chunks)");
        ValueType.Struct s = new ValueType.Struct(internalName, layout);
        structs.put(internalName, s);
        order.add(s);
        return s;
    }

    /** Why arrays of objects are refused, and what to write instead. */
    public static final String OBJECT_ARRAYS = "arrays of objects are supported only as arrays of a @Struct class: local ones "
            + "(new Point[4]) and @Size(n) fields of a @Struct (@Size(4) Point[] points); annotate the element class with @Struct";

    private StructLayout.FieldDecl field(String file, String owner, FieldNode f) {
        StructLayout.Kind kind = StructLayout.Kind.ofDescriptor(f.desc);
        if (f.desc.equals("[Z")) {
            // a boolean[] is the JVM's byte array of 0 and 1 (BALOAD, BASTORE): held as bytes, as a local one is
            kind = StructLayout.Kind.BYTES;
            booleanArrays.putIfAbsent(owner, simple(owner) + "." + f.name);
        }
        if (kind == null && f.desc.startsWith("L")) {
            ValueType.Struct nested = struct(f.desc.substring(1, f.desc.length() - 1));
            if (nested != null) {
                if (booleanArrays.containsKey(nested.internalName())) booleanArrays.putIfAbsent(owner, booleanArrays.get(nested.internalName()));
                return StructLayout.FieldDecl.struct(f.name, nested.layout());
            }
        }
        if (kind == null && f.desc.startsWith("[L")) {
            ValueType.Struct element = struct(f.desc.substring(2, f.desc.length() - 1));
            if (element != null && booleanArrays.containsKey(element.internalName()))
                booleanArrays.putIfAbsent(owner, booleanArrays.get(element.internalName()));
            if (element != null) {
                int length = sizeOf(f);
                if (length <= 0)
                    throw new TranslationException(file, -1, element.javaName() + "[] field " + f.name + " of @Struct " + simple(owner)
                            + " needs @Size(n) with n > 0 to give it a fixed length");
                return StructLayout.FieldDecl.structs(f.name, element.layout(), length);
            }
        }
        if (kind == null)
            throw new TranslationException(file, -1, "field " + f.name + " of @Struct " + simple(owner) + " has type "
                    + org.objectweb.asm.Type.getType(f.desc).getClassName() + "; struct fields may be byte, boolean, short, char, "
                    + "int, long, @Size(n) arrays of byte, boolean, short, char, int, long or a @Struct, or another @Struct"
                    + (f.desc.startsWith("[L") ? "; " + OBJECT_ARRAYS : "")
                    + (f.desc.equals("Ljava/lang/String;") ? "; keep text in a @Size(n) byte[] field (marked @CString to print it as "
                       + "text); a Java-side class that only reads the records may declare it as @Size(n) String"
                       : f.desc.startsWith("L") && isEnumClass(f.desc.substring(1, f.desc.length() - 1))
                               ? "; keep an enum in a struct as its ordinal: declare " + f.name + " an int, store " + simple(f.desc.substring(1, f.desc.length() - 1))
                                 + " values with .ordinal() and read them back in Java with " + simple(f.desc.substring(1, f.desc.length() - 1)) + ".values()[n]"
                       : f.desc.startsWith("L") ? "; annotate " + org.objectweb.asm.Type.getType(f.desc).getClassName() + " with @Struct" : ""));
        if (kind != StructLayout.Kind.BYTES && kind != StructLayout.Kind.ARRAY) return new StructLayout.FieldDecl(f.name, kind, 0);
        int length = sizeOf(f);
        String type = org.objectweb.asm.Type.getType(f.desc).getClassName();
        if (length <= 0)
            throw new TranslationException(file, -1, type + " field " + f.name + " of @Struct " + simple(owner)
                    + " needs @Size(n) with n > 0 to give it a fixed length");
        return kind == StructLayout.Kind.BYTES ? new StructLayout.FieldDecl(f.name, kind, length)
                : StructLayout.FieldDecl.array(f.name, StructLayout.Kind.elementOf(f.desc), length);
    }

    private static int sizeOf(FieldNode f) {
        for (List<AnnotationNode> list : java.util.Arrays.asList(f.visibleAnnotations, f.invisibleAnnotations)) {
            if (list == null) continue;
            for (AnnotationNode an : list) {
                if (!an.desc.equals(SIZE_DESC) || an.values == null) continue;
                for (int i = 0; i + 1 < an.values.size(); i += 2)
                    if ("value".equals(an.values.get(i))) return (Integer) an.values.get(i + 1);
            }
        }
        return -1;
    }

    private boolean isEnumClass(String internalName) {
        ClassNode cn = read(internalName);
        return cn != null && (cn.access & Opcodes.ACC_ENUM) != 0;
    }

    public static String simple(String internalName) {
        String s = internalName.substring(internalName.lastIndexOf('/') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }

    static boolean hasAnnotation(List<AnnotationNode> list, String desc) {
        if (list == null) return false;
        for (AnnotationNode an : list) if (an.desc.equals(desc)) return true;
        return false;
    }

    /**
     * The class, parsed once per translation: the analysis asks for the owner of every static field and call it steps,
     * at each visit of its fixpoint, and the class reader runs interpreted in a short command.
     */
    public ClassNode read(String internalName) {
        if (internalName.startsWith("java/")) return null;
        if (parsed.containsKey(internalName)) return parsed.get(internalName);
        ClassNode cn = readAndParse(internalName);
        parsed.put(internalName, cn);
        return cn;
    }

    private ClassNode readAndParse(String internalName) {
        byte[] bytes;
        try {
            bytes = classes.read(internalName);
        } catch (IOException e) {
            throw new TranslationException("cannot read class " + internalName.replace('/', '.') + ": " + e.getMessage());
        }
        if (bytes == null) return null;
        return parse(bytes, internalName.replace('/', '.'));
    }

    public static ClassNode parse(byte[] bytes, String what) {
        ClassNode cn = ClassFileCheck.take(bytes);
        if (cn == null) {
            cn = new ClassNode();
            String damage = ClassFileCheck.read(bytes, cn);
            if (damage != null) throw new TranslationException(what + ": " + damage);
        }
        BytecodeShape.checkClass(cn, what);
        NoOpJumps.drop(cn);
        return cn;
    }
}
