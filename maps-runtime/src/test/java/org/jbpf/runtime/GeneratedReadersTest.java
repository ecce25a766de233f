package org.jbpf.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.junit.jupiter.api.Test;

/**
 * Generated readers for every field kind (nested structs, number arrays, records, strings), read raw from direct
 * buffers and through heap buffers alike, and their one bounds check per struct.
 */
class GeneratedReadersTest {

    @Struct
    static final class Point {
        int x;
        short y;
    }

    @Struct
    static final class Sample {
        long seq;
        Point at;
        @Size(3) long[] buckets;
        @Size(2) int[] counts;
        @Size(3) short[] ports;
        @Size(2) char[] marks;
        @Size(8) String name;
        boolean flag;
    }

    @Struct
    record Span(int pid, Point where, @Size(2) int[] sizes, @Size(4) String tag) {}

    @Struct
    static final class Holder {
        long id;
        Span span;
    }

    /** Sample's bytes at index {@code at}: seq@0, at{x@8, y@12}, buckets@16, counts@40, ports@48, marks@54, name@58, flag@66. */
    private static ByteBuffer sample(ByteBuffer b, int at, long seq) {
        b.putLong(at, seq).putInt(at + 8, -7).putShort(at + 12, (short) 300);
        b.putLong(at + 16, 1).putLong(at + 24, -2).putLong(at + 32, Long.MAX_VALUE);
        b.putInt(at + 40, 40).putInt(at + 44, -44);
        b.putShort(at + 48, (short) 80).putShort(at + 50, (short) -1).putShort(at + 52, (short) 443);
        b.putChar(at + 54, 'q').putChar(at + 56, (char) 0xfffe);
        byte[] name = "bash".getBytes();
        for (int i = 0; i < name.length; i++) b.put(at + 58 + i, name[i]);
        b.put(at + 66, (byte) 3);
        return b;
    }

    private static void assertSample(Sample s, long seq) {
        assertEquals(seq, s.seq);
        assertEquals(-7, s.at.x);
        assertEquals(300, s.at.y);
        assertArrayEquals(new long[] {1, -2, Long.MAX_VALUE}, s.buckets);
        assertArrayEquals(new int[] {40, -44}, s.counts);
        assertArrayEquals(new short[] {80, -1, 443}, s.ports);
        assertArrayEquals(new char[] {'q', (char) 0xfffe}, s.marks);
        assertEquals("bash", s.name);
        assertTrue(s.flag);
    }

    private static ByteBuffer direct(int n) { return ByteBuffer.allocateDirect(n).order(ByteOrder.LITTLE_ENDIAN); }

    private static ByteBuffer heap(int n) { return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN); }

    @Test
    void rawReadsAreOnWhereTheJdkOffersThemWithoutAWarning() {
        assertEquals(Runtime.version().feature() < 24, RawMemory.ENABLED, "Unsafe on JDK 17 to 23, the buffers' own reads from 24 on");
        ByteBuffer b = direct(16);
        assertEquals(RawMemory.ENABLED, RawMemory.address(b, 8, 8) != 0);
        assertEquals(0, RawMemory.address(heap(16), 8, 8), "heap buffers are read through the buffer");
        assertEquals(0, RawMemory.address(direct(16).order(ByteOrder.BIG_ENDIAN), 8, 8), "so are big-endian views");
    }

    @Test
    void nestedStructsAndNumberArraysAreGeneratedAndReadTheSameRawAndThroughTheBuffer() {
        StructCodec<Sample> c = (StructCodec<Sample>) Codecs.of(Sample.class);
        assertTrue(c.generated(), "nested structs and arrays no longer fall back to reflection");
        assertEquals(72, c.size());
        assertNotNull(StructReader.of(c));
        assertNull(StructReader.of(Codecs.LONG));
        for (ByteBuffer b : new ByteBuffer[] {direct(80), heap(80)}) {
            sample(b, 8, 99);
            assertSample(c.readAt(b, 8), 99);
            assertSample(c.readAt(b.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN), 8), 99);
        }
    }

    @Test
    void refillingKeepsArraysAndNestedObjectsOfTheRightShape() {
        Codec<Sample> c = Codecs.of(Sample.class);
        ByteBuffer b = sample(direct(72), 0, 1);
        Sample s = c.readAt(b, 0);
        Point at = s.at;
        long[] buckets = s.buckets;
        b.putLong(0, 2).putInt(8, 5).putLong(32, 9);
        assertSame(s, c.readAt(b, 0, s));
        assertSame(at, s.at, "the nested object is refilled");
        assertSame(buckets, s.buckets, "the array of the right length is kept");
        assertEquals(2, s.seq);
        assertEquals(5, s.at.x);
        assertEquals(9, s.buckets[2]);
        s.counts = new int[5];
        s.at = null;
        c.readAt(b, 0, s);
        assertArrayEquals(new int[] {40, -44}, s.counts, "an array of the wrong length is replaced");
        assertEquals(5, s.at.x, "a missing nested object is made");
    }

    @Test
    void recordsAreGeneratedWithNestedStructsArraysAndStrings() {
        StructCodec<Span> c = (StructCodec<Span>) Codecs.of(Span.class);
        assertTrue(c.generated());
        // pid@0, where{x@4, y@8}, sizes@12, tag@20, size 24
        assertEquals(24, c.size());
        for (ByteBuffer b : new ByteBuffer[] {direct(24), heap(24)}) {
            b.putInt(0, 42).putInt(4, 3).putShort(8, (short) -4).putInt(12, 10).putInt(16, 20).put(20, (byte) 'o').put(21, (byte) 'k');
            Span s = c.readAt(b, 0);
            assertEquals(42, s.pid());
            assertEquals(3, s.where().x);
            assertEquals(-4, s.where().y);
            assertArrayEquals(new int[] {10, 20}, s.sizes());
            assertEquals("ok", s.tag());
            Span again = c.readAt(b, 0, s);
            assertNotSame(s, again, "a record is never refilled");
            assertEquals(42, again.pid());
        }
        StructCodec<Holder> h = (StructCodec<Holder>) Codecs.of(Holder.class);
        assertTrue(h.generated());
        ByteBuffer b = direct(32).putLong(0, 5).putInt(8, 6);
        Holder v = h.readAt(b, 0);
        Span first = v.span;
        b.putInt(8, 7);
        h.readAt(b, 0, v);
        assertEquals(7, v.span.pid(), "a record field is read anew when its holder is refilled");
        assertNotSame(first, v.span);
    }

    @Test
    void aStructRunningPastTheBufferIsAnIndexErrorNotARead() {
        Codec<Sample> c = Codecs.of(Sample.class);
        for (ByteBuffer b : new ByteBuffer[] {direct(100), heap(100)}) {
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> c.readAt(b, 29));
            assertEquals("72 bytes at index 29 of a buffer of 100", e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> c.readAt(b, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> c.readAt(b, Integer.MAX_VALUE));
            b.limit(71);
            assertThrows(IndexOutOfBoundsException.class, () -> c.readAt(b, 0), "the limit counts, not the capacity");
            b.limit(100).putLong(28, 123);
            assertEquals(123, c.readAt(b, 28).seq, "the last place it fits");
        }
    }
}
