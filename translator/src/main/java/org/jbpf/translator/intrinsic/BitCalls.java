package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import java.util.Set;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.lower.BodyLowering;
import org.jbpf.translator.lower.BranchLowering;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;
import org.jbpf.translator.mir.Mir;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The bit and integer methods of java.lang that BPF has no single instruction for, part of the java.lang family
 * ({@link JavaLangCalls} routes them here): Integer/Long bitCount, numberOfLeadingZeros, numberOfTrailingZeros,
 * highestOneBit, lowestOneBit, rotateLeft/Right, reverse, reverseBytes (also Short's and Character's, a BPF byte swap), signum and compare;
 * Math.floorDiv and floorMod; and {@code Helpers.log2}, the bucket of a histogram. Each becomes straight-line code
 * (bit counts by the SWAR sum, leading zeros by smearing the highest bit down, trailing zeros and log2 by halving), so the
 * verifier sees no loop;
 * calls on constants are computed here.
 */
final class BitCalls {
    private BitCalls() {}

    private static final Set<String> INT_OR_LONG = Set.of("bitCount", "numberOfLeadingZeros", "numberOfTrailingZeros",
            "highestOneBit", "lowestOneBit", "rotateLeft", "rotateRight", "reverse", "reverseBytes", "signum", "compare");

    static boolean handles(MethodInsnNode mi) {
        String o = mi.owner, n = mi.name;
        if (o.equals("java/lang/Integer") || o.equals("java/lang/Long")) return INT_OR_LONG.contains(n);
        if (o.equals("java/lang/Short") || o.equals("java/lang/Character")) return n.equals("reverseBytes");
        if (o.equals("java/lang/Math")) return n.equals("floorDiv") || n.equals("floorMod") || n.equals("ceilDiv") || n.equals("ceilMod");
        return o.equals(Intrinsics.HELPERS) && n.equals("log2");
    }

    static Value type(TypingCall c) {
        MethodInsnNode mi = c.insn();
        Type[] params = Type.getArgumentTypes(mi.desc);
        for (Type p : params)
            if (p.getSort() != Type.INT && p.getSort() != Type.LONG && p.getSort() != Type.SHORT && p.getSort() != Type.CHAR)
                throw c.error(simpleOwner(mi) + "." + mi.name + " is only supported for int and long");
        Long[] k = new Long[params.length];
        for (int i = 0; i < k.length; i++) {
            if (!(c.args().get(i) instanceof Value.Scalar s)) throw c.error(mi.name + " needs numbers");
            k[i] = s.constant();
        }
        boolean byZero = (mi.name.startsWith("floor") || mi.name.startsWith("ceil")) && k[1] != null && k[1] == 0;
        c.method().constantFault(c.index(), byZero ? org.jbpf.translator.analysis.JavaText.DIVISION_BY_ZERO : null);
        boolean allConstant = !byZero;
        for (Long v : k) allConstant &= v != null;
        Long folded = allConstant ? fold(mi, k) : null;
        return new Value.Scalar(Type.getReturnType(mi.desc).getSort() == Type.LONG, folded);
    }

