package org.jbpf.it.newuser;

/** Plain Java helpers a user's project has anyway, called from a probe. */
final class Arith {
    private Arith() {}

    static long mean(long a, long b) { return (a >> 1) + (b >> 1) + (a & b & 1); }

    static long gcd(long a, long b) {
        for (int i = 0; i < 32 && b != 0; i++) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    static int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }
}
