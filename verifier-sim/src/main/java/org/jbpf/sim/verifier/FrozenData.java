package org.jbpf.sim.verifier;

/**
 * Frozen read-only data as the kernel reads it during verification: a load at a constant offset from a map value
 * programs may only read, once the map is frozen, is the value stored there (little-endian, zero-extended), so the
 * branches it decides are explored and pruned as in the kernel.
 */
final class FrozenData {
    private FrozenData() {}

    /** String literal sections, which nothing writes at load time. */
    static boolean isStrings(String section) { return section.startsWith(".rodata.str"); }

    /** The {@code size}-byte little-endian value at {@code off}, which the access checks proved to lie in {@code bytes}. */
    static long read(byte[] bytes, int off, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) v = v << 8 | (bytes[off + i] & 0xff);
        return v;
    }
}
