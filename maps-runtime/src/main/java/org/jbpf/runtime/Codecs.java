package org.jbpf.runtime;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jbpf.Struct;

/** Codecs of the key and value types a map may have: Integer, Long, Short, Byte, Character, {@code @Struct} classes and raw bytes. */
public final class Codecs {
    private Codecs() {}

    public static final Codec<Integer> INT = new Primitive<>("Integer", 4) {
        public void write(Integer v, ByteBuffer out) { out.putInt(v); }
        public Integer read(ByteBuffer in) { return in.getInt(); }
        @Override public Integer readAt(ByteBuffer in, int offset) { return in.getInt(offset); }
    };
    public static final Codec<Long> LONG = new Primitive<>("Long", 8) {
        public void write(Long v, ByteBuffer out) { out.putLong(v); }
        public Long read(ByteBuffer in) { return in.getLong(); }
        @Override public Long readAt(ByteBuffer in, int offset) { return in.getLong(offset); }
    };
    public static final Codec<Short> SHORT = new Primitive<>("Short", 2) {
        public void write(Short v, ByteBuffer out) { out.putShort(v); }
        public Short read(ByteBuffer in) { return in.getShort(); }
        @Override public Short readAt(ByteBuffer in, int offset) { return in.getShort(offset); }
    };
    public static final Codec<Byte> BYTE = new Primitive<>("Byte", 1) {
        public void write(Byte v, ByteBuffer out) { out.put(v); }
        public Byte read(ByteBuffer in) { return in.get(); }
        @Override public Byte readAt(ByteBuffer in, int offset) { return in.get(offset); }
    };

    /** A Character as the kernel holds a Java char: two bytes, unsigned. */
    public static final Codec<Character> CHAR = new Primitive<>("Character", 2) {
        public void write(Character v, ByteBuffer out) { out.putChar(v); }
        public Character read(ByteBuffer in) { return in.getChar(); }
        @Override public Character readAt(ByteBuffer in, int offset) { return in.getChar(offset); }
    };

    private static final Map<Class<?>, Codec<?>> STRUCTS = new ConcurrentHashMap<>();

    /** The codec of {@code type}; a {@code byte[]} needs {@link #bytes(int)} instead since it has no size of its own. */
    @SuppressWarnings("unchecked")
    public static <T> Codec<T> of(Class<T> type) {
        if (type == Integer.class || type == int.class) return (Codec<T>) INT;
        if (type == Long.class || type == long.class) return (Codec<T>) LONG;
        if (type == Short.class || type == short.class) return (Codec<T>) SHORT;
        if (type == Byte.class || type == byte.class) return (Codec<T>) BYTE;
        if (type == Character.class || type == char.class) return (Codec<T>) CHAR;
        if (type.isAnnotationPresent(Struct.class)) {
            // not computeIfAbsent: a struct's codec asks for the codecs of the structs it holds
            Codec<?> known = STRUCTS.get(type);
            if (known != null) return (Codec<T>) known;
            Codec<T> made = new StructCodec<>(type);
            known = STRUCTS.putIfAbsent(type, made);
            return known != null ? (Codec<T>) known : made;
        }
        if (type == byte[].class)
            throw new IllegalArgumentException("byte[] keys and values need an explicit size: use Codecs.bytes(n)");
        throw new IllegalArgumentException(type.getName() + " cannot be a map key or value: use Integer, Long, Short, Byte, "
                + "Character or a class annotated @Struct");
    }

    /** Raw bytes of a fixed length, copied as they are. */
    public static Codec<byte[]> bytes(int size) {
        return new Codec<>() {
            public int size() { return size; }
            public void write(byte[] v, ByteBuffer out) {
                if (v.length != size) throw new IllegalArgumentException("expected " + size + " bytes, got " + v.length);
                out.put(v);
            }
            public byte[] read(ByteBuffer in) {
                byte[] b = new byte[size];
                in.get(b);
                return b;
            }
            public String describe() { return "byte[" + size + "]"; }
        };
    }

    private abstract static class Primitive<T> implements Codec<T> {
        private final String name;
        private final int size;

        Primitive(String name, int size) { this.name = name; this.size = size; }

        public int size() { return size; }
        public String describe() { return name; }
    }
}
