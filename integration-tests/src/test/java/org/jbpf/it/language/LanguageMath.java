package org.jbpf.it.language;

/** A plain utility class of the project whose static methods probes call. */
final class LanguageMath {
    private LanguageMath() {}

    static long clamp(long v, long lo, long hi) { return v < lo ? lo : v > hi ? hi : v; }

    static int mix(int x, int y) { return x * 31 + (y ^ (y >>> 16)); }
}
