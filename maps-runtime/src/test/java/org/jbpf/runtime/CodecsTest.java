package org.jbpf.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.junit.jupiter.api.Test;

class CodecsTest {

    @Struct
    public static class Sample {
        public byte tag;
        public long count;
        public short port;
        @Size(6) public byte[] mac;
        public boolean seen;
        public int pid;
        static int ignoredStatic = 5;
    }

    @Struct
    public static class Inner {
        public byte flag;
        public int n;
    }

    @Struct
    public static class Histogram {
        public short tag;
        public Inner inner;
        @Size(3) public long[] buckets;
        @Size(2) public char[] marks;
    }

    @Struct
    public record Key(int pid, long cookie) {}

    @Struct
    public static class Route {
        public byte hops;
        @Size(3) public Inner[] inners;
        public short tail;
    }

    @Struct
    public record Pair(int n, @Size(2) Key[] keys) {}

    @Struct
    public static class UnsizedStructs {
        public Inner[] inners;
    }

    @Struct
    public static class NoSize {
        public byte[] data;
    }

    @Struct
    public static class BadField {
        public String name;
    }

    private static <T> byte[] encode(Codec<T> c, T v) {
        ByteBuffer b = ByteBuffer.allocate(c.size()).order(ByteOrder.LITTLE_ENDIAN);
        c.write(v, b);
        assertEquals(c.size(), b.position(), "write advances by size");
        return b.array();
    }

