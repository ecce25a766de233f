package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Byte arrays indexed by variables: loops over local arrays and over a @Struct's byte[] field in a map value, an
 * enhanced for, and indexes out of range, which read 0 and write nothing in the kernel ({@link ByteArraysKernelTest}).
 */
@Bpf(license = "GPL")
public final class ByteArrays {
    @Struct
    public static final class Record {
        public long total;
        @Size(16)
        public byte[] data;
    }

    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 4);
    public static final ArrayMap<Record> records = new ArrayMap<>(Record.class, 1);

    /** Fills a local array in a loop and sums it with an enhanced for: the same in the JVM and the kernel. */
    static long loops(long a, long b) {
        byte[] buf = new byte[16];
        for (int i = 0; i < buf.length; i++) buf[i] = (byte) (a >> (i * 4));
        int n = (int) (b & 15);
        for (int i = 0; i < n; i++) buf[i] ^= (byte) b;
        long sum = 0;
        for (byte v : buf) sum = sum * 3 + v;
        return sum;
    }

    /** Element b of an 8-byte array holding 1..8, after storing 100 at index a: indexes out of range read 0, write nothing. */
    static long outOfRange(long a, long b) {
        byte[] buf = new byte[8];
        for (int i = 0; i < buf.length; i++) buf[i] = (byte) (i + 1);
        buf[(int) a] = 100;
        return buf[(int) b] * 1000L + buf[0] + buf[7];
    }

    /** What {@link #outOfRange} gives in the kernel, where nothing can be thrown. */
    static long outOfRangeInKernel(long a, long b) {
        long[] buf = {1, 2, 3, 4, 5, 6, 7, 8};
        if ((int) a >= 0 && (int) a < 8) buf[(int) a] = 100;
        long at = (int) b >= 0 && (int) b < 8 ? buf[(int) b] : 0;
        return at * 1000L + buf[0] + buf[7];
    }

    static int store(int slot, long value) {
        out.update(slot, value);
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/loops")
    static int runLoops(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        return store(0, loops(a, b));
    }

    @Section("xdp/range")
    static int runOutOfRange(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        return store(1, outOfRange(a, b));
    }

    /** Sums the record's bytes in a loop and writes each byte's index into the next, in the map value itself. */
    @Section("xdp/record")
    static int runRecord(XdpContext ctx) {
        Record r = records.lookup(0);
        if (r == null) return XdpContext.XDP_ABORTED;
        long sum = 0;
        for (int i = 0; i < r.data.length; i++) sum += r.data[i];
        r.total = sum;
        for (int i = 1; i < r.data.length; i++) r.data[i] = (byte) (r.data[i - 1] + i);
        return XdpContext.XDP_PASS;
    }
}
