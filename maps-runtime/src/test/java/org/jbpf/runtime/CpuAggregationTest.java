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

    @Test void maxOnAByteArrayIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> CpuAggregation.of(Codecs.of(BadMax.class)));
        assertEquals(BadMax.class.getName() + ".tag: @Max needs an integer field (byte, short, char, int or long)", e.getMessage());
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