    /** What the JVM computes for a call on constants. */
    private static long fold(MethodInsnNode mi, Long[] k) {
        boolean wide = mi.owner.equals("java/lang/Long") || Type.getArgumentTypes(mi.desc)[0].getSort() == Type.LONG;
        long x = k[0];
        int xi = (int) x;
        long y = k.length > 1 ? k[1] : 0;
        if (mi.owner.equals("java/lang/Short")) return Short.reverseBytes((short) x);
        if (mi.owner.equals("java/lang/Character")) return Character.reverseBytes((char) x);
        return switch (mi.name) {
            case "bitCount" -> wide ? Long.bitCount(x) : Integer.bitCount(xi);
            case "numberOfLeadingZeros" -> wide ? Long.numberOfLeadingZeros(x) : Integer.numberOfLeadingZeros(xi);
            case "numberOfTrailingZeros" -> wide ? Long.numberOfTrailingZeros(x) : Integer.numberOfTrailingZeros(xi);
            case "highestOneBit" -> wide ? Long.highestOneBit(x) : Integer.highestOneBit(xi);
            case "lowestOneBit" -> wide ? Long.lowestOneBit(x) : Integer.lowestOneBit(xi);
            case "rotateLeft" -> wide ? Long.rotateLeft(x, (int) y) : Integer.rotateLeft(xi, (int) y);
            case "rotateRight" -> wide ? Long.rotateRight(x, (int) y) : Integer.rotateRight(xi, (int) y);
            case "reverse" -> wide ? Long.reverse(x) : Integer.reverse(xi);
            case "reverseBytes" -> wide ? Long.reverseBytes(x) : Integer.reverseBytes(xi);
            case "signum" -> wide ? Long.signum(x) : Integer.signum(xi);
            case "compare" -> wide ? Long.compare(x, y) : Integer.compare(xi, (int) y);
            case "floorDiv" -> wide ? Math.floorDiv(x, y) : Math.floorDiv(xi, (int) y);
            case "floorMod" -> wide ? Math.floorMod(x, y) : Math.floorMod(xi, (int) y);
            case "ceilDiv" -> wide ? ceilDiv(x, y) : (int) ceilDiv(xi, (int) y);
            case "ceilMod" -> wide ? x - ceilDiv(x, y) * y : (int) (xi - (int) ceilDiv(xi, (int) y) * (int) y);
            case "log2" -> org.jbpf.Helpers.log2(x);
            default -> throw new IllegalStateException(mi.name);
        };
    }

    static void lower(LoweringCall c) {
        MethodInsnNode mi = c.insn();
        if (c.result() instanceof Value.Scalar s && s.constant() != null) { c.body().push(new Operand.Imm(s.constant())); return; }
        BodyLowering body = c.body();
        Emitter out = c.out();
        List<Operand> args = c.args();
        Type[] params = Type.getArgumentTypes(mi.desc);
        boolean wide = params[0].getSort() == Type.LONG;
        int cls = wide ? ALU64 : ALU, bits = wide ? 64 : 32;
        Operand x = args.get(0);
        String n = mi.name;
        if (mi.owner.equals("java/lang/Short")) {
            int t = body.ownedCopy(x, false);
            out.emit(ALU | END | TO_BE, t, 0, 0, 16);
            out.emit(ALU | MOV | X, t, t, 16, 0); // the swapped short, sign-extended like any short
            c.pushResult(t);
            return;
        }
        if (mi.owner.equals("java/lang/Character")) {
            int t = body.ownedCopy(x, false);
            out.emit(ALU | END | TO_BE, t, 0, 0, 16);   // the swapped char: the byte swap clears the bits above 16
            c.pushResult(t);
            return;
        }
        switch (n) {
            case "compare" -> { compare(c, wide); return; }
            case "floorDiv", "floorMod" -> { rounded(c, n.equals("floorDiv"), params[1].getSort() == Type.LONG, false); return; }
            case "ceilDiv", "ceilMod" -> { rounded(c, n.equals("ceilDiv"), params[1].getSort() == Type.LONG, true); return; }
            case "rotateLeft", "rotateRight" -> { rotate(c, n.equals("rotateLeft"), wide); return; }
            default -> { }
        }
        int t = body.ownedCopy(x, wide);
        switch (n) {
            case "bitCount" -> popcount(out, t, wide);
            case "numberOfLeadingZeros" -> {
                smear(out, t, wide);
                popcount(out, t, wide);
                out.emit(cls | NEG, t, 0, 0, 0);
                out.emit(cls | ADD | K, t, 0, 0, bits);
            }
            case "numberOfTrailingZeros" -> trailingZeros(out, t, wide);
            case "highestOneBit" -> {
                smear(out, t, wide);
                int u = copy(out, t);
                out.emit(cls | RSH | K, u, 0, 0, 1);
                out.emit(cls | SUB | X, t, u, 0, 0);
            }
            case "lowestOneBit" -> {
                int u = copy(out, t);   // not a second ownedCopy: an owned x would give t itself
                out.emit(cls | NEG, u, 0, 0, 0);
                out.emit(cls | AND | X, t, u, 0, 0);
            }
            case "reverseBytes" -> out.emit(ALU | END | TO_BE, t, 0, 0, bits);
            case "reverse" -> {
                reverseWithinBytes(out, t, wide);
                out.emit(ALU | END | TO_BE, t, 0, 0, bits);
            }
            case "signum" -> {
                int u = copy(out, t);
                out.emit(cls | ARSH | K, t, 0, 0, bits - 1);
                out.emit(cls | NEG, u, 0, 0, 0);
                out.emit(cls | RSH | K, u, 0, 0, bits - 1);
                out.emit(cls | OR | X, t, u, 0, 0);
            }
            case "log2" -> { c.pushResult(log2(out, t)); return; }
            default -> throw c.error("cannot call " + simpleOwner(mi) + "." + n);
        }
        c.pushResult(t);
    }

