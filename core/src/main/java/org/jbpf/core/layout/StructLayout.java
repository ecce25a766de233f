package org.jbpf.core.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * C layout of a {@code @Struct} class: fields in declaration order, each at its natural alignment, the size
 * rounded up to the largest alignment. A field may be a primitive, a fixed-length array of primitives, another
 * struct held by value (aligned as its own largest member), or a fixed-length array of such structs. The translator and the userspace codecs both use this,
 * so a struct means the same bytes in the kernel and in Java.
 */
public final class StructLayout {

    /** Java field kinds a struct may hold; {@code size} is the size of one element. */
    public enum Kind {
        BYTE(1, true), BOOLEAN(1, false), SHORT(2, true), CHAR(2, false), INT(4, true), LONG(8, true), BYTES(1, false),
        /** A {@code @Size(n)} array of short, char, int or long: {@link Field#element()} says which. */
        ARRAY(1, false),
        /** Another {@code @Struct} held by value: {@link Field#nested()} is its layout. */
        STRUCT(1, false),
        /** A {@code @Size(n)} array of another {@code @Struct}, each element held by value: {@link Field#nested()} is the element's layout. */
        STRUCTS(1, false);

        public final int size;
        public final boolean signed;

        Kind(int size, boolean signed) { this.size = size; this.signed = signed; }

        /** Kind of a JVM field descriptor ("I", "J", "[B"...), or null when a struct cannot hold it. */
        public static Kind ofDescriptor(String desc) {
            switch (desc) {
                case "B": return BYTE;
                case "Z": return BOOLEAN;
                case "S": return SHORT;
                case "C": return CHAR;
                case "I": return INT;
                case "J": return LONG;
                case "[B": return BYTES;
                default: return elementOf(desc) != null ? ARRAY : null;
            }
        }

        /** The element kind of a short[], char[], int[] or long[] descriptor, or null for any other. */
        public static Kind elementOf(String desc) {
            switch (desc) {
                case "[S": return SHORT;
                case "[C": return CHAR;
                case "[I": return INT;
                case "[J": return LONG;
                default: return null;
            }
        }

        /** True for the kinds that hold one number. */
        public boolean scalar() { return this != BYTES && this != ARRAY && this != STRUCT && this != STRUCTS; }
    }

    /**
     * A field as declared: {@code length} is the element count of a {@code @Size(n)} array (0 otherwise), {@code element}
     * the element kind of an ARRAY, {@code nested} the layout of a STRUCT or of a STRUCTS array's element.
     */
    public record FieldDecl(String name, Kind kind, int length, Kind element, StructLayout nested) {
        public FieldDecl(String name, Kind kind, int length) { this(name, kind, length, null, null); }

        /** A {@code @Size(length)} array of {@code element}s. */
        public static FieldDecl array(String name, Kind element, int length) { return new FieldDecl(name, Kind.ARRAY, length, element, null); }

        /** A struct held by value. */
        public static FieldDecl struct(String name, StructLayout nested) { return new FieldDecl(name, Kind.STRUCT, 0, null, nested); }

        /** A {@code @Size(length)} array of structs of layout {@code element}, each held by value. */
        public static FieldDecl structs(String name, StructLayout element, int length) { return new FieldDecl(name, Kind.STRUCTS, length, null, element); }
    }

    /**
     * A placed field: {@code size} is its whole size in bytes; an ARRAY's {@code element} and {@code count}, a BYTES
     * field's count (its size), a STRUCT's {@code nested} layout, a STRUCTS array's element layout and count.
     */
    public record Field(String name, Kind kind, int offset, int size, Kind element, int count, StructLayout nested) {
        public Field(String name, Kind kind, int offset, int size) { this(name, kind, offset, size, null, 0, null); }
    }

    private final String name;
    private final List<Field> fields;
    private final int size;
    private final int alignment;

    private StructLayout(String name, List<Field> fields, int size, int alignment) {
        this.name = name;
        this.fields = fields;
        this.size = size;
        this.alignment = alignment;
    }

    public static StructLayout of(String name, List<FieldDecl> decls) {
        List<Field> out = new ArrayList<>();
        int offset = 0, maxAlign = 1;
        for (FieldDecl d : decls) {
            int align, sz, count = 0;
            switch (d.kind()) {
                case BYTES:
                    if (d.length() <= 0) throw new IllegalArgumentException(name + "." + d.name() + ": byte array needs a positive @Size");
                    align = 1; sz = d.length(); count = d.length();
                    break;
                case ARRAY:
                    if (d.length() <= 0) throw new IllegalArgumentException(name + "." + d.name() + ": array needs a positive @Size");
                    if (d.element() == null || !d.element().scalar())
                        throw new IllegalArgumentException(name + "." + d.name() + ": arrays hold primitives");
                    align = d.element().size; sz = d.length() * d.element().size; count = d.length();
                    break;
                case STRUCT:
                    align = d.nested().alignment(); sz = d.nested().size();
                    break;
                case STRUCTS:
                    if (d.length() <= 0) throw new IllegalArgumentException(name + "." + d.name() + ": array needs a positive @Size");
                    align = d.nested().alignment(); sz = d.length() * d.nested().size(); count = d.length();
                    break;
                default:
                    align = d.kind().size; sz = d.kind().size;
            }
            offset = (offset + align - 1) / align * align;
            out.add(new Field(d.name(), d.kind(), offset, sz, d.element(), count, d.nested()));
            offset += sz;
            maxAlign = Math.max(maxAlign, align);
        }
        int size = (offset + maxAlign - 1) / maxAlign * maxAlign;
        return new StructLayout(name, Collections.unmodifiableList(out), size, maxAlign);
    }

    public String name() { return name; }
    public List<Field> fields() { return fields; }
    public int size() { return size; }
    public int alignment() { return alignment; }

    public Field field(String fieldName) {
        for (Field f : fields) if (f.name().equals(fieldName)) return f;
        return null;
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("struct " + name + " { ");
        for (Field f : fields) {
            if (f.kind() == Kind.ARRAY) sb.append(f.element()).append('[').append(f.count()).append(']');
            else if (f.kind() == Kind.STRUCT) sb.append("struct ").append(f.nested().name());
            else if (f.kind() == Kind.STRUCTS) sb.append("struct ").append(f.nested().name()).append('[').append(f.count()).append(']');
            else sb.append(f.kind());
            sb.append(' ').append(f.name()).append('@').append(f.offset()).append("; ");
        }
        return sb.append("} size ").append(size).toString();
    }
}
