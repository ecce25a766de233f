package org.jbpf.translator.frontend;

import org.jbpf.core.layout.StructLayout;

/**
 * A type a map key/value, a struct field or a pointer target can have: a primitive of 1, 2, 4 or 8 bytes,
 * a struct, or a fixed-length byte array.
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
    }

    record Struct(String internalName, StructLayout layout) implements ValueType {
        public int size() { return layout.size(); }
        public String javaName() { return internalName.substring(internalName.lastIndexOf('/') + 1).replace('$', '.'); }
    }

    record Bytes(int length) implements ValueType {
        public int size() { return length; }
        public String javaName() { return "byte[" + length + "]"; }
    }

    ValueType INT = new Prim(StructLayout.Kind.INT);
    ValueType LONG = new Prim(StructLayout.Kind.LONG);
    ValueType SHORT = new Prim(StructLayout.Kind.SHORT);
    ValueType BYTE = new Prim(StructLayout.Kind.BYTE);
}