    /**
     * The index of the highest one bit of t, unsigned, by halving: when t has bits above the lower half, count that
     * half and shift it out. Five compares and about twenty slots, half the smear-and-count form; the result is
     * built only from constants added on branches, so the value-range pass sees it within 0..63. Clobbers t.
     */
    private static int log2(Emitter out, int t) {
        int n = out.newVreg();
        out.emit(ALU | MOV | K, n, 0, 0, 0);
        for (int s = 32; s >= 1; s /= 2) {
            Mir.Label skip = out.newLabel();
            long below = (1L << s) - 1;
            if (s == 32) {
                int m = out.newVreg();   // 2^32 - 1 is no sign-extended immediate
                out.loadImm(m, below, true);
                out.jumpIf(JMP | JLE | X, t, m, 0, skip);
            } else {
                out.jumpIf(JMP | JLE | K, t, 0, below, skip);
            }
            if (s > 1) out.emit(ALU64 | RSH | K, t, 0, 0, s);
            out.emit(ALU | ADD | K, n, 0, 0, s);
            out.placeLabel(skip);
        }
        return n;
    }

    private static int copy(Emitter out, int reg) {
        int t = out.newVreg();
        out.mov64(t, reg);
        return t;
    }

    /**
     * t = the number of zeros below the lowest one bit of t, by halving: when the low half is zero, count it and shift
     * it out. (A bit count of ~x & (x - 1) is shorter, but LLVM turns it into a table in read-only data.) The halving
     * tests the lowest one bit alone, t & -t, which has as many zeros below it: a value of its own, where the copy of
     * t would be one the kernel links to the local it was copied from, so that every test would also narrow that
     * local's range (its spill slot's too) and a loop counting the same local's zeros again would find the tests
     * decided, mark the local precise and keep each path's state apart.
     */
    private static void trailingZeros(Emitter out, int t, boolean wide) {
        int bits = wide ? 64 : 32, jmp = wide ? JMP : JMP32, n = out.newVreg();
        Mir.Label done = out.newLabel();
        int negated = copy(out, t);
        out.emit((wide ? ALU64 : ALU) | NEG, negated, 0, 0, 0);
        out.emit((wide ? ALU64 : ALU) | AND | X, t, negated, 0, 0);
        out.emit(ALU | MOV | K, n, 0, 0, bits);
        out.jumpIf(jmp | JEQ | K, t, 0, 0, done);
        out.emit(ALU | MOV | K, n, 0, 0, 0);
        for (int s = bits / 2; s >= 1; s /= 2) {
            Mir.Label skip = out.newLabel();
            // a 32-bit compare tests the low half of a 64-bit value; JSET tests the smaller masks
            if (s == 32) out.jumpIf(JMP32 | JNE | K, t, 0, 0, skip);
            else out.jumpIf(JMP | JSET | K, t, 0, (1L << s) - 1, skip);
            out.emit(ALU | ADD | K, n, 0, 0, s);
            if (s > 1) out.emit((wide ? ALU64 : ALU) | RSH | K, t, 0, 0, s);
            out.placeLabel(skip);
        }
        out.placeLabel(done);
        out.mov64(t, n);
    }

