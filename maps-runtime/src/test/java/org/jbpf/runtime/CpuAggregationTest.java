package org.jbpf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.Max;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.junit.jupiter.api.Test;

/** Per-CPU values combine per field and per type, not 8 bytes at a time. */
class CpuAggregationTest {
    @Struct
    public static final class Stats {
        public int count;
        public int other;
        @Max public long peak;
        @Max public short low;
        public boolean seen;
        @Size(8) public String name;
    }

    @Struct
    public static final class BadMax {
        @Max @Size(4) public byte[] tag;
    }

    private static byte[] bytes(Stats s) {
        Codec<Stats> c = Codecs.of(Stats.class);
        ByteBuffer b = ByteBuffer.allocate(c.size()).order(ByteOrder.LITTLE_ENDIAN);
        c.write(s, b);
        return b.array();
    }

    private static Stats stats(int count, int other, long peak, short low, boolean seen, String name) {
        Stats s = new Stats();
        s.count = count;
        s.other = other;
        s.peak = peak;
        s.low = low;
        s.seen = seen;
        s.name = name;
        return s;
    }

    @Test void intsAddAtTheirWidthMaxFieldsKeepTheLargestAndTextIsNotAdded() {
        Codec<Stats> codec = Codecs.of(Stats.class);
        CpuAggregation how = CpuAggregation.of(codec);
        List<byte[]> cpus = new ArrayList<>();
        cpus.add(bytes(stats(-1, 7, 900, (short) -5, false, null)));
        cpus.add(bytes(stats(3, 1, 40, (short) -9, true, "bash")));
        cpus.add(bytes(stats(Integer.MAX_VALUE, 0, -3, (short) -7, false, "zsh")));
        Stats one = codec.read(ByteBuffer.wrap(how.combine(cpus)).order(ByteOrder.LITTLE_ENDIAN));
        assertEquals(-1 + 3 + Integer.MAX_VALUE, one.count, "a 32-bit add wraps at 32 bits, carrying nothing into the next field");
        assertEquals(8, one.other, "the next int is not disturbed by the carry");
        assertEquals(900, one.peak);
        assertEquals(-5, one.low, "signed maximum");
        assertEquals(true, one.seen);
        assertEquals("bash", one.name, "the first CPU whose bytes are set");
    }

    @Struct
    public static final class Inner { public int a; public long b; }

    @Struct
    public static final class Wide {
        @Size(3) public int[] counts;
        @Max @Size(2) public char[] highs;
        public Inner one;
        @Size(2) public Inner[] two;
    }

    private static byte[] bytes(Wide w) {
        Codec<Wide> c = Codecs.of(Wide.class);
        ByteBuffer b = ByteBuffer.allocate(c.size()).order(ByteOrder.LITTLE_ENDIAN);
        c.write(w, b);
        return b.array();
    }

    private static Wide wide(int base) {
        Wide w = new Wide();
        w.counts = new int[] {base, -base, Integer.MAX_VALUE};
        w.highs = new char[] {(char) (0xfff0 + base), (char) base};
        w.one = new Inner();
        w.one.a = base;
        w.one.b = -1L;
        w.two = new Inner[] {new Inner(), new Inner()};
        w.two[0].a = 10 * base;
        w.two[1].b = Long.MAX_VALUE;
        return w;
    }

    @Test void arraysAndNestedStructsCombineElementByElement() {
        Codec<Wide> codec = Codecs.of(Wide.class);
        byte[] one = CpuAggregation.of(codec).combine(List.of(bytes(wide(1)), bytes(wide(2))));
        Wide w = codec.read(ByteBuffer.wrap(one).order(ByteOrder.LITTLE_ENDIAN));
        assertEquals("[3, -3, -2]", java.util.Arrays.toString(w.counts), "each int wraps at 32 bits, alone");
        assertEquals(0xfff2, w.highs[0], "an unsigned maximum per element");
        assertEquals(2, w.highs[1]);
        assertEquals(3, w.one.a);
        assertEquals(-2L, w.one.b);
        assertEquals(30, w.two[0].a);
        assertEquals(0L, w.two[0].b);
        assertEquals(0, w.two[1].a);
        assertEquals(-2L, w.two[1].b, "MAX + MAX wraps at 64 bits");
    }

    @Test void maxOnAByteArrayIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> CpuAggregation.of(Codecs.of(BadMax.class)));
        assertEquals(BadMax.class.getName() + ".tag: @Max needs an integer field or an array of them (byte, short, char, int or long); mark the fields of a struct instead", e.getMessage());
    }

    @Test void unknownLayoutsAddEightBytesAtATime() {
        CpuAggregation how = CpuAggregation.unknown(12);
        byte[] a = new byte[12], b = new byte[12];
        a[0] = 1; b[0] = 2; a[8] = 5; b[8] = 6;
        byte[] sum = how.combine(List.of(a, b));
        assertEquals(3, sum[0]);
        assertEquals(11, sum[8]);
    }
}
