package org.jbpf.translator.frontend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.CNames;
import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.TranslationException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;

/**
 * The probe's static primitive (and byte array) fields that become BPF global variables, shared by all its programs: zero-initialised
 * ones in {@code .bss}, ones {@code <clinit>} sets to another constant in {@code .data}, and {@code @Constant} ones
 * (load-time constants) in {@code .rodata}. Each variable lies at its natural alignment in its section, in
 * declaration order. A field whose initial value is computed at class initialisation cannot start the same in the
 * kernel; it is reported where a program uses it. A static {@code byte[]} field initialised with {@code new byte[n]} or
 * an array of constants is a global byte array, in the same sections by the same rules, and so is a {@code short[]},
 * {@code char[]}, {@code int[]} or {@code long[]} table (held as its little-endian bytes).
 */
public final class GlobalVariables {
    static final String CONSTANT_DESC = "Lorg/jbpf/Constant;";
    public static final String BSS = ".bss", DATA = ".data", RODATA = ".rodata";
    /** Longest byte array global. */
    public static final int MAX_ARRAY = 4096;

    /**
     * One global variable.
     *
     * @param length   the number of bytes of a byte array ({@code kind} BYTES), else 0
     * @param initial  its initial value (0 in {@code .bss}), or for a byte array its initial bytes
     * @param problem  why programs cannot use it (a computed initialiser), or null
     * @param structElement the internal name of a struct table's element class, else null
     */
    public record Variable(String name, StructLayout.Kind kind, int length, String section, int offset, Object initial, String problem,
                           StructLayout.Kind element, String structElement) {
        public int size() { return isArray() ? length : kind.size; }
        /** A byte array, a table of numbers ({@code length} bytes of {@code element}s) or of structs. */
        public boolean isArray() { return kind == StructLayout.Kind.BYTES || kind == StructLayout.Kind.ARRAY || isStructs(); }
        /** A static final table of structs (StructTables), {@code length} bytes of the field's element struct. */
        public boolean isStructs() { return kind == StructLayout.Kind.STRUCTS; }
        public boolean isLong() { return kind == StructLayout.Kind.LONG; }
        public boolean constant() { return section.equals(RODATA); }
    }

    /** The initial value of a table that code in {@code <clinit>} changes after its initialiser (a loop in a static block). */
    public static final Object FILLED_AT_LOAD = new Object();

    /** A static field's value after {@code <clinit>}: an Integer or Long constant, a byte[] of constants, or null when computed. */
    public record Initial(Object value, int line) {}

    /** A short, char, int or long array {@code <clinit>} fills with constants, as it is filled. */
    public static final class Table {
        final StructLayout.Kind element;
        final long[] values;

        Table(StructLayout.Kind element, int length) {
            this.element = element;
            this.values = new long[length];
        }

        /** Stores {@code v} at {@code k}; false when k is outside the table. */
        boolean set(int k, long v) {
            if (k < 0 || k >= values.length) return false;
            values[k] = v;
            return true;
        }

        /** The table's little-endian bytes, as the global holds them. */
        byte[] bytes() {
            byte[] b = new byte[values.length * element.size];
            for (int k = 0; k < values.length; k++)
                for (int j = 0; j < element.size; j++) b[k * element.size + j] = (byte) (values[k] >>> (8 * j));
            return b;
        }
    }

    /** The element kind of a NEWARRAY of a number table (short, char, int, long), or null. */
    static StructLayout.Kind tableElement(int newarrayType) {
        switch (newarrayType) {
            case Opcodes.T_SHORT: return StructLayout.Kind.SHORT;
            case Opcodes.T_CHAR: return StructLayout.Kind.CHAR;
            case Opcodes.T_INT: return StructLayout.Kind.INT;
            case Opcodes.T_LONG: return StructLayout.Kind.LONG;
            default: return null;
        }
    }

    private final Map<String, Variable> variables = new LinkedHashMap<>();
    /** Bytes used in each section, in the order the sections are written. */
    private final Map<String, Integer> sizes = new LinkedHashMap<>();

    {
        for (String section : List.of(BSS, DATA, RODATA)) sizes.put(section, 0);
    }

