package org.jbpf.it.semantics;

import java.util.List;
import java.util.Random;

/**
 * The wider shapes of {@link RandomData}'s second mode, which real probes hold: chains of helper methods with more
 * arguments than BPF's five registers (inlined; the one {@code @NoInline} link takes five), a {@code @Struct} made
 * and returned by a helper, an LRU map of 8 entries under many keys (an entry is read back only right after its
 * update, and after the runs every entry left must hold the last value written to its key), a per-CPU array summed
 * from Java, byte buffers built from conditions and compared with {@code Strings}, dense and sparse {@code switch}
 * tables with fall-through, boxed map values compared with {@code equals}, {@code compareTo} and
 * {@code Objects.equals}, and 32-bit and 64-bit unsigned arithmetic mixed.
 */
final class RandomShapes {
    /** How {@link RandomData} writes a nested statement. */
    interface Body {
        void write(StringBuilder s, int depth, String indent);
    }

    static final int KINDS = 7;
    private final Random random;
    private final RandomExpressions e;
    private final boolean java;

    RandomShapes(Random random, RandomExpressions e, boolean java) {
        this.random = random;
        this.e = e;
        this.java = java;
    }

    /** {@code c0} (seven parameters) calls {@code c1} (five, sometimes {@code @NoInline}), which calls {@code c2} (six); {@code make} returns a struct. */
    void helpers(StringBuilder s, String name) {
        scope(List.of("p0", "p2", "p4", "p6"), List.of("p1", "p3", "p5"));
        s.append("    static long c0(long p0, int p1, long p2, short p3, long p4, byte p5, long p6) {\n");
        s.append("        St t = new St();\n        t.l = ").append(e.longExpr(1)).append(";\n");
        s.append("        return c1(t, ").append(e.longExpr(2)).append(", ").append(e.intExpr(2)).append(", ").append(e.longExpr(1))
                .append(", p1 + p3) ^ t.l + p5;\n    }\n");
        scope(List.of("q0", "q2", "t.l"), List.of("q1", "q3", "t.i"));
        if (random.nextBoolean()) s.append("    @NoInline\n");
        s.append("    static long c1(St t, long q0, int q1, long q2, int q3) {\n");
        s.append("        t.i += ").append(e.intExpr(1)).append(";\n");
        s.append("        return c2(t, ").append(e.longExpr(1)).append(", q1, ").append(e.longExpr(2)).append(", q3, q0 ^ q2) + t.i;\n    }\n");
        scope(List.of("r0", "r2", "r4", "t.l"), List.of("r1", "r3", "t.i"));
        s.append("    static long c2(St t, long r0, int r1, long r2, int r3, long r4) {\n");
        s.append("        t.l ").append(e.pick("+=", "^=", "*=")).append(' ').append(e.longExpr(2)).append(";\n");
        s.append("        return ").append(e.longExpr(2)).append(" - r4 * r3;\n    }\n");
        scope(List.of("p"), List.of("q"));
        s.append("    static St make(long p, int q) {\n        St t = new St();\n        t.l = ").append(e.longExpr(2)).append(";\n");
        s.append("        t.i = ").append(e.intExpr(2)).append(";\n        t.s = (short) q;\n        t.name[q & 7] = (byte) 'm';\n");
        s.append("        t.v[(q >>> 3) & 3] = ").append(e.intExpr(1)).append(";\n        return t;\n    }\n");
    }