    private static <T> T decode(Codec<T> c, byte[] bytes) {
        return c.read(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void primitivesAreLittleEndian() {
        assertArrayEquals(new byte[] {4, 3, 2, 1}, encode(Codecs.INT, 0x01020304));
        assertArrayEquals(new byte[] {2, 1}, encode(Codecs.SHORT, (short) 0x0102));
        assertEquals(-2L, decode(Codecs.LONG, new byte[] {-2, -1, -1, -1, -1, -1, -1, -1}));
        assertEquals((byte) 7, decode(Codecs.BYTE, new byte[] {7}));
        assertSame(Codecs.INT, Codecs.of(Integer.class));
        assertEquals(8, Codecs.of(Long.class).size());
    }

    @Test
    void structFieldsSitAtTheirCOffsets() {
        Codec<Sample> c = Codecs.of(Sample.class);
        // tag@0, count@8, port@16, mac@18..24, seen@24, pid@28, size 32
        assertEquals(32, c.size());
        Sample s = new Sample();
        s.tag = 9;
        s.count = 0x1122334455667788L;
        s.port = 443;
        s.mac = new byte[] {1, 2, 3, 4, 5, 6};
        s.seen = true;
        s.pid = -1;
        byte[] b = encode(c, s);
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(9, in.get(0));
        for (int i = 1; i < 8; i++) assertEquals(0, in.get(i), "padding byte " + i + " is zero");
        assertEquals(0x1122334455667788L, in.getLong(8));
        assertEquals(443, in.getShort(16));
        assertEquals(6, in.get(23));
        assertEquals(1, in.get(24));
        assertEquals(-1, in.getInt(28));
        Sample back = decode(c, b);
        assertEquals(s.count, back.count);
        assertArrayEquals(s.mac, back.mac);
        assertTrue(back.seen);
        assertEquals(-1, back.pid);
        assertEquals(443, back.port);
    }

    @Test
    void nestedStructsAndPrimitiveArraysSitAtTheirCOffsets() {
        Codec<Histogram> c = Codecs.of(Histogram.class);
        // tag@0, inner{flag@4, n@8} (aligned 4, size 8), buckets@16..40, marks@40..44, size 48
        assertEquals(48, c.size());
        Histogram h = new Histogram();
        h.tag = -3;
        h.inner = new Inner();
        h.inner.flag = 7;
        h.inner.n = 0x01020304;
        h.buckets = new long[] {1, -2, Long.MIN_VALUE};
        h.marks = new char[] {'a', 0xffff};
        byte[] b = encode(c, h);
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(-3, in.getShort(0));
        assertEquals(7, in.get(4));
        assertEquals(0x01020304, in.getInt(8));
        assertEquals(-2L, in.getLong(24));
        assertEquals(Long.MIN_VALUE, in.getLong(32));
        assertEquals((char) 0xffff, in.getChar(42));
        Histogram back = decode(c, b);
        assertEquals(7, back.inner.flag);
        assertEquals(0x01020304, back.inner.n);
        assertArrayEquals(h.buckets, back.buckets);
        assertArrayEquals(h.marks, back.marks);
    }

    @Test
    void arraysOfStructsHoldTheirElementsInPlace() {
        Codec<Route> c = Codecs.of(Route.class);
        // hops@0, inners[3] of {flag@0, n@4} (size 8, aligned 4) @4..28, tail@28, size 32 (aligned 4)
        assertEquals(32, c.size());
        Route r = new Route();
        r.hops = 2;
        r.inners = new Inner[] {new Inner(), null, new Inner()};
        r.inners[0].flag = 5;
        r.inners[2].n = -7;
        r.tail = 300;
        byte[] b = encode(c, r);
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(5, in.get(4));
        assertEquals(0, in.getInt(16), "a null element is written as zeros");
        assertEquals(-7, in.getInt(24));
        assertEquals(300, in.getShort(28));
        Route back = decode(c, b);
        assertEquals(3, back.inners.length);
        assertEquals(5, back.inners[0].flag);
        assertEquals(0, back.inners[1].n);
        assertEquals(-7, back.inners[2].n);
        assertEquals(300, back.tail);

        Codec<Pair> p = Codecs.of(Pair.class);
        assertEquals(40, p.size(), "n@0, keys[2] of 16 bytes each @8");
        Pair pair = decode(p, encode(p, new Pair(9, new Key[] {new Key(1, 2), new Key(3, -4)})));
        assertEquals(9, pair.n());
        assertEquals(new Key(3, -4), pair.keys()[1]);
        var e = assertThrows(IllegalArgumentException.class, () -> Codecs.of(UnsizedStructs.class));
        assertTrue(e.getMessage().contains("UnsizedStructs.inners: a Inner[] field of a @Struct needs @Size(n) with n > 0"), e.getMessage());
    }

    @Test
    void recordsAreBuiltThroughTheirCanonicalConstructor() {
        Codec<Key> c = Codecs.of(Key.class);
        assertEquals(16, c.size());
        byte[] b = encode(c, new Key(42, -9L));
        assertEquals(42, ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(0));
        assertEquals(new Key(42, -9L), decode(c, b));
        assertEquals(new Key(42, -9L), c.readAt(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN), 0, new Key(1, 1)));
    }

    @Test
    void unsupportedTypesAreExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> Codecs.of(NoSize.class));
        assertTrue(e.getMessage().contains("NoSize.data: a byte[] field of a @Struct needs @Size(n)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Codecs.of(BadField.class));
        assertTrue(e.getMessage().contains("BadField.name: a @Struct field must be"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Codecs.of(String.class));
        assertTrue(e.getMessage().contains("java.lang.String cannot be a map key or value"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> encode(Codecs.bytes(4), new byte[3]));
        assertEquals("expected 4 bytes, got 3", e.getMessage());
    }

    @Test
    void btfCheckComparesNamesAndOffsets() {
        Btf btf = new Btf();
        int u8 = btf.add(new BtfType.IntType("u8", 1, 0));
        int u64 = btf.add(new BtfType.IntType("u64", 8, 0));
        int ok = btf.add(new BtfType.Struct("S", 16, List.of(new BtfType.Member("a", u8, 0), new BtfType.Member("b", u64, 64))));
        int renamed = btf.add(new BtfType.Struct("S", 16, List.of(new BtfType.Member("a", u8, 0), new BtfType.Member("c", u64, 64))));
        var layout = org.jbpf.core.layout.StructLayout.of("J", List.of(
                new org.jbpf.core.layout.StructLayout.FieldDecl("a", org.jbpf.core.layout.StructLayout.Kind.BYTE, 0),
                new org.jbpf.core.layout.StructLayout.FieldDecl("b", org.jbpf.core.layout.StructLayout.Kind.LONG, 0)));
        BtfCheck.check("m", "value", layout, btf, ok);
        BtfCheck.check("m", "value", layout, btf, u64);  // not a struct: nothing to compare
        var e = assertThrows(IllegalArgumentException.class, () -> BtfCheck.check("m", "value", layout, btf, renamed));
        assertTrue(e.getMessage().contains("field 1 is b at offset 8 in Java but c at offset 8 in BTF"), e.getMessage());
    }

    @Struct
    static final class Hidden {
        private byte b;
        private boolean flag;
        private short s;
        private char c;
        private int i;
        private long l;
        @Size(3) private byte[] tail;
        private Hidden() {}
    }

    @Test
    void structReadsGoThroughAGeneratedReaderThatMatchesTheReflectiveOne() {
        StructCodec<Hidden> c = (StructCodec<Hidden>) Codecs.of(Hidden.class);
        assertTrue(c.generated(), "private fields and constructor are reachable from the generated nestmate");
        ByteBuffer b = ByteBuffer.allocate(c.size() + 5).order(ByteOrder.LITTLE_ENDIAN);
        int at = 5;
        for (StructLayoutFieldValue f : List.of(new StructLayoutFieldValue(0, 1))) b.put(at + f.offset(), (byte) -3);
        b.put(at + 1, (byte) 2);  // any non-zero byte is true
        b.putShort(at + 2, (short) -2).putChar(at + 4, 'Z').putInt(at + 8, 123456).putLong(at + 16, -9L);
        b.put(at + 24, (byte) 7).put(at + 25, (byte) 8).put(at + 26, (byte) 9);
        Hidden h = c.readAt(b, at);
        assertEquals(-3, h.b);
        assertTrue(h.flag);
        assertEquals(-2, h.s);
        assertEquals('Z', h.c);
        assertEquals(123456, h.i);
        assertEquals(-9L, h.l);
        assertArrayEquals(new byte[] {7, 8, 9}, h.tail);
        assertEquals(0, b.position(), "readAt leaves the position alone");
        b.position(at);
        Hidden viaRead = c.read(b);
        assertEquals(at + c.size(), b.position(), "read advances by size");
        assertEquals(h.l, viaRead.l);
        assertArrayEquals(h.tail, viaRead.tail);
        assertNotSame(h.tail, viaRead.tail, "each read has its own array");
    }

    @Test
    void aStructInAnotherPackageGetsAGeneratedReaderToo() {
        StructCodec<org.jbpf.runtime.structs.Packet> c =
                (StructCodec<org.jbpf.runtime.structs.Packet>) Codecs.of(org.jbpf.runtime.structs.Packet.class);
        assertTrue(c.generated());
        ByteBuffer b = ByteBuffer.allocateDirect(32).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(8, 77L).putInt(16, 5).put(20, (byte) 1).put(23, (byte) 4);
        org.jbpf.runtime.structs.Packet p = c.readAt(b, 8);
        assertEquals(77L, p.seq);
        assertEquals(5, p.len());
        assertArrayEquals(new byte[] {1, 0, 0, 4}, p.head);

        b.putLong(8, 78L).put(20, (byte) 9);
        byte[] array = p.head;
        assertSame(p, c.readAt(b, 8, p), "refilled in place");
        assertEquals(78L, p.seq);
        assertSame(array, p.head, "the array of the right length is kept");
        assertArrayEquals(new byte[] {9, 0, 0, 4}, p.head);
        p.head = new byte[2];
        c.readAt(b, 8, p);
        assertEquals(4, p.head.length, "an array of the wrong length is replaced");
    }

    @Struct
    static final class Arrays3 {
        byte first;
        @Size(13) byte[] odd;       // one eight-byte step and five single bytes
        @Size(48) byte[] payload;   // six eight-byte steps
        @Size(100) byte[] big;      // past the unrolled limit: the bulk copy
    }

    @Test
    void generatedReadersCopyByteArraysOfEveryLengthExactly() {
        StructCodec<Arrays3> c = (StructCodec<Arrays3>) Codecs.of(Arrays3.class);
        assertTrue(c.generated());
        assertEquals(1 + 13 + 48 + 100, c.size());
        ByteBuffer b = ByteBuffer.allocateDirect(c.size() + 3).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < b.capacity(); i++) b.put(i, (byte) (i * 7 + 1));
        Arrays3 v = c.readAt(b.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN), 3);
        assertEquals((byte) (3 * 7 + 1), v.first);
        for (int i = 0; i < 13; i++) assertEquals((byte) ((4 + i) * 7 + 1), v.odd[i], "odd[" + i + "]");
        for (int i = 0; i < 48; i++) assertEquals((byte) ((17 + i) * 7 + 1), v.payload[i], "payload[" + i + "]");
        for (int i = 0; i < 100; i++) assertEquals((byte) ((65 + i) * 7 + 1), v.big[i], "big[" + i + "]");
        byte[] kept = v.payload;
        b.put(3 + 1 + 13 + 47, (byte) -5);
        assertSame(v, c.readAt(b, 3, v));
        assertSame(kept, v.payload);
        assertEquals(-5, v.payload[47], "the last byte of the last step");
    }

    /** The Java-side view of a probe struct whose {@code @CString @Size(16) byte[] comm} is read as text. */
    @Struct
    public static final class CommView {
        public int pid;
        @Size(16) public String comm;
        public long count;
    }

    @Test
    void sizedStringFieldsReadTheTextBeforeTheNulAndWriteItNulPadded() {
        StructCodec<CommView> c = (StructCodec<CommView>) Codecs.of(CommView.class);
        assertTrue(c.generated());
        assertEquals(32, c.size(), "pid@0, comm@4..20, count@24");
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(8, 42).put(12, "bash\0junk".getBytes(java.nio.charset.StandardCharsets.UTF_8)).putLong(32, 7L);
        CommView v = c.readAt(b, 8);
        assertEquals(42, v.pid);
        assertEquals("bash", v.comm, "the text stops at the NUL");
        assertEquals(7L, v.count);
        b.put(12, "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("0123456789abcdef", c.readAt(b, 8, v).comm, "a full array has no NUL");

        v.comm = "zsh";
        byte[] written = encode(c, v);
        assertArrayEquals(new byte[] {'z', 's', 'h', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                java.util.Arrays.copyOfRange(written, 4, 20));
        assertEquals("zsh", decode(c, written).comm);
        v.comm = "a name of seventeen";
        var e = assertThrows(IllegalArgumentException.class, () -> encode(c, v));
        assertEquals("CommView.comm: \"a name of seventeen\" takes 19 bytes, more than its @Size(16)", e.getMessage());
        assertEquals("bash", CStrings.text(new byte[] {'b', 'a', 's', 'h', 0, 'x'}));
    }

    private record StructLayoutFieldValue(int offset, int size) {}
}