    /** Reverses the bits of each byte of t: swaps neighbouring bits, then pairs, then nibbles, each under a mask. */
    private static void reverseWithinBytes(Emitter out, int t, boolean wide) {
        int cls = wide ? ALU64 : ALU;
        long[] masks = {0x5555555555555555L, 0x3333333333333333L, 0x0f0f0f0f0f0f0f0fL};
        for (int k = 0, s = 1; k < masks.length; k++, s <<= 1) {
            int m = out.newVreg();
            out.loadImm(m, masks[k], wide);   // a 64-bit mask is no sign-extended immediate
            int high = copy(out, t);
            out.emit(cls | RSH | K, high, 0, 0, s);
            out.emit(cls | AND | X, high, m, 0, 0);
            out.emit(cls | AND | X, t, m, 0, 0);
            out.emit(cls | LSH | K, t, 0, 0, s);
            out.emit(cls | OR | X, t, high, 0, 0);
        }
    }

    /** Sets every bit below the highest one bit of t. */
    private static void smear(Emitter out, int t, boolean wide) {
        int cls = wide ? ALU64 : ALU;
        for (int s = 1; s < (wide ? 64 : 32); s <<= 1) {
            int u = copy(out, t);
            out.emit(cls | RSH | K, u, 0, 0, s);
            out.emit(cls | OR | X, t, u, 0, 0);
        }
    }

    /** t = the number of one bits of t: sums of 2, 4 and 8 bits side by side, then all bytes added by one multiply. */
    private static void popcount(Emitter out, int t, boolean wide) {
        int cls = wide ? ALU64 : ALU;
        int u = copy(out, t);
        out.emit(cls | RSH | K, u, 0, 0, 1);
        and(out, u, 0x5555555555555555L, wide);
        out.emit(cls | SUB | X, t, u, 0, 0);
        u = copy(out, t);
        // one register holds the 64-bit mask for both ands (a constant that large takes two instruction slots)
        int m33 = and(out, u, 0x3333333333333333L, wide);
        out.emit(cls | RSH | K, t, 0, 0, 2);
        if (wide) out.emit(ALU64 | AND | X, t, m33, 0, 0);
        else and(out, t, 0x3333333333333333L, false);
        out.emit(cls | ADD | X, t, u, 0, 0);
        u = copy(out, t);
        out.emit(cls | RSH | K, u, 0, 0, 4);
        out.emit(cls | ADD | X, t, u, 0, 0);
        and(out, t, 0x0f0f0f0f0f0f0f0fL, wide);
        if (wide) {
            int m = out.newVreg();
            out.loadImm(m, 0x0101010101010101L, true);
            out.emit(ALU64 | MUL | X, t, m, 0, 0);
        } else {
            out.emit(ALU | MUL | K, t, 0, 0, 0x01010101);
        }
        out.emit(cls | RSH | K, t, 0, 0, wide ? 56 : 24);
    }

    /** t &= mask; a 64-bit mask that is no sign-extended 32-bit immediate goes through a register. */
    /** t &= mask; returns the register the 64-bit mask was loaded into, or -1 for a 32-bit and. */
    private static int and(Emitter out, int t, long mask, boolean wide) {
        if (!wide) { out.emit(ALU | AND | K, t, 0, 0, (int) mask); return -1; }
        int m = out.newVreg();
        out.loadImm(m, mask, true);
        out.emit(ALU64 | AND | X, t, m, 0, 0);
        return m;
    }