    /** Statement {@code kind} (below {@link #KINDS}), folded into long {@code x} or int {@code y}; {@code n} names its locals. */
    void statement(StringBuilder s, int kind, String x, String y, String indent, int n, Body body, int depth) {
        switch (kind) {
            case 0 -> s.append(indent).append(x).append(" += c0(").append(e.longExpr(2)).append(", ").append(e.intExpr(1)).append(", ")
                    .append(e.longExpr(1)).append(", (short) ").append(RandomExpressions.paren(e.intExpr(1))).append(", ").append(e.longExpr(1))
                    .append(", (byte) ").append(RandomExpressions.paren(e.intExpr(1))).append(", ").append(e.longExpr(1)).append(");\n");
            case 1 -> {
                String m = "m" + n;
                s.append(indent).append("St ").append(m).append(" = make(").append(e.longExpr(2)).append(", ").append(e.intExpr(1)).append(");\n");
                s.append(indent).append(x).append(" += ").append(m).append(".l ^ ").append(m).append(".i + ").append(m).append(".s * 3 + ")
                        .append(m).append(".name[").append(random.nextInt(8)).append("] + ").append(m).append(".v[").append(random.nextInt(4)).append("];\n");
            }
            case 2 -> lru(s, x, indent, n);
            case 3 -> buffer(s, x, y, indent, n, body, depth);
            case 4 -> switchTable(s, x, y, indent, body, depth);
            case 5 -> boxed(s, x, y, indent, n);
            default -> unsigned(s, x, y, indent);
        }
    }

    /** An update of the small LRU map and the lookup right after it, which must find the value whatever was evicted. */
    private void lru(StringBuilder s, String x, String indent, int n) {
        String v = "lv" + n, g = "lg" + n, key = "(" + RandomExpressions.paren(e.longExpr(1)) + " & 63)";
        s.append(indent).append("long ").append(v).append(" = ").append(e.longExpr(2)).append(";\n");
        s.append(indent).append("long ").append(v).append("k = ").append(key).append(";\n");
        s.append(indent).append("lr8.update(").append(v).append("k, ").append(v).append(");\n");
        s.append(indent).append("Long ").append(g).append(" = lr8.lookup(").append(v).append("k);\n");
        s.append(indent).append(x).append(" ^= ").append(g).append(" == null ? 1 : ").append(g).append(" - ").append(v).append(";\n");
    }

    /** A buffer filled byte by byte from conditions, then compared with a literal: equal, a prefix, or neither. */
    private void buffer(StringBuilder s, String x, String y, String indent, int n, Body body, int depth) {
        String b = "sb" + n;
        String word = e.pick(RandomData.WORDS);
        s.append(indent).append("byte[] ").append(b).append(" = new byte[8];\n");
        for (int j = 0; j < word.length() + (random.nextBoolean() ? 1 : 0) && j < 8; j++) {
            char c = j < word.length() ? word.charAt(j) : 'x';
            String other = e.pick("a", "b", "s", "h", "j");
            s.append(indent).append(b).append('[').append(j).append("] = ")
                    .append(random.nextInt(3) == 0 ? "(byte) (" + e.condition(1) + " ? '" + c + "' : '" + other + "')" : "(byte) '" + c + "'").append(";\n");
        }
        s.append(indent).append("if (Strings.").append(e.pick("equals", "startsWith")).append('(').append(b).append(", \"").append(e.pick(RandomData.WORDS))
                .append("\")) {\n");
        body.write(s, depth - 1, indent + "    ");
        s.append(indent).append("} else if (Strings.equals(").append(b).append(", \"").append(word).append("\")) {\n");
        s.append(indent).append("    ").append(y).append(" ^= ").append(e.intExpr(1)).append(";\n");
        s.append(indent).append("} else {\n").append(indent).append("    ").append(x).append(" += ").append(b).append("[").append(random.nextInt(8))
                .append("];\n").append(indent).append("}\n");
    }

    /** A switch on an int: dense (a table) or sparse, cases that fall through, sometimes a default. */
    private void switchTable(StringBuilder s, String x, String y, String indent, Body body, int depth) {
        boolean dense = random.nextBoolean();
        int[] sparse = {-7, 3, 100, 5000, 1 << 20, Integer.MIN_VALUE, 77, -1};
        String on = dense ? "(" + e.intExpr(1) + ") & 7" : "(int) " + RandomExpressions.paren(random.nextBoolean() ? e.intExpr(1) : e.longExpr(1) + " % 101");
        s.append(indent).append("switch (").append(on).append(") {\n");
        int cases = 2 + random.nextInt(5);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        String in = indent + "        ";
        for (int k = 0; k < cases; k++) {
            int label = dense ? k : sparse[random.nextInt(sparse.length)];
            if (!seen.add(label)) continue;
            s.append(indent).append("    case ").append(label == Integer.MIN_VALUE ? "Integer.MIN_VALUE" : Integer.toString(label)).append(":\n");
            switch (random.nextInt(4)) {
                case 0 -> s.append(in).append(x).append(" += ").append(e.longExpr(1)).append(";\n");
                case 1 -> s.append(in).append(y).append(" ^= ").append(e.intExpr(1)).append(";\n");
                case 2 -> {
                    s.append(in).append("{\n");
                    body.write(s, depth - 1, in + "    ");
                    s.append(in).append("}\n");
                }
                default -> { } // an empty case falls into the next
            }
            if (random.nextInt(3) > 0) s.append(in).append("break;\n");
        }
        if (random.nextBoolean()) s.append(indent).append("    default:\n").append(in).append(x).append(" -= ").append(e.longExpr(1)).append(";\n");
        s.append(indent).append("}\n");
    }