    /** The probe class, whose nested classes' tables are named after them. */
    private final String probe;

    GlobalVariables(ClassNode node, String file, Map<String, Initial> initials) {
        this.probe = node.name;
        add(node, "", file, initials);
    }

    /**
     * True when class {@code c}, nested in the probe, has a static array field of numbers (not javac's own, such as an
     * enum switch's {@code $SwitchMap$}), which may be a table of the probe: a class with a name, as a global's is made of it.
     */
    boolean hasStaticArrays(ClassNode c) {
        if (!org.jbpf.core.btf.CNames.isIdentifier(nestedPrefix(c.name) + "x")) return false;
        for (FieldNode f : c.fields) if (nestedTable(f)) return true;
        return false;
    }

    private static boolean nestedTable(FieldNode f) {
        return (f.access & (Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC)) == Opcodes.ACC_STATIC && f.desc.startsWith("[")
                && StructLayout.Kind.ofDescriptor(f.desc) != null;
    }

    /**
     * Adds the static number tables of class {@code nested}, nested in the probe, as globals named after the nested
     * class and the field ({@code Steps_SIZES} for {@code Steps.SIZES}), by the same rules as the probe's own.
     */
    void addNested(ClassNode nested, String file, Map<String, Initial> initials) {
        add(nested, nestedPrefix(nested.name), file, initials);
    }

    private String nestedPrefix(String owner) {
        return owner.substring(probe.length() + 1).replace('$', '_') + "_";
    }

    private void add(ClassNode node, String prefix, String file, Map<String, Initial> initials) {
        for (FieldNode f : node.fields) {
            StructLayout.Kind kind = StructLayout.Kind.ofDescriptor(f.desc);
            if (kind == null && structTable(f, initials.get(f.name)) && (prefix.isEmpty() || CNames.isIdentifier(prefix + f.name))) {
                // a static final table of structs made with constants: read-only, as Java code never replaces it
                byte[] bytes = (byte[]) initials.get(f.name).value();
                int offset = align(sizes.get(RODATA), 8);
                sizes.put(RODATA, offset + bytes.length);
                variables.put(prefix + f.name, new Variable(prefix + f.name, StructLayout.Kind.STRUCTS, bytes.length, RODATA, offset, bytes, null, null,
                        Type.getType(f.desc).getElementType().getInternalName()));
                continue;
            }
            if ((f.access & Opcodes.ACC_STATIC) == 0 || kind == null) continue;
            // of a nested class, only the tables: its other static fields are refused where a program uses them
            if (!prefix.isEmpty() && !nestedTable(f)) continue;
            String name = prefix + f.name;
            boolean constant = ProbeClass.annotation(f.visibleAnnotations, CONSTANT_DESC) != null
                    || ProbeClass.annotation(f.invisibleAnnotations, CONSTANT_DESC) != null;
            if (f.value != null) {
                // javac copied the value into every use already; there is nothing left to load
                if (constant)
                    throw new TranslationException(file, -1, "@Constant field " + f.name + " is static final with a constant initialiser, "
                            + "which javac copies into every use where no loader can change it; drop final: @Constant static "
                            + javaType(kind) + " " + f.name + " = " + f.value + ";");
                continue;
            }
            boolean array = kind == StructLayout.Kind.BYTES || kind == StructLayout.Kind.ARRAY;
            StructLayout.Kind element = kind == StructLayout.Kind.ARRAY ? StructLayout.Kind.elementOf(f.desc) : null;
            // computed static finals are reported at their use; a final byte array is still a global (its bytes may change)
            if (!constant && !array && (f.access & Opcodes.ACC_FINAL) != 0) continue;
            // a compiler's own field (the Eclipse compiler's $SWITCH_TABLE$ of a switch over an enum) is no global of the
            // user's; a program that reads one is refused where it does
            if (!org.jbpf.core.btf.CNames.isIdentifier(name) && (f.access & Opcodes.ACC_SYNTHETIC) != 0) continue;
            if (!org.jbpf.core.btf.CNames.isIdentifier(name))
                throw new TranslationException(file, -1, "static field name \"" + name + "\" is not a C identifier, which BTF needs");
            Initial init = initials.get(f.name);
            if (variables.containsKey(name))
                throw new TranslationException(file, -1, "static field " + f.name + " of " + node.name.replace('/', '.') + " would be global "
                        + name + ", which the probe has already; rename one of them");
            Object value = array ? null : (Object) 0L;
            String problem = null;
            if (init != null && !array && init.value() instanceof Number n) value = n.longValue();
            else if (init != null && array && init.value() instanceof byte[] b) value = b;
            else if (init != null || array)
                problem = array && init != null && init.value() == FILLED_AT_LOAD ? javaType(element == null ? StructLayout.Kind.BYTE : element)
                        + " array field " + f.name + " is filled by code when the class loads ("
                        + (init.line() > 0 ? "line " + init.line() : "in its static initialiser") + "), which a BPF "
                        + "program cannot repeat; initialise it with constants such as {1, 2, 3}, or fill it from Java after loading "
                        + "with bpf.global(\"" + name + "\").set(bytes)"
                        : array ? javaType(element == null ? StructLayout.Kind.BYTE : element) + " array field " + f.name
                        + " must be initialised with new " + javaType(element == null ? StructLayout.Kind.BYTE : element)
                        + "[n] (at most " + MAX_ARRAY + " bytes) or constants such as {1, 2, 3} to be a BPF global"
                        : "static field " + f.name + " is initialised with a value computed when the class loads ("
                        + (init.line() > 0 ? "line " + init.line() : "in its static initialiser") + "); a BPF global starts as a constant: initialise it with a constant and set it from Java after loading"
                        + (constant ? " (or with .constant(\"" + f.name + "\", value) before)" : "");
            if (problem != null && array) {
                variables.put(name, new Variable(name, kind, 0, BSS, 0, null, problem, element, null));
                continue;
            }
            boolean zero = array ? allZero((byte[]) value) : (long) value == 0;
            String section = constant ? RODATA : zero ? BSS : DATA;
            int length = array ? ((byte[]) value).length : 0;
            int size = array ? length : kind.size;
            int offset = align(sizes.get(section), array ? 8 : kind.size);
            sizes.put(section, offset + size);
            variables.put(name, new Variable(name, kind, length, section, offset, value, problem, element, null));
        }
    }

