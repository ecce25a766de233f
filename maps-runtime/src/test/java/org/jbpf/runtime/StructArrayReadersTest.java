package org.jbpf.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.junit.jupiter.api.Test;

/** Arrays of structs in a struct or record, read by the generated readers: raw and through the buffer, refilled in place. */
class StructArrayReadersTest {

    @Struct
    static final class Point {
        int x;
        short y;
    }

    @Struct
    static final class Table {
        long id;
        @Size(3) Point[] points;
        int tail;
    }

    @Struct
    record Ends(int n, @Size(2) Point[] ends) {}

    /** Table's bytes at index {@code at}: id@0, points@8 (x@+0, y@+4, 8 bytes each), tail@32; 40 bytes. */
    private static ByteBuffer table(ByteBuffer b, int at, long id) {
        b.putLong(at, id).putInt(at + 32, -32);
        for (int k = 0; k < 3; k++) b.putInt(at + 8 + 8 * k, 10 * k - 1).putShort(at + 12 + 8 * k, (short) (-100 * k));
        return b;
    }

    private static void assertTable(Table t, long id) {
        assertEquals(id, t.id);
        assertEquals(3, t.points.length);
        for (int k = 0; k < 3; k++) {
            assertEquals(10 * k - 1, t.points[k].x, "points[" + k + "].x");
            assertEquals(-100 * k, t.points[k].y, "points[" + k + "].y");
        }
        assertEquals(-32, t.tail);
    }

    private static ByteBuffer direct(int n) { return ByteBuffer.allocateDirect(n).order(ByteOrder.LITTLE_ENDIAN); }

    private static ByteBuffer heap(int n) { return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN); }

    @Test
    void aStructHoldingAStructArrayHasAGeneratedReader() {
        StructCodec<Table> c = (StructCodec<Table>) Codecs.of(Table.class);
        assertTrue(c.generated(), "an array of structs no longer falls back to reflection");
        assertEquals(40, c.size());
        for (ByteBuffer b : new ByteBuffer[] {direct(48), heap(48)}) {
            table(b, 8, 77);
            assertTable(c.readAt(b, 8), 77);
            assertTable(c.readAt(b.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN), 8), 77);
            assertThrows(IndexOutOfBoundsException.class, () -> c.readAt(b, 9), "a struct running past the buffer");
        }
    }

    @Test
    void refillingKeepsTheArrayAndItsElements() {
        Codec<Table> c = Codecs.of(Table.class);
        ByteBuffer b = table(direct(40), 0, 1);
        Table t = c.readAt(b, 0);
        Point[] points = t.points;
        Point middle = t.points[1];
        b.putInt(16, 555).putLong(0, 2);
        assertSame(t, c.readAt(b, 0, t));
        assertSame(points, t.points, "the array of the right length is kept");
        assertSame(middle, t.points[1], "and so is each element");
        assertEquals(555, t.points[1].x);
        assertEquals(2, t.id);
        t.points[2] = null;
        c.readAt(b, 0, t);
        assertEquals(19, t.points[2].x, "a missing element is made");
        t.points = new Point[1];
        c.readAt(b, 0, t);
        assertEquals(3, t.points.length, "an array of the wrong length is replaced");
        assertEquals(-1, t.points[0].x);
    }

    @Test
    void aRecordHoldingAStructArrayIsBuiltWithANewArray() {
        StructCodec<Ends> c = (StructCodec<Ends>) Codecs.of(Ends.class);
        assertTrue(c.generated());
        assertEquals(20, c.size());   // n@0, ends@4: two 8-byte Points
        for (ByteBuffer b : new ByteBuffer[] {direct(20), heap(20)}) {
            b.putInt(0, 2).putInt(4, 7).putShort(8, (short) -8).putInt(12, 9).putShort(16, (short) 10);
            Ends e = c.readAt(b, 0);
            assertEquals(2, e.n());
            assertEquals(7, e.ends()[0].x);
            assertEquals(-8, e.ends()[0].y);
            assertEquals(9, e.ends()[1].x);
            assertEquals(10, e.ends()[1].y);
            assertNotSame(e.ends(), c.readAt(b, 0, e).ends(), "a record is never refilled");
        }
    }
}
