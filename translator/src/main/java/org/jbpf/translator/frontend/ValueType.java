package org.jbpf.translator.frontend;

import java.util.Objects;
import org.jbpf.core.layout.StructLayout;

/**
 * A type a map key/value, a struct field or a pointer target can have: a primitive of 1, 2, 4 or 8 bytes,
 * a struct, a fixed-length byte array, or a fixed-length array of short, char, int or long.
 * <p>Each record spells out its equals and hashCode: the ones javac generates are bound at their first call through
 * method handles, which costs a cold command several milliseconds per record type.
 */
public sealed interface ValueType {
    int size();

    /** Java name for messages. */
    String javaName();

    record Prim(StructLayout.Kind kind) implements ValueType {
        public int size() { return kind.size; }
        public String javaName() {
            switch (kind) {
                case BYTE: return "byte";
                case BOOLEAN: return "boolean";
                case SHORT: return "short";
                case CHAR: return "char";
                case INT: return "int";
                default: return "long";
            }
        }
        public boolean isLong() { return kind == StructLayout.Kind.LONG; }
        @Override public boolean equals(Object o) { return o instanceof Prim p && kind == p.kind; }
        @Override public int hashCode() { return Objects.hashCode(kind); }
    }

    record Struct(String internalName, StructLayout layout) implements ValueType {
        public int size() { return layout.size(); }
        public String javaName() { return internalName.substring(internalName.lastIndexOf('/') + 1).replace('$', '.'); }
        @Override public boolean equals(Object o) {
            return o instanceof Struct t && Objects.equals(internalName, t.internalName) && Objects.equals(layout, t.layout);
        }
        @Override public int hashCode() { return Objects.hash(internalName, layout); }
    }

    record Bytes(int length) implements ValueType {
        public int size() { return length; }
        public String javaName() { return "byte[" + length + "]"; }
        @Override public boolean equals(Object o) { return o instanceof Bytes b && length == b.length; }
        @Override public int hashCode() { return length; }
    }

    /** A fixed-length array of short, char, int or long ({@code element}), as a local or a {@code @Size(n)} field. */
    record PrimArray(StructLayout.Kind element, int length) implements ValueType {
        public int size() { return element.size * length; }
        public String javaName() { return new Prim(element).javaName() + "[" + length + "]"; }
        @Override public boolean equals(Object o) { return o instanceof PrimArray a && element == a.element && length == a.length; }
        @Override public int hashCode() { return Objects.hashCode(element) * 31 + length; }
    }

    /**
     * An array of {@code length} structs held by value. A local one ({@code spare}) is followed by one more element
     * where an index out of range goes: it is zeroed before each such use, so a read there gives 0 and a store there
     * is never seen. A {@code @Size(n)} field of a struct has no spare element: its code uses a zeroed stack area
     * for that instead.
     */
    record StructArray(Struct element, int length, boolean spare) implements ValueType {
        /** A local array, with its spare element. */
        public StructArray(Struct element, int length) { this(element, length, true); }
        public int size() { return element.size() * (spare ? length + 1 : length); }
        public String javaName() { return element.javaName() + "[" + length + "]"; }
        @Override public boolean equals(Object o) {
            return o instanceof StructArray a && length == a.length && spare == a.spare && Objects.equals(element, a.element);
        }
        @Override public int hashCode() { return (Objects.hashCode(element) * 31 + length) * 2 + (spare ? 1 : 0); }
    }

    /** The element count of a byte array, primitive array or struct array type; -1 for any other type. */
    static int lengthOf(ValueType t) {
        return t instanceof Bytes b ? b.length() : t instanceof PrimArray a ? a.length() : t instanceof StructArray s ? s.length() : -1;
    }

    /** The element kind of a byte array (BYTE) or primitive array type; null for any other type. */
    static StructLayout.Kind elementOf(ValueType t) {
        return t instanceof Bytes ? StructLayout.Kind.BYTE : t instanceof PrimArray a ? a.element() : null;
    }

    ValueType INT = new Prim(StructLayout.Kind.INT);
    ValueType LONG = new Prim(StructLayout.Kind.LONG);
    ValueType SHORT = new Prim(StructLayout.Kind.SHORT);
    ValueType BYTE = new Prim(StructLayout.Kind.BYTE);
    ValueType CHAR = new Prim(StructLayout.Kind.CHAR);
}
