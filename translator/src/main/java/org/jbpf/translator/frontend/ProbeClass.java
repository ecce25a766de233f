package org.jbpf.translator.frontend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.CNames;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.translator.TranslationException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The frontend's view of a probe class: license, map declarations and the initial values of static fields from
 * {@code <clinit>} (its global variables, {@link GlobalVariables}), and section methods.
 */
public final class ProbeClass {
    static final String BPF_DESC = "Lorg/jbpf/Bpf;";
    static final String SECTION_DESC = "Lorg/jbpf/Section;";
    static final String MAPS_PKG = "org/jbpf/maps/";

    public final ClassNode node;
    public final String file;
    public final String license;
    public final Map<String, MapDecl> maps = new LinkedHashMap<>();
    public final GlobalVariables globals;
    private final Map<String, GlobalVariables.Initial> initials = new LinkedHashMap<>();
    public final List<MethodNode> sections = new ArrayList<>();
    public final Map<MethodNode, String> sectionNames = new LinkedHashMap<>();

    public ProbeClass(ClassNode node, StructRegistry structs) {
        this.node = node;
        this.file = node.sourceFile != null ? node.sourceFile : StructRegistry.simple(node.name) + ".java";
        AnnotationNode bpf = annotation(node.visibleAnnotations, BPF_DESC);
        if (bpf == null) bpf = annotation(node.invisibleAnnotations, BPF_DESC);
        if (bpf == null)
            throw new TranslationException(file, -1, "class " + node.name.replace('/', '.') + " is not a probe; annotate it with @Bpf(license = \"GPL\")");
        Object lic = value(bpf, "license");
        if (lic != null && !(lic instanceof String))
            throw new TranslationException(file, -1, "@Bpf license must be a string such as \"GPL\"");
        this.license = lic != null ? (String) lic : "GPL";
        readClinit(node, initials, structs);
        globals = new GlobalVariables(node, file, initials);
        // a nested class's static tables are the probe's too, as Java lets the probe's code use them
        if (node.innerClasses != null)
            for (var inner : node.innerClasses) {
                ClassNode nested = inner.name.startsWith(node.name + "$") && !inner.name.equals(node.name) ? structs.read(inner.name) : null;
                if (nested == null || !globals.hasStaticArrays(nested)) continue;
                Map<String, GlobalVariables.Initial> nestedInitials = new LinkedHashMap<>();
                readClinit(nested, nestedInitials, structs);
                globals.addNested(nested, file, nestedInitials);
            }
        for (MethodNode m : node.methods) {
            AnnotationNode sec = annotation(m.visibleAnnotations, SECTION_DESC);
            if (sec == null) sec = annotation(m.invisibleAnnotations, SECTION_DESC);
            if (sec == null) continue;
            int line = firstLine(m);
            if ((m.access & Opcodes.ACC_STATIC) == 0)
                throw new TranslationException(file, line, "@Section method " + m.name + " must be static");
            Type ret = Type.getReturnType(m.desc);
            if (ret.getSort() != Type.INT && ret.getSort() != Type.LONG)
                throw new TranslationException(file, line, "@Section method " + m.name + " must return int or long (the program's return code)");
            Object sectionValue = value(sec, "value");
            String name = sectionValue instanceof String str ? str : null;
            if (name == null || name.isBlank() || !printable(name))
                throw new TranslationException(file, line, "@Section of " + m.name + " needs a section name of printable characters without spaces, such as \"tracepoint/syscalls/sys_enter_openat\"");
            if (!CNames.isIdentifier(m.name))
                throw new TranslationException(file, line, "@Section method name \"" + m.name + "\" is not a C identifier, which BTF needs for the program");
            if (sectionNames.containsValue(name))
                throw new TranslationException(file, line, "section \"" + name + "\" is used by two methods; give each program its own section");
            for (MethodNode other : sections)
                if (other.name.equals(m.name))
                    throw new TranslationException(file, line, "@Section method " + m.name + " has the name of another @Section method"
                            + (firstLine(other) > 0 ? " (line " + firstLine(other) + ")" : "") + "; a program is named after its method, so give each its own name");
            ProbeArguments.of(file, m, name);
            sections.add(m);
            sectionNames.put(m, name);
        }
        if (sections.isEmpty())
            throw new TranslationException(file, -1, "probe " + node.name.replace('/', '.') + " has no @Section methods");
    }

