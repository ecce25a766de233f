package org.jbpf.it.semantics;

import java.util.HashMap;
import java.util.Map;

/**
 * What a probe's Java means where the JVM and the kernel cannot agree by construction, written as plain Java for
 * the reference copy of a random probe ({@link RandomProbes}): division by zero gives 0 and remainder by zero the
 * dividend (README, translation notes), an array index out of range reads 0 and stores nothing, and a hash map is
 * a {@link java.util.HashMap} with the same lookup, update and increment results.
 */
public final class JavaSemantics {
    private JavaSemantics() {}

    public static int div(int x, int y) { return y == 0 ? 0 : x / y; }
    public static long div(long x, long y) { return y == 0 ? 0 : x / y; }
    public static int rem(int x, int y) { return y == 0 ? x : x % y; }
    public static long rem(long x, long y) { return y == 0 ? x : x % y; }
    public static int floorDiv(int x, int y) { return y == 0 ? 0 : Math.floorDiv(x, y); }
    public static long floorDiv(long x, long y) { return y == 0 ? 0 : Math.floorDiv(x, y); }
    public static long floorDiv(long x, int y) { return y == 0 ? 0 : Math.floorDiv(x, y); }
    public static int floorMod(long x, int y) { return y == 0 ? (int) x : (int) Math.floorMod(x, (long) y); }   // Java 8 has no (long, int) form
    public static int floorMod(int x, int y) { return y == 0 ? x : Math.floorMod(x, y); }
    public static long floorMod(long x, long y) { return y == 0 ? x : Math.floorMod(x, y); }
    public static int divideUnsigned(int x, int y) { return y == 0 ? 0 : Integer.divideUnsigned(x, y); }
    public static long divideUnsigned(long x, long y) { return y == 0 ? 0 : Long.divideUnsigned(x, y); }
    public static int remainderUnsigned(int x, int y) { return y == 0 ? x : Integer.remainderUnsigned(x, y); }
    public static long remainderUnsigned(long x, long y) { return y == 0 ? x : Long.remainderUnsigned(x, y); }

    public static long get(long[] a, int i) { return i >= 0 && i < a.length ? a[i] : 0; }
    public static int get(int[] a, int i) { return i >= 0 && i < a.length ? a[i] : 0; }
    public static short get(short[] a, int i) { return i >= 0 && i < a.length ? a[i] : 0; }
    public static char get(char[] a, int i) { return i >= 0 && i < a.length ? a[i] : 0; }
    public static byte get(byte[] a, int i) { return i >= 0 && i < a.length ? a[i] : 0; }

    public static void set(long[] a, int i, long v) { if (i >= 0 && i < a.length) a[i] = v; }
    public static void set(int[] a, int i, int v) { if (i >= 0 && i < a.length) a[i] = v; }
    public static void set(short[] a, int i, short v) { if (i >= 0 && i < a.length) a[i] = v; }
    public static void set(char[] a, int i, char v) { if (i >= 0 && i < a.length) a[i] = v; }
    public static void set(byte[] a, int i, byte v) { if (i >= 0 && i < a.length) a[i] = v; }

    /**
     * What {@code Helpers.printk(fmt, args)} returns in the kernel: the length of the line it writes, for the formats
     * the random probes draw ({@code %d}, {@code %x}, {@code %X} of longs with a {@code -} or {@code 0} flag and a width,
     * and {@code %%}), which Java's formatter writes the same way.
     */
    public static int printk(String fmt, long... args) {
        Object[] boxed = new Object[args.length];
        for (int k = 0; k < args.length; k++) boxed[k] = args[k];
        return String.format(fmt, boxed).length();
    }

    /** A BPF hash map of Long to Long with room for every key a random probe makes. */
    public static final class MapModel {
        private final Map<Long, Long> entries = new HashMap<>();

        public Long lookup(Long key) { return entries.get(key); }

        public long update(Long key, Long value) {
            entries.put(key, value);
            return 0;
        }

        public long increment(Long key) {
            entries.merge(key, 1L, Long::sum);
            return 0;
        }

        public long add(Long key, long delta) {
            entries.merge(key, delta, Long::sum);
            return 0;
        }

        public long delete(Long key) { return entries.remove(key) != null ? 0 : StateModels.ENOENT; }

        /** The entries, for a comparison with the kernel's map after the runs. */
        public Map<Long, Long> entries() { return entries; }
    }
}
