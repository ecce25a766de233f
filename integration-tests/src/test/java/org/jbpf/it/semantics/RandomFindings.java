package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Programs the random probes ({@link RandomProbesKernelTest}) found wrong, cut down to what went wrong
 * ({@link RandomFindingsKernelTest}): bit methods whose argument is the value of an expression rather than a local, and a
 * method whose only call sits in a branch the translator decides, the or of two zeros in a loop, and loops counted
 * down from the input.
 * {@link RandomIndexes} holds the indexes they found.
 */
@Bpf(license = "GPL")
public final class RandomFindings {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 2);

    /**
     * Each call takes an expression: its value sits in a register the call may overwrite, and the rotate's two shifts,
     * lowestOneBit's and signum's two halves and floorDiv's dividend each once took that very register twice. A
     * shift count the translator finds constant (93 for an int) once became an immediate the kernel refuses.
     */
    static long bitsOfExpressions(long a, long b) {
        long r = Long.rotateRight(a ^ b, ~(int) (a >>> 32));
        r = r * 31 + Integer.rotateLeft((int) a * 3, (int) b + 1);
        r = r * 31 + Long.lowestOneBit(a + b) + Integer.lowestOneBit((int) a - 7);
        r = r * 31 + Long.signum(a - b) + Integer.signum((int) b * 5);
        r = r * 31 + JavaSemantics.floorDiv(a + 1, b) + JavaSemantics.floorMod((int) a - 3, (int) b);
        r = r * 31 + ((int) a << Math.max(93, -32768)) + (b >> Math.min(-1, (int) a | 64));
        return r;
    }

    /** The same as {@link #bitsOfExpressions}, in the probe's own words. */
    static long bitsOfExpressionsInKernel(long a, long b) {
        long r = Long.rotateRight(a ^ b, ~(int) (a >>> 32));
        r = r * 31 + Integer.rotateLeft((int) a * 3, (int) b + 1);
        r = r * 31 + Long.lowestOneBit(a + b) + Integer.lowestOneBit((int) a - 7);
        r = r * 31 + Long.signum(a - b) + Integer.signum((int) b * 5);
        r = r * 31 + Math.floorDiv(a + 1, b) + Math.floorMod((int) a - 3, (int) b);
        r = r * 31 + ((int) a << Math.max(93, -32768)) + (b >> Math.min(-1, (int) a | 64));
        return r;
    }

    @Section("xdp/bits")
    static int runBits(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, bitsOfExpressionsInKernel(a, b));
        return XdpContext.XDP_PASS;
    }

    /** Called only where {@link #callInADecidedBranch} never goes; a BPF function of its own. */
    @NoInline
    static long neverCalled(long a, long b) {
        long t = a * b;
        for (int i = 0; i < 3; i++) t = t * 31 + (b ^ i);
        return t;
    }

    /**
     * javac keeps the call; the optimizer knows the switch's case D cannot be taken where k == Kind.D was false and
     * drops the call, and the method was linked all the same: the kernel refused the program for code no call reaches
     * ("unreachable insn", random probes seed 3 programs 131 and 264, seed 4 program 138).
     */
    static long callInADecidedBranch(long a, long b) {
        long r = a - b;
        Kind k = a < 0 ? Kind.A : b > 100 ? Kind.D : Kind.B;
        if (k == Kind.D) {
            r++;
        } else {
            switch (k) {
                case D:
                    r += neverCalled(a, b);
                    break;
                default:
                    r--;
            }
        }
        return r * 7 + k.ordinal();
    }

    /** What {@link #callInADecidedBranch} switches on. */
    public enum Kind { A, B, C, D }

    /** {@code (long) (q | q)}: the or of a loop counter with itself, 0 on the loop's first round. */
    static long orWithItself(long p, int q) {
        long t = (long) (q | q);
        if (t <= 428L) t ^= Math.max(p, t);
        return t + 635L;
    }

    /**
     * The value ranges once took the or of two zeros for the empty range: the optimizer then found no way out of the
     * compare after it, dropped the loop's exit and everything after the loop, on both backends (random probes with
     * state, seed 22 program 31, which the kernel refused as an infinite loop).
     */
    static long orOfZerosInALoop(long a, long b) {
        long x = a;
        for (int i = 0; i < 4; i++) x += i * orWithItself(b, i);
        return x;
    }

    @Section("xdp/or")
    static int runOr(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, orOfZerosInALoop(a, b));
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/decided")
    static int runDecided(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(1, callInADecidedBranch(a, b));
        return XdpContext.XDP_PASS;
    }

    /**
     * Loops counted down from a value of the input: LLVM tested a copy of the counter taken before the decrement
     * against a shifted bound ({@code old k > 1}); the kernel learnt the copy's bound only, let the counter go below
     * zero and gave up after a million instructions.
     */
    static long countDown(long a, long b) {
        long r = 1;
        int k = (int) (a & 15);
        while (k-- > 0) r = r * 3 + k;
        int m = (int) (b & 7);
        do r ^= m; while (--m > 0);
        return r;
    }

    @Section("xdp/count")
    static int runCountDown(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, countDown(a, b));
        return XdpContext.XDP_PASS;
    }
}