    /** A static final array of objects whose initial bytes {@code <clinit>} gave (StructTables). */
    private static boolean structTable(FieldNode f, Initial init) {
        int flags = Opcodes.ACC_STATIC | Opcodes.ACC_FINAL;
        return (f.access & flags) == flags && f.desc.startsWith("[L") && init != null && init.value() instanceof byte[];
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static int align(int at, int size) { return (at + size - 1) / size * size; }

    private static String javaType(StructLayout.Kind k) { return new ValueType.Prim(k).javaName(); }

    /** The global variable this static field of the probe is, or null. */
    public Variable get(String field) { return variables.get(field); }

    /** The global variable static field {@code field} of class {@code owner} is (the probe or a class nested in it), or null. */
    public Variable get(String owner, String field) {
        if (owner.equals(probe)) return variables.get(field);
        return owner.startsWith(probe + "$") ? variables.get(nestedPrefix(owner) + field) : null;
    }

    public Collection<Variable> all() { return variables.values(); }

    /** The non-empty sections in the order .bss, .data, .rodata. */
    public List<String> sections() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : sizes.entrySet()) if (e.getValue() > 0) out.add(e.getKey());
        return out;
    }

    /** The variables of a section, by offset. */
    public List<Variable> in(String section) {
        return variables.values().stream().filter(v -> v.section().equals(section) && v.problem() == null).toList();
    }

    /** The initial bytes of a section (little-endian values), its size rounded up to 8. */
    public byte[] bytes(String section) {
        byte[] b = new byte[align(sizes.get(section), 8)];
        for (Variable v : in(section)) {
            if (v.problem() != null) continue;
            if (v.initial() instanceof byte[] a) System.arraycopy(a, 0, b, v.offset(), a.length);
            else for (int k = 0; k < v.size(); k++) b[v.offset() + k] = (byte) ((long) v.initial() >>> (8 * k));
        }
        return b;
    }
}