    private static void rotate(LoweringCall c, boolean left, boolean wide) {
        BodyLowering body = c.body();
        Emitter out = c.out();
        int cls = wide ? ALU64 : ALU, bits = wide ? 64 : 32;
        Operand x = c.args().get(0), d = c.args().get(1);
        int first = left ? LSH : RSH, second = left ? RSH : LSH;
        // one owned copy each, then copies of it: a second ownedCopy of an owned operand is the same register
        int t = body.ownedCopy(x, wide), u = copy(out, t);
        if (d instanceof Operand.Imm k) {
            int s = (int) (k.value() & (bits - 1));
            if (s == 0) { c.pushResult(t); return; }
            out.emit(cls | first | K, t, 0, 0, s);
            out.emit(cls | second | K, u, 0, 0, bits - s);
        } else {
            // Java takes the distance modulo the width, and x >>> -d is x >>> (width - d) modulo the width
            int s = body.ownedCopy(d, false), r = copy(out, s);
            out.emit(ALU64 | AND | K, s, 0, 0, bits - 1);
            out.emit(ALU | NEG, r, 0, 0, 0);
            out.emit(ALU64 | AND | K, r, 0, 0, bits - 1);
            out.emit(cls | first | X, t, s, 0, 0);
            out.emit(cls | second | X, u, r, 0, 0);
        }
        out.emit(cls | OR | X, t, u, 0, 0);
        c.pushResult(t);
    }

    private static void compare(LoweringCall c, boolean wide) {
        BodyLowering body = c.body();
        BranchLowering branches = body.branches();
        if (branches.nextIsIfZero(c.index())) {
            body.push(c.args().get(0));
            body.push(c.args().get(1));
            branches.fuseWithNextBranch(true, wide);
            return;
        }
        body.push(branches.compare3(c.args().get(0), c.args().get(1), true, wide));
    }

    /**
     * Java 18's Math.ceilDiv of constants (the translator runs on 17): the quotient rounded toward positive infinity,
     * one more than the truncated one when the signs agree and the division is not exact. The int overloads pass ints.
     */
    private static long ceilDiv(long x, long y) {
        long q = x / y;
        return (x ^ y) >= 0 && q * y != x ? q + 1 : q;
    }

    /**
     * floorDiv: the quotient rounded toward negative infinity, i.e. one less than BPF's signed division when the signs
     * differ and the division is not exact; floorMod: the remainder plus the divisor in that case. ceilDiv and ceilMod
     * ({@code ceil}) round toward positive infinity instead: one more, and the remainder less the divisor, when the signs
     * agree. A divisor of zero gives what BPF's division gives (quotient 0, remainder x), since nothing can be thrown.
     */
    private static void rounded(LoweringCall c, boolean div, boolean wideDivisor, boolean ceil) {
        BodyLowering body = c.body();
        Emitter out = c.out();
        boolean wide = Type.getArgumentTypes(c.insn().desc)[0].getSort() == Type.LONG;
        int cls = wide ? ALU64 : ALU;
        int x = body.toReg(c.args().get(0), wide);
        int y = body.ownedCopy(c.args().get(1), wideDivisor);
        if (wide && !wideDivisor) out.emit(ALU64 | MOV | X, y, y, 32, 0); // floorMod(long, int): the int divisor, sign-extended
        int q = copy(out, x);   // x stays the dividend: q and signs are copies of their own
        out.emit(cls | (div ? DIV : MOD) | X, q, y, 1, 0);
        Mir.Label done = out.newLabel();
        int signs = copy(out, x);
        out.emit(cls | XOR | X, signs, y, 0, 0);
        BranchLowering branches = body.branches();
        branches.emitCompare(ceil ? JSLT : JSGE, signs, new Operand.Imm(0), wide, done);
        if (div) {
            out.jumpIf((wide ? JMP : JMP32) | JEQ | K, y, 0, 0, done);   // by zero the quotient stays 0, as for /
            int back = copy(out, q);
            out.emit(cls | MUL | X, back, y, 0, 0);
            out.jumpIf((wide ? JMP : JMP32) | JEQ | X, back, x, 0, done);
            out.emit(cls | ADD | K, q, 0, 0, ceil ? 1 : -1);
        } else {
            branches.emitCompare(JEQ, q, new Operand.Imm(0), wide, done);
            out.emit(cls | (ceil ? SUB : ADD) | X, q, y, 0, 0);
        }
        out.placeLabel(done);
        c.pushResult(q);
    }

    private static String simpleOwner(MethodInsnNode mi) { return mi.owner.substring(mi.owner.lastIndexOf('/') + 1); }
}
