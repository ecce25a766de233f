package org.jbpf.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.GlobalData;

/**
 * Writes load-time constants into an object's read-only data ({@code .rodata}) before it is loaded: a probe's
 * {@code @Constant} fields, or a C object's {@code const volatile} globals. Each value must be a number (or a boolean)
 * that fits the variable's size, or a byte, short, char, int or long array no longer than the variable (a table); an unknown name or a wrong type is refused with the names the object does have.
 */
public final class Constants {
    private Constants() {}

    /** A copy of {@code object} with each named constant set; the object itself is not changed. */
    public static BpfObject apply(BpfObject object, Map<String, ?> values) {
        if (values.isEmpty()) return object;
        List<GlobalData> globals = new ArrayList<>(object.globals());
        for (Map.Entry<String, ?> e : values.entrySet()) {
            int section = -1;
            GlobalData.Variable var = null;
            for (int k = 0; k < globals.size() && var == null; k++) {
                if (!globals.get(k).readOnly()) continue;
                var = globals.get(k).variable(e.getKey()).orElse(null);
                section = k;
            }
            if (var == null) throw new IllegalArgumentException(unknown(object, e.getKey()));
            GlobalData g = globals.get(section);
            byte[] bytes = g.bytes();
            byte[] table = numbers(object, var, e.getKey(), e.getValue());
            if (table != null || e.getValue() instanceof byte[]) {
                byte[] given = table != null ? table : (byte[]) e.getValue();
                // a byte array constant: the bytes given, the rest zero
                if (given.length > var.size())
                    throw new IllegalArgumentException("constant " + e.getKey() + " of " + object.name() + " holds " + var.size()
                            + " bytes; " + given.length + " do not fit");
                java.util.Arrays.fill(bytes, var.offset(), var.offset() + var.size(), (byte) 0);
                System.arraycopy(given, 0, bytes, var.offset(), given.length);
            } else {
                long v = value(object, var, e.getKey(), e.getValue());
                for (int b = 0; b < var.size(); b++) bytes[var.offset() + b] = (byte) (v >>> (8 * b));
            }
            globals.set(section, new GlobalData(g.name(), bytes, g.variables(), g.btfDatasec()));
        }
        return object.withGlobals(globals);
    }

    /**
     * A short[], char[], int[] or long[] as its little-endian bytes, for a constant table of that element size; null
     * for any other value.
     */
    private static byte[] numbers(BpfObject object, GlobalData.Variable var, String name, Object value) {
        int width = value instanceof short[] || value instanceof char[] ? 2 : value instanceof int[] ? 4 : value instanceof long[] ? 8 : 0;
        if (width == 0) return null;
        int n = java.lang.reflect.Array.getLength(value);
        int element = elementSize(object.btf(), var);
        if (element > 0 && element != width)
            throw new IllegalArgumentException("constant " + name + " of " + object.name() + " is a table of " + element + "-byte numbers; "
                    + "pass " + (element == 1 ? "a byte[]" : element == 2 ? "a short[] or char[]" : element == 4 ? "an int[]" : "a long[]")
                    + ", not a " + value.getClass().getSimpleName());
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(n * width).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < n; k++) {
            if (value instanceof short[] a) out.putShort(a[k]);
            else if (value instanceof char[] a) out.putChar(a[k]);
            else if (value instanceof int[] a) out.putInt(a[k]);
            else out.putLong(((long[]) value)[k]);
        }
        return out.array();
    }

    /** The element size of an array variable from BTF, or 0 when the object does not say. */
    private static int elementSize(Btf btf, GlobalData.Variable var) {
        int id = var.btfType();
        for (int depth = 0; btf != null && id > 0 && id <= btf.size() && depth < 8; depth++) {
            BtfType t = btf.type(id);
            if (t instanceof BtfType.Array a) return (int) btf.sizeOf(a.elemType());
            if (t instanceof BtfType.Const c) id = c.type();
            else if (t instanceof BtfType.Volatile vt) id = vt.type();
            else if (t instanceof BtfType.Typedef td) id = td.type();
            else break;
        }
        return 0;
    }

    /** The names of the object's load-time constants, in section order. */
    public static List<String> names(BpfObject object) {
        List<String> out = new ArrayList<>();
        for (GlobalData g : object.globals())
            if (g.readOnly()) for (GlobalData.Variable v : g.variables()) out.add(v.name());
        return out;
    }

    private static String unknown(BpfObject object, String name) {
        List<String> names = names(object);
        for (GlobalData g : object.globals())
            if (!g.readOnly() && g.variable(name).isPresent())
                return "global " + name + " of " + object.name() + " is a variable in " + g.name() + ", not a load-time constant; "
                        + "mark the field @Constant, or set it after loading with bpf.global(\"" + name + "\").set(..)";
        return object.name() + " has no load-time constant \"" + name + "\"; "
                + (names.isEmpty() ? "it has none (mark a static field @Constant, e.g. @Constant static int targetPid;)"
                                   : "its constants are " + String.join(", ", names));
    }

    private static long value(BpfObject object, GlobalData.Variable var, String name, Object value) {
        String type = typeName(object.btf(), var);
        long v;
        if (value instanceof Boolean b) v = b ? 1 : 0;
        else if (value instanceof Character c) v = c;
        else if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) v = ((Number) value).longValue();
        else throw new IllegalArgumentException("constant " + name + " of " + object.name() + " is " + type + "; pass a number, not "
                + (value == null ? "null" : "the " + value.getClass().getSimpleName() + " " + value));
        if (!fits(v, var.size()))
            throw new IllegalArgumentException("constant " + name + " of " + object.name() + " is " + type + " (" + var.size()
                    + " bytes); " + value + " does not fit");
        return v;
    }

    /** Whether v fits in size bytes, read as signed or as unsigned. */
    static boolean fits(long v, int size) {
        if (size >= 8) return true;
        long bits = 8L * size;
        return v >= -(1L << (bits - 1)) && v < (1L << bits);
    }

    /** The variable's C type name from BTF when the object has one (e.g. "int"), else its size. */
    private static String typeName(Btf btf, GlobalData.Variable var) {
        int id = var.btfType();
        for (int depth = 0; btf != null && id > 0 && id <= btf.size() && depth < 8; depth++) {
            BtfType t = btf.type(id);
            if (t instanceof BtfType.IntType i) return "a" + ("aeiou".indexOf(i.name().charAt(0)) >= 0 ? "n " : " ") + i.name();
            if (t instanceof BtfType.Const c) id = c.type();
            else if (t instanceof BtfType.Volatile vt) id = vt.type();
            else if (t instanceof BtfType.Typedef td) id = td.type();
            else break;
        }
        return "a " + var.size() + "-byte value";
    }
}
