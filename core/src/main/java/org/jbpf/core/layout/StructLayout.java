package org.jbpf.core.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * C layout of a {@code @Struct} class: fields in declaration order, each at its natural alignment, the size
 * rounded up to the largest alignment. The translator and the userspace codecs both use this, so a struct
 * means the same bytes in the kernel and in Java.
 */
public final class StructLayout {

    /** Java field kinds a struct may hold. */
    public enum Kind {
        BYTE(1, true), BOOLEAN(1, false), SHORT(2, true), CHAR(2, false), INT(4, true), LONG(8, true), BYTES(1, false);

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
                default: return null;
            }
        }
    }

    /** A field as declared: {@code length} is the byte length of a {@code @Size(n) byte[]}, 0 otherwise. */
    public record FieldDecl(String name, Kind kind, int length) {}

    /** A placed field. */
    public record Field(String name, Kind kind, int offset, int size) {}

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
            int align = d.kind() == Kind.BYTES ? 1 : d.kind().size;
            int sz = d.kind() == Kind.BYTES ? d.length() : d.kind().size;
            if (d.kind() == Kind.BYTES && d.length() <= 0)
                throw new IllegalArgumentException(name + "." + d.name() + ": byte array needs a positive @Size");
            offset = (offset + align - 1) / align * align;
            out.add(new Field(d.name(), d.kind(), offset, sz));
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
        for (Field f : fields) sb.append(f.kind()).append(' ').append(f.name()).append('@').append(f.offset()).append("; ");
        return sb.append("} size ").append(size).toString();
    }
}