    /** Two boxed values of the counter map compared as Java compares them, null included. */
    private void boxed(StringBuilder s, String x, String y, String indent, int n) {
        String b = "bx" + n, c = "cx" + n;
        s.append(indent).append("Long ").append(b).append(" = ac.lookup(").append(key()).append("), ").append(c).append(" = ac.lookup(").append(key()).append(");\n");
        s.append(indent).append("if (").append(b).append(" != null && ").append(b).append(".equals(").append(c).append(")) ").append(x).append(" += 1;\n");
        s.append(indent).append("else if (java.util.Objects.equals(").append(b).append(", ").append(c).append(")) ").append(x).append(" += 2;\n");
        s.append(indent).append("if (").append(c).append(" != null && ").append(c).append(".compareTo(").append(e.longExpr(1)).append(") ")
                .append(e.pick("<", ">", "==")).append(" 0) ").append(y).append(" ^= 3;\n");
        if (random.nextBoolean()) s.append(indent).append("ac.update(").append(key()).append(", ").append(b).append(" == null ? ").append(e.longExpr(1)).append(" : ")
                .append(b).append(" + 1);\n");
    }

    private String key() { return "(" + RandomExpressions.paren(e.longExpr(1)) + " & 31)"; }

    /** Unsigned arithmetic of both widths mixed, and a per-CPU counter added to. */
    private void unsigned(StringBuilder s, String x, String y, String indent) {
        String owner = java ? "JavaSemantics." : "";
        String line = switch (random.nextInt(5)) {
            case 0 -> x + " += Integer.toUnsignedLong(" + e.intExpr(2) + ") >>> (" + e.intExpr(1) + " & 31)";
            case 1 -> x + " ^= Long.compareUnsigned(" + e.longExpr(1) + ", Integer.toUnsignedLong(" + e.intExpr(1) + ")) < 0 ? "
                    + (java ? owner : "Long.") + "divideUnsigned(" + e.longExpr(1) + ", " + e.longExpr(1) + ") : "
                    + (java ? owner : "Long.") + "remainderUnsigned(" + e.longExpr(1) + ", Integer.toUnsignedLong(" + e.intExpr(1) + "))";
            case 2 -> y + " = " + (java ? owner : "Integer.") + "divideUnsigned(" + e.intExpr(1) + ", " + e.intExpr(1) + ") + "
                    + (java ? owner : "Integer.") + "remainderUnsigned(" + y + " >>> 3, " + e.intExpr(1) + ")";
            case 3 -> x + " += (long) (" + e.intExpr(1) + " >>> " + e.intExpr(1) + ") * Integer.toUnsignedLong(" + y + " >>> 1) + Long.compareUnsigned(" + x
                    + ", " + e.longExpr(1) + ")";
            default -> "pca." + (random.nextBoolean() ? "increment((int) (" + e.longExpr(1) + " & 3))" : "add((int) (" + e.longExpr(1) + " & 3), " + e.longExpr(1) + ")");
        };
        s.append(indent).append(line).append(";\n");
    }

    private void scope(List<String> longs, List<String> ints) {
        e.inputs = longs;
        e.longs = new java.util.ArrayList<>(longs);
        e.ints = new java.util.ArrayList<>(ints);
        e.booleans = List.of();
        e.arrays = List.of();
    }
}
