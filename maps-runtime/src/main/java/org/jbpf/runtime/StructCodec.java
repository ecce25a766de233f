package org.jbpf.runtime;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.Size;
import org.jbpf.core.layout.StructLayout;

/**
 * Reads and writes a {@code @Struct} class field by field at the offsets of its {@link StructLayout}: the instance
 * fields in declaration order, padding bytes zero. A field may be a primitive, a {@code @Size(n)} array of byte,
 * short, char, int, long or a {@code @Struct} (elements held by value), or another {@code @Struct} held by value. A class needs a no-argument constructor; a
 * record is built through its canonical constructor. A {@code @Size(n) String} field takes the place of the probe's
 * {@code @CString @Size(n) byte[]}: the same n bytes, read as the text before the NUL ({@link CStrings}).
 */
final class StructCodec<T> implements Codec<T> {
    private final Class<T> type;
    private final StructLayout layout;
    private final Field[] fields;
    /** The codec of each nested struct field (of the element, for an array of structs), null for the other fields. */
    private final StructCodec<?>[] nested;
    /** The no-argument constructor, or a record's canonical constructor. */
    private final Constructor<T> constructor;
    /** The generated reader, or null where the JVM allows none (then reads go through reflection). */
    private final StructReader<T> reader;

    StructCodec(Class<T> type) {
        this.type = type;
        List<StructLayout.FieldDecl> decls = new ArrayList<>();
        List<Field> fs = new ArrayList<>();
        List<StructCodec<?>> inner = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
            f.setAccessible(true);
            Class<?> element = f.getType().isArray() ? f.getType().getComponentType() : null;
            StructCodec<?> n = f.getType().isAnnotationPresent(org.jbpf.Struct.class) ? (StructCodec<?>) Codecs.of(f.getType())
                    : element != null && element.isAnnotationPresent(org.jbpf.Struct.class) ? (StructCodec<?>) Codecs.of(element) : null;
            decls.add(n == null ? declOf(f) : element == null ? StructLayout.FieldDecl.struct(f.getName(), n.layout)
                    : StructLayout.FieldDecl.structs(f.getName(), n.layout, sizeOf(f)));
            fs.add(f);
            inner.add(n);
        }
        if (decls.isEmpty()) throw new IllegalArgumentException("@Struct " + type.getName() + " has no instance fields");
        this.layout = StructLayout.of(type.getSimpleName(), decls);
        this.fields = fs.toArray(new Field[0]);
        this.nested = inner.toArray(new StructCodec<?>[0]);
        try {
            Class<?>[] parameters = new Class<?>[0];
            if (type.isRecord()) parameters = java.util.Arrays.stream(type.getRecordComponents()).map(c -> c.getType()).toArray(Class<?>[]::new);
            this.constructor = type.getDeclaredConstructor(parameters);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("@Struct " + type.getName() + " needs a no-argument constructor to be read from a map");
        }
        this.reader = generateReader();
    }

    /** The generated reader, when every nested struct (an array's element included) has one too. */
    private StructReader<T> generateReader() {
        StructReader<?>[] inner = new StructReader<?>[nested.length];
        for (int i = 0; i < nested.length; i++) {
            if (nested[i] == null) continue;
            inner[i] = nested[i].reader;
            if (inner[i] == null) return null;
        }
        return StructReaders.generate(type, fields, layout, inner);
    }

    /** The generated reader, or null where the JVM allows none. */
    StructReader<T> reader() { return reader; }

    /** Whether reads go through a generated reader rather than reflection. */
    boolean generated() { return reader != null; }

    /** The length a {@code @Size(n)} array of structs is declared with. */
    private static int sizeOf(Field f) {
        Size size = f.getAnnotation(Size.class);
        if (size == null || size.value() <= 0)
            throw new IllegalArgumentException(f.getDeclaringClass().getName() + "." + f.getName() + ": a " + f.getType().getSimpleName()
                    + " field of a @Struct needs @Size(n) with n > 0");
        return size.value();
    }

    private static StructLayout.FieldDecl declOf(Field f) {
        Class<?> t = f.getType();
        StructLayout.Kind k = null;
        if (t == byte.class) k = StructLayout.Kind.BYTE;
        else if (t == boolean.class) k = StructLayout.Kind.BOOLEAN;
        else if (t == short.class) k = StructLayout.Kind.SHORT;
        else if (t == char.class) k = StructLayout.Kind.CHAR;
        else if (t == int.class) k = StructLayout.Kind.INT;
        else if (t == long.class) k = StructLayout.Kind.LONG;
        else if (t.isArray()) k = t == byte[].class ? StructLayout.Kind.BYTES : StructLayout.Kind.ofDescriptor(t.descriptorString());
        else if (t == String.class && f.isAnnotationPresent(Size.class)) k = StructLayout.Kind.BYTES;
        if (k == null)
            throw new IllegalArgumentException(f.getDeclaringClass().getName() + "." + f.getName() + ": a @Struct field must be "
                    + "byte, boolean, short, char, int, long, a @Size array of byte, short, char, int, long or a @Struct, a @Size String "
                    + "or a @Struct, not " + t.getSimpleName());
        if (k != StructLayout.Kind.BYTES && k != StructLayout.Kind.ARRAY) return new StructLayout.FieldDecl(f.getName(), k, 0);
        Size size = f.getAnnotation(Size.class);
        if (size == null)
            throw new IllegalArgumentException(f.getDeclaringClass().getName() + "." + f.getName() + ": a " + t.getSimpleName() + " field of a @Struct needs @Size(n)");
        return k == StructLayout.Kind.BYTES ? new StructLayout.FieldDecl(f.getName(), k, size.value())
                : StructLayout.FieldDecl.array(f.getName(), StructLayout.Kind.elementOf(t.descriptorString()), size.value());
    }

    StructLayout layout() { return layout; }

    /** The instance fields, in layout order. */
    Field[] fields() { return fields.clone(); }

    @Override public int size() { return layout.size(); }

    @Override public String describe() { return "struct " + type.getSimpleName(); }

    @Override public void write(T value, ByteBuffer out) {
        int base = out.position();
        for (int i = 0; i < size(); i++) out.put(base + i, (byte) 0);
        writeAt(value, out, base);
        out.position(base + size());
    }

    /** Writes the fields of {@code value} at index {@code base}; padding is left as it is (zero). */
    private void writeAt(T value, ByteBuffer out, int base) {
        try {
            for (int i = 0; i < fields.length; i++) {
                StructLayout.Field lf = layout.fields().get(i);
                int at = base + lf.offset();
                Field f = fields[i];
                switch (lf.kind()) {
                    case BYTE: out.put(at, f.getByte(value)); break;
                    case BOOLEAN: out.put(at, (byte) (f.getBoolean(value) ? 1 : 0)); break;
                    case SHORT: out.putShort(at, f.getShort(value)); break;
                    case CHAR: out.putChar(at, f.getChar(value)); break;
                    case INT: out.putInt(at, f.getInt(value)); break;
                    case LONG: out.putLong(at, f.getLong(value)); break;
                    case BYTES: {
                        if (f.getType() == String.class) {
                            CStrings.write((String) f.get(value), out, at, lf.size(), type.getSimpleName() + "." + f.getName());
                            break;
                        }
                        byte[] b = (byte[]) f.get(value);
                        if (b != null) out.put(at, b, 0, Math.min(b.length, lf.size()));
                        break;
                    }
                    case ARRAY: {
                        Object a = f.get(value);
                        int n = a == null ? 0 : Math.min(Array.getLength(a), lf.count());
                        for (int k = 0; k < n; k++) putElement(out, at + k * lf.element().size, lf.element(), a, k);
                        break;
                    }
                    case STRUCT: {
                        Object s = f.get(value);
                        if (s != null) writeNested(nested[i], s, out, at);
                        break;
                    }
                    case STRUCTS: {
                        Object[] a = (Object[]) f.get(value);
                        int n = a == null ? 0 : Math.min(a.length, lf.count());
                        for (int k = 0; k < n; k++) if (a[k] != null) writeNested(nested[i], a[k], out, at + k * lf.nested().size());
                        break;
                    }
                    default: throw new IllegalStateException(lf.kind().toString());
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read fields of " + type.getName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> void writeNested(StructCodec<S> codec, Object value, ByteBuffer out, int at) { codec.writeAt((S) value, out, at); }

    private static void putElement(ByteBuffer out, int at, StructLayout.Kind element, Object array, int k) {
        switch (element) {
            case SHORT: out.putShort(at, ((short[]) array)[k]); break;
            case CHAR: out.putChar(at, ((char[]) array)[k]); break;
            case INT: out.putInt(at, ((int[]) array)[k]); break;
            default: out.putLong(at, ((long[]) array)[k]);
        }
    }

    private static Object readArray(ByteBuffer in, int at, StructLayout.Kind element, int count) {
        switch (element) {
            case SHORT: { short[] a = new short[count]; for (int k = 0; k < count; k++) a[k] = in.getShort(at + 2 * k); return a; }
            case CHAR: { char[] a = new char[count]; for (int k = 0; k < count; k++) a[k] = in.getChar(at + 2 * k); return a; }
            case INT: { int[] a = new int[count]; for (int k = 0; k < count; k++) a[k] = in.getInt(at + 4 * k); return a; }
            default: { long[] a = new long[count]; for (int k = 0; k < count; k++) a[k] = in.getLong(at + 8 * k); return a; }
        }
    }

    @Override public T read(ByteBuffer in) {
        int base = in.position();
        T value = reader != null ? reader.read(in, base) : readReflectively(in, base);
        in.position(base + size());
        return value;
    }

    @Override public T readAt(ByteBuffer in, int offset) {
        return reader != null ? reader.read(in, offset) : readReflectively(in, offset);
    }

    @Override public T readAt(ByteBuffer in, int offset, T reuse) {
        if (reuse == null || reader == null || !reader.refills()) return readAt(in, offset);
        reader.readInto(reuse, in, offset);
        return reuse;
    }

    /** Reads every field at its absolute index; the buffer's position is left alone. */
    private T readReflectively(ByteBuffer in, int base) {
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            StructLayout.Field lf = layout.fields().get(i);
            int at = base + lf.offset();
            switch (lf.kind()) {
                case BYTE: values[i] = in.get(at); break;
                case BOOLEAN: values[i] = in.get(at) != 0; break;
                case SHORT: values[i] = in.getShort(at); break;
                case CHAR: values[i] = in.getChar(at); break;
                case INT: values[i] = in.getInt(at); break;
                case LONG: values[i] = in.getLong(at); break;
                case BYTES: {
                    if (fields[i].getType() == String.class) {
                        values[i] = CStrings.read(in, at, lf.size());
                        break;
                    }
                    byte[] b = new byte[lf.size()];
                    in.get(at, b);
                    values[i] = b;
                    break;
                }
                case ARRAY: values[i] = readArray(in, at, lf.element(), lf.count()); break;
                case STRUCT: values[i] = nested[i].readReflectively(in, at); break;
                case STRUCTS: {
                    Object[] a = (Object[]) Array.newInstance(fields[i].getType().getComponentType(), lf.count());
                    for (int k = 0; k < a.length; k++) a[k] = nested[i].readReflectively(in, at + k * lf.nested().size());
                    values[i] = a;
                    break;
                }
                default: throw new IllegalStateException(lf.kind().toString());
            }
        }
        try {
            if (type.isRecord()) return constructor.newInstance(values);
            T value = constructor.newInstance();
            for (int i = 0; i < fields.length; i++) fields[i].set(value, values[i]);
            return value;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + ": " + e.getMessage(), e);
        }
    }
}