    /** True when every character is printable ASCII other than a space. */
    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) <= ' ' || s.charAt(i) >= 127) return false;
        return true;
    }

    public static int firstLine(MethodNode m) {
        for (AbstractInsnNode in : m.instructions) if (in instanceof LineNumberNode ln) return ln.line;
        return -1;
    }

    MethodNode method(String name, String desc) {
        for (MethodNode m : node.methods) if (m.name.equals(name) && m.desc.equals(desc)) return m;
        return null;
    }

    static AnnotationNode annotation(List<AnnotationNode> list, String desc) {
        if (list == null) return null;
        for (AnnotationNode an : list) if (an.desc.equals(desc)) return an;
        return null;
    }

    static Object value(AnnotationNode an, String key) {
        if (an.values == null) return null;
        for (int i = 0; i + 1 < an.values.size(); i += 2) if (key.equals(an.values.get(i))) return an.values.get(i + 1);
        return null;
    }

    /**
     * What {@code <clinit>} gives static final primitive field {@code name} (not a {@code @Constant}): its value when it
     * is known at translation (a computation javac left to class loading, such as {@code TAG.length()}) or null as the
     * value for one computed at run time; null when the field is no such field.
     */
    /** True when the array a GETSTATIC loads is only asked for its length. */
    private static boolean readsLengthOnly(FieldInsnNode get) {
        AbstractInsnNode next = get.getNext();
        while (next != null && next.getOpcode() < 0) next = next.getNext();
        return next != null && next.getOpcode() == Opcodes.ARRAYLENGTH;
    }

    public GlobalVariables.Initial staticFinalInitial(String name) {
        GlobalVariables.Initial init = initials.get(name);
        if (init == null) return null;
        for (var f : node.fields)
            if (f.name.equals(name) && (f.access & Opcodes.ACC_STATIC) != 0 && (f.access & Opcodes.ACC_FINAL) != 0
                    && f.desc.length() == 1 && annotation(f.visibleAnnotations, GlobalVariables.CONSTANT_DESC) == null
                    && annotation(f.invisibleAnnotations, GlobalVariables.CONSTANT_DESC) == null)
                return init;
        return null;
    }

    /**
     * Symbolically runs {@code <clinit>} of the probe, or of a class nested in it, noting the initial values of its static
     * fields in {@code initials}: each map field of the probe must be assigned {@code new XxxMap(constants...)}.
     */
    private void readClinit(ClassNode cls, Map<String, GlobalVariables.Initial> initials, StructRegistry structs) {
        MethodNode clinit = null;
        for (MethodNode m : cls.methods) if (m.name.equals("<clinit>") && m.desc.equals("()V")) clinit = m;
        if (clinit == null) return;
        Deque<Object> stack = new ArrayDeque<>();
        Map<String, Object> known = new java.util.HashMap<>();
        int line = -1;
        for (AbstractInsnNode in : clinit.instructions) {
            if (in instanceof LineNumberNode ln) { line = ln.line; continue; }
            int op = in.getOpcode();
            if (op < 0) continue;
            if (in instanceof TypeInsnNode t && op == Opcodes.NEW) { stack.push(new New(t.desc)); continue; }
            if (op == Opcodes.DUP && !stack.isEmpty()) { stack.push(stack.peek()); continue; }
            if (in instanceof LdcInsnNode ldc) { stack.push(ldc.cst); continue; }
            if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) { stack.push(op - Opcodes.ICONST_0); continue; }
            if (op == Opcodes.LCONST_0 || op == Opcodes.LCONST_1) { stack.push((long) (op - Opcodes.LCONST_0)); continue; }
            if (in instanceof IntInsnNode na && op == Opcodes.NEWARRAY && na.operand == Opcodes.T_BYTE && !stack.isEmpty()
                    && stack.peek() instanceof Integer n && n > 0 && n <= GlobalVariables.MAX_ARRAY) {
                stack.pop();
                stack.push(new byte[n]); // a byte array global: its initial bytes
                continue;
            }
            if (in instanceof IntInsnNode na && op == Opcodes.NEWARRAY && GlobalVariables.tableElement(na.operand) != null && !stack.isEmpty()
                    && stack.peek() instanceof Integer n && n > 0 && n * GlobalVariables.tableElement(na.operand).size <= GlobalVariables.MAX_ARRAY) {
                stack.pop();
                stack.push(new GlobalVariables.Table(GlobalVariables.tableElement(na.operand), n)); // a number table global
                continue;
            }
            if (in instanceof TypeInsnNode t && op == Opcodes.ANEWARRAY && !stack.isEmpty() && stack.peek() instanceof Integer n && n > 0
                    && !t.desc.startsWith("[") && structs.struct(t.desc) != null && n * structs.struct(t.desc).size() <= GlobalVariables.MAX_ARRAY) {
                stack.pop();
                stack.push(new StructTables.Table(structs.struct(t.desc), n)); // a table of structs: its elements' bytes
                continue;
            }
            if (in instanceof MethodInsnNode mi && op == Opcodes.INVOKESPECIAL && mi.name.equals("<init>") && structs.struct(mi.owner) != null) {
                int n = Type.getArgumentTypes(mi.desc).length;
                Object[] args = new Object[n];
                for (int i = n - 1; i >= 0; i--) args[i] = stack.isEmpty() ? null : stack.pop();
                // the NEW and its DUP: the element made, when every argument is a constant the constructor stores
                if (stack.size() >= 2 && stack.pop() instanceof New && stack.pop() instanceof New) {
                    StructTables.Element e = StructTables.construct(structs, structs.struct(mi.owner), mi.desc, args);
                    if (e != null) {
                        stack.push(e);
                        continue;
                    }
                }
                stack.clear();
                continue;
            }
            if (op == Opcodes.AASTORE && stack.size() >= 3) {
                Object value = stack.pop(), index = stack.pop(), array = stack.pop();
                if (array instanceof StructTables.Table t && index instanceof Integer k && value instanceof StructTables.Element e && t.set(k, e))
                    continue;
                stack.clear();
                continue;
            }
            if ((op == Opcodes.SASTORE || op == Opcodes.CASTORE || op == Opcodes.IASTORE || op == Opcodes.LASTORE) && stack.size() >= 3) {
                Object value = stack.pop(), index = stack.pop(), array = stack.pop();
                if (array instanceof GlobalVariables.Table t && index instanceof Integer k && value instanceof Number v && t.set(k, v.longValue()))
                    continue;
                stack.clear();
                continue;
            }
            if (op == Opcodes.BASTORE && stack.size() >= 3) {
                Object value = stack.pop(), index = stack.pop(), array = stack.pop();
                if (array instanceof byte[] b && index instanceof Integer k && value instanceof Integer v && k >= 0 && k < b.length) {
                    b[k] = (byte) (int) v;
                    continue;
                }
                stack.clear();
                continue;
            }
            if (in instanceof IntInsnNode ii && (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH)) { stack.push(ii.operand); continue; }
            if (in instanceof FieldInsnNode f && op == Opcodes.GETSTATIC && f.name.equals("TYPE") && f.owner.startsWith("java/lang/")) {
                stack.push(Type.getObjectType(f.owner)); // int.class and friends: same as the boxed class
                continue;
            }
            if (in instanceof MethodInsnNode mi && op == Opcodes.INVOKESPECIAL && mi.name.equals("<init>") && mi.owner.startsWith(MAPS_PKG)) {
                int n = Type.getArgumentTypes(mi.desc).length;
                Object[] args = new Object[n];
                for (int i = n - 1; i >= 0; i--) args[i] = stack.isEmpty() ? null : stack.pop();
                if (stack.isEmpty()) continue;
                stack.pop(); // the duplicated NEW
                if (!stack.isEmpty() && stack.peek() instanceof New nw && nw.type.equals(mi.owner)) {
                    stack.pop();
                    stack.push(new Constructed(mi.owner, args, line));
                }
                continue;
            }
            if (in instanceof FieldInsnNode f && op == Opcodes.PUTSTATIC && f.owner.equals(cls.name)) {
                Object v = stack.isEmpty() ? null : stack.pop();
                if (f.desc.startsWith("L" + MAPS_PKG) && cls == node) {
                    if (!(v instanceof Constructed c))
                        throw new TranslationException(file, line, "map field " + f.name + " must be initialised with new "
                                + f.desc.substring(f.desc.lastIndexOf('/') + 1, f.desc.length() - 1) + "(...) and constant arguments");
                    if (!CNames.isIdentifier(f.name))
                        throw new TranslationException(file, line, "map field name \"" + f.name + "\" is not a C identifier, which BTF needs");
                    maps.put(f.name, mapDecl(f.name, c, structs));
                    checkDeclaredTypes(f.name, c);
                } else {
                    if (v instanceof GlobalVariables.Table t) v = t.bytes();   // a number table starts as its little-endian bytes
                    if (v instanceof StructTables.Table t) v = t.bytes();      // a struct table: its elements' bytes, when all are known
                    initials.put(f.name, new GlobalVariables.Initial(v instanceof Integer || v instanceof Long || v instanceof byte[] ? v : null, line));
                    known.put(f.name, v);
                }
                continue;
            }
            if (in instanceof FieldInsnNode f && op == Opcodes.GETSTATIC && f.owner.equals(cls.name) && initials.containsKey(f.name)
                    && initials.get(f.name).value() instanceof byte[] && !readsLengthOnly(f)) {
                // load-time code changes a table after its initialiser (a loop in a static block): its bytes are not known
                initials.put(f.name, new GlobalVariables.Initial(GlobalVariables.FILLED_AT_LOAD, line));
                known.remove(f.name);
            }
            if (StaticInitFolding.step(in, op, stack, cls.name, known)) continue;
            // anything else (other static state) is simply not a map; using it in a program is reported there
            stack.clear();
        }
        for (var f : cls == node ? node.fields : List.<FieldNode>of()) {
            if (f.desc.startsWith("L" + MAPS_PKG) && !maps.containsKey(f.name))
                throw new TranslationException(file, -1, "map field " + f.name + " is never initialised; write static final ... "
                        + f.name + " = new ...(...) with constant arguments");
            if (f.desc.startsWith("L" + MAPS_PKG) && ((f.access & Opcodes.ACC_STATIC) == 0 || (f.access & Opcodes.ACC_FINAL) == 0))
                throw new TranslationException(file, -1, "map field " + f.name + " must be static final");
        }
    }

    private MapDecl mapDecl(String name, Constructed c, StructRegistry structs) {
        // a class compiled without line numbers (javac -g:none): name the class and field, and how to get lines
        String where = (c.line > 0 ? file + ":" + c.line : file + ": class " + node.name.replace('/', '.') + ", field " + name
                + " (compiled without line numbers; compile with javac -g to see them)") + ": map " + name + ": ";
        String cls = c.owner.substring(MAPS_PKG.length());
        Object[] a = c.args;
        switch (cls) {
            case "HashMap": return kv(name, c, MapTypes.HASH, a, structs, where);
            case "LruHashMap": return kv(name, c, MapTypes.LRU_HASH, a, structs, where);
            case "PerCpuHashMap": return kv(name, c, MapTypes.PERCPU_HASH, a, structs, where);
            case "LpmTrie": return lpmTrie(kv(name, c, MapTypes.LPM_TRIE, a, structs, where), where);
            case "ArrayMap":
            case "PerCpuArray": {
                int type = cls.equals("ArrayMap") ? MapTypes.ARRAY : MapTypes.PERCPU_ARRAY;
                return new MapDecl(name, c.owner, type, ValueType.INT, structs.forClass(typeArg(a, 0, where), where), intArg(a, 1, where));
            }
            case "PerfEventArray": return new MapDecl(name, c.owner, MapTypes.PERF_EVENT_ARRAY, null, null, 0);
            case "RingBuffer": {
                int size = intArg(a, 0, where);
                if (size < 4096 || Integer.bitCount(size) != 1)
                    throw new TranslationException(file, c.line, "ring buffer " + name + " size " + size + " must be a power of two of at least 4096 bytes");
                return new MapDecl(name, c.owner, MapTypes.RINGBUF, null, null, size);
            }
            case "DevMap": return new MapDecl(name, c.owner, MapTypes.DEVMAP, ValueType.INT, ValueType.INT, intArg(a, 0, where));
            case "CpuMap": return new MapDecl(name, c.owner, MapTypes.CPUMAP, ValueType.INT, ValueType.INT, intArg(a, 0, where));
            case "XskMap": return new MapDecl(name, c.owner, MapTypes.XSKMAP, ValueType.INT, ValueType.INT, intArg(a, 0, where));
            case "StackTraceMap": return new MapDecl(name, c.owner, MapTypes.STACK_TRACE, null, null, intArg(a, 0, where));
            default:
                throw new TranslationException(file, c.line, "unknown map class " + cls);
        }
    }

    /** Refuses a map whose class arguments disagree with its field's generic types, which Java reads it by. */
    private void checkDeclaredTypes(String field, Constructed c) {
        String signature = null;
        for (var f : node.fields) if (f.name.equals(field)) signature = f.signature;
        String cls = c.owner.substring(MAPS_PKG.length());
        boolean array = cls.equals("ArrayMap") || cls.equals("PerCpuArray");
        boolean keyed = cls.equals("HashMap") || cls.equals("LruHashMap") || cls.equals("PerCpuHashMap") || cls.equals("LpmTrie");
        if (!array && !keyed) return;
        String key = array ? "java/lang/Integer" : classArg(c.args, 0);
        String problem = MapTypeArguments.disagreement(field, signature, key, classArg(c.args, array ? 0 : 1));
        if (problem == null) return;
        if (c.line > 0) throw new TranslationException(file, c.line, problem);
        // a class compiled without line numbers (javac -g:none): name the class and field, and how to get lines
        throw new TranslationException(file, -1, "class " + node.name.replace('/', '.') + ", field " + field
                + " (compiled without line numbers; compile with javac -g to see them): " + problem);
    }

    private static String classArg(Object[] a, int i) {
        return i < a.length && a[i] instanceof Type t && t.getSort() == Type.OBJECT ? t.getInternalName() : null;
    }

    private MapDecl kv(String name, Constructed c, int type, Object[] a, StructRegistry structs, String where) {
        return new MapDecl(name, c.owner, type, structs.forClass(typeArg(a, 0, where), where),
                structs.forClass(typeArg(a, 1, where), where), intArg(a, 2, where));
    }

    /** An LPM trie's key is a struct starting with its prefix length in bits, then the bytes the prefix covers. */
    private static MapDecl lpmTrie(MapDecl m, String where) {
        if (!(m.key() instanceof ValueType.Struct s) || s.layout().fields().isEmpty()
                || s.layout().fields().get(0).kind() != org.jbpf.core.layout.StructLayout.Kind.INT || s.size() <= 4)
            throw new TranslationException(where + "an LpmTrie key must be a @Struct whose first field is int prefixLength"
                    + " followed by the address, e.g. int prefixLength; int address;");
        return m;
    }

    private static String typeArg(Object[] a, int i, String where) {
        if (i < a.length && a[i] instanceof Type t && t.getSort() == Type.OBJECT) return t.getInternalName();
        if (i < a.length && a[i] instanceof Type t && t.getSort() == Type.ARRAY)
            throw new TranslationException(where + "map keys and values cannot be arrays such as " + t.getClassName()
                    + ", whose type has no length; wrap the array in a @Struct class as a @Size(n) field (@Size(16) "
                    + (t.getElementType().getSort() == Type.OBJECT ? StructRegistry.simple(t.getElementType().getInternalName()) + "[] items"
                       : t.getElementType().getClassName() + "[] " + (t.getElementType().getSort() == Type.BYTE ? "comm" : "items"))
                    + ") and use that class instead");
        throw new TranslationException(where + "argument " + (i + 1) + " must be a class literal such as Long.class");
    }

    private static int intArg(Object[] a, int i, String where) {
        if (i < a.length && a[i] instanceof Integer n) {
            if (n <= 0) throw new TranslationException(where + "max entries must be positive, not " + n);
            return n;
        }
        throw new TranslationException(where + "argument " + (i + 1) + " must be a constant int (max entries)");
    }

    private record New(String type) {}
    private record Constructed(String owner, Object[] args, int line) {}
}
