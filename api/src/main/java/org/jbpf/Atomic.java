package org.jbpf;

/**
 * Atomic adds on a field of a {@link Struct} in place, typically a struct value looked up in a map, so that programs
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
}
