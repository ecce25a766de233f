package org.jbpf;

/**
 * Atomic adds on a field of a {@link Struct}, or an element of its {@code @Size(n) long[]} or {@code int[]} field, in place, typically a struct value looked up in a map, so that programs
 * running on several CPUs at once lose no count. Java passes fields by value, so the field is named by a string
 * constant; the translator checks at translation time that the struct has a long or int field of that name.
 * <pre>{@code
 * Stats s = stats.lookup(key);
 * if (s != null) Atomic.add(s, "bytes", len);
 * }</pre>
 * A plain {@code s.count++} on a looked-up struct also changes the map entry in place (no update call), but two CPUs
 * incrementing at once may lose one of their adds.
 */
public final class Atomic {
    private Atomic() {}

    /** Adds {@code delta} to the long or int field {@code field} of {@code struct} atomically (BPF_ATOMIC add). */
    public static void add(Object struct, String field, long delta) { throw InKernelOnly.call("Atomic.add"); }

    /** Adds one to the long or int field {@code field} of {@code struct} atomically. */
    public static void increment(Object struct, String field) { throw InKernelOnly.call("Atomic.increment"); }

    /**
     * Adds {@code delta} to element {@code index} of a long[] field of a struct (a histogram bucket in a map value)
     * atomically. An index out of range adds nothing.
     */
    public static void add(long[] array, int index, long delta) { throw InKernelOnly.call("Atomic.add"); }

    /** Adds {@code delta} to element {@code index} of an int[] atomically; an index out of range adds nothing. */
    public static void add(int[] array, int index, long delta) { throw InKernelOnly.call("Atomic.add"); }

    /** Adds one to element {@code index} of a long[] atomically; an index out of range adds nothing. */
    public static void increment(long[] array, int index) { throw InKernelOnly.call("Atomic.increment"); }

    /** Adds one to element {@code index} of an int[] atomically; an index out of range adds nothing. */
    public static void increment(int[] array, int index) { throw InKernelOnly.call("Atomic.increment"); }
}
