package org.jbpf.runtime;

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
 * fields in declaration order, padding bytes zero. The class needs a no-argument constructor. A
 * {@code @Size(n) String} field takes the place of the probe's {@code @CString @Size(n) byte[]}: the same n bytes,
 * read as the text before the NUL ({@link CStrings}).
 */
final class StructCodec<T> implements Codec<T> {
    private final Class<T> type;
    private final StructLayout layout;
    private final Field[] fields;
    private final Constructor<T> constructor;
    /** The generated reader, or null where the JVM allows none (then reads go through reflection). */
    private final StructReaders.Reader<T> reader;

    StructCodec(Class<T> type) {
        this.type = type;
        List<StructLayout.FieldDecl> decls = new ArrayList<>();
        List<Field> fs = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
            StructLayout.Kind kind = kindOf(f);
            int length = 0;
            if (kind == StructLayout.Kind.BYTES) {
                Size size = f.getAnnotation(Size.class);
                if (size == null)
                    throw new IllegalArgumentException(type.getName() + "." + f.getName() + ": a " + f.getType().getSimpleName()
                            + " field of a @Struct needs @Size(n)");
                length = size.value();
            }
            f.setAccessible(true);
            decls.add(new StructLayout.FieldDecl(f.getName(), kind, length));
            fs.add(f);
        }
        if (decls.isEmpty()) throw new IllegalArgumentException("@Struct " + type.getName() + " has no instance fields");
        this.layout = StructLayout.of(type.getSimpleName(), decls);
        this.fields = fs.toArray(new Field[0]);
        try {
            this.constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("@Struct " + type.getName() + " needs a no-argument constructor to be read from a map");
        }
        this.reader = StructReaders.generate(type, fields, layout);
    }

    /** Whether reads go through a generated reader rather than reflection. */
    boolean generated() { return reader != null; }

    private static StructLayout.Kind kindOf(Field f) {
        Class<?> t = f.getType();
        StructLayout.Kind k = null;
        if (t == byte.class) k = StructLayout.Kind.BYTE;
        else if (t == boolean.class) k = StructLayout.Kind.BOOLEAN;
        else if (t == short.class) k = StructLayout.Kind.SHORT;
        else if (t == char.class) k = StructLayout.Kind.CHAR;
        else if (t == int.class) k = StructLayout.Kind.INT;
        else if (t == long.class) k = StructLayout.Kind.LONG;
        else if (t == byte[].class) k = StructLayout.Kind.BYTES;
        else if (t == String.class && f.isAnnotationPresent(Size.class)) k = StructLayout.Kind.BYTES;
        if (k == null)
            throw new IllegalArgumentException(f.getDeclaringClass().getName() + "." + f.getName() + ": a @Struct field must be "
                    + "byte, boolean, short, char, int, long, @Size byte[] or @Size String, not " + t.getSimpleName());
        return k;
    }

    StructLayout layout() { return layout; }

    /** The instance fields, in layout order. */
    Field[] fields() { return fields.clone(); }

    @Override public int size() { return layout.size(); }

    @Override public String describe() { return "struct " + type.getSimpleName(); }

    @Override public void write(T value, ByteBuffer out) {
        int base = out.position();
        for (int i = 0; i < size(); i++) out.put(base + i, (byte) 0);
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
                    default: throw new IllegalStateException(lf.kind().toString());
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read fields of " + type.getName(), e);
        }
        out.position(base + size());
    }

    @Override public T read(ByteBuffer in) {
        int base = in.position();
        if (reader != null) {
            T value = reader.read(in, base);
            in.position(base + size());
            return value;
        }
        return readReflectively(in, base);
    }

    @Override public T readAt(ByteBuffer in, int offset) {
        return reader != null ? reader.read(in, offset) : readReflectively(in.duplicate().order(in.order()), offset);
    }

    @Override public T readAt(ByteBuffer in, int offset, T reuse) {
        if (reuse == null || reader == null) return readAt(in, offset);
        reader.readInto(reuse, in, offset);
        return reuse;
    }

    private T readReflectively(ByteBuffer in, int base) {
        try {
            T value = constructor.newInstance();
            for (int i = 0; i < fields.length; i++) {
                StructLayout.Field lf = layout.fields().get(i);
                int at = base + lf.offset();
                Field f = fields[i];
                switch (lf.kind()) {
                    case BYTE: f.setByte(value, in.get(at)); break;
                    case BOOLEAN: f.setBoolean(value, in.get(at) != 0); break;
                    case SHORT: f.setShort(value, in.getShort(at)); break;
                    case CHAR: f.setChar(value, in.getChar(at)); break;
                    case INT: f.setInt(value, in.getInt(at)); break;
                    case LONG: f.setLong(value, in.getLong(at)); break;
                    case BYTES: {
                        if (f.getType() == String.class) {
                            f.set(value, CStrings.read(in, at, lf.size()));
                            break;
                        }
                        byte[] b = new byte[lf.size()];
                        in.get(at, b);
                        f.set(value, b);
                        break;
                    }
                    default: throw new IllegalStateException(lf.kind().toString());
                }
            }
            in.position(base + size());
            return value;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + ": " + e.getMessage(), e);
        }
    }
}
