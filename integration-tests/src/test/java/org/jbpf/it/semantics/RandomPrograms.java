package org.jbpf.it.semantics;

import java.util.Random;

/**
 * Writes small random Java probes: one computation {@code f(long a, long b)} over long and int locals with nested
 * conditions, bounded loops, conditions javac leaves in but the translator folds to constants, and expressions deep
 * enough to need every register. The same seed gives the same source.
 */
final class RandomPrograms {
    private static final String[] LONG_OPS = {"+", "-", "*", "&", "|", "^", "+", "-"};
    private static final String[] SHIFTS = {"<<", ">>", ">>>"};
    private static final String[] COMPARE = {"<", "<=", ">", ">=", "==", "!="};
    private static final int LOCALS = 6;

    private final Random random;
    private int loops;
    private int folded;

    RandomPrograms(long seed) { random = new Random(seed); }

    /** The source of class {@code gen.<name>}: maps {@code in} (2 inputs) and {@code out}, and an XDP program storing f(a, b). */
    String probe(String name) {
        loops = 0;
        folded = 0;
        StringBuilder s = new StringBuilder();
        s.append("package gen;\n");
        s.append("import org.jbpf.*;\nimport org.jbpf.maps.ArrayMap;\n");
        s.append("@Bpf(license = \"GPL\")\npublic final class ").append(name).append(" {\n");
        s.append("    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);\n");
        s.append("    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);\n");
        s.append("    public static long f(long a, long b) {\n");
        s.append("        long x0 = a, x1 = b, x2 = a - b, x3 = a * 3, x4 = b ^ 5, x5 = a + b;\n");
        for (int k = 0; k < LOCALS; k++) s.append("        x").append(k).append(" = ").append(expr(2)).append(";\n");
        for (int n = 1 + random.nextInt(5), k = 0; k < n; k++) statement(s, 2, "        ");
        s.append("        return ").append(sumOfLocals()).append(";\n    }\n");
        s.append("    @Section(\"xdp\")\n    public static int run(XdpContext ctx) {\n");
        s.append("        Long a = in.lookup(0), b = in.lookup(1);\n");
        s.append("        if (a == null || b == null) return XdpContext.XDP_ABORTED;\n");
        s.append("        out.update(0, f(a, b));\n        return XdpContext.XDP_PASS;\n    }\n}\n");
        return s.toString();
    }

    private String sumOfLocals() {
        StringBuilder s = new StringBuilder("x0");
        for (int k = 1; k < LOCALS; k++) s.append(k % 2 == 0 ? " + " : " ^ ").append('x').append(k);
        return s.toString();
    }

    private void statement(StringBuilder s, int depth, String indent) {
        int kind = depth <= 0 ? 0 : random.nextInt(8);
        switch (kind) {
            case 5 -> {
                s.append(indent).append("if (").append(condition()).append(") {\n");
                statement(s, depth - 1, indent + "    ");
                s.append(indent).append("} else {\n");
                statement(s, depth - 1, indent + "    ");
                s.append(indent).append("}\n");
            }
            case 6 -> {
                String i = "i" + loops++;
                s.append(indent).append("for (int ").append(i).append(" = 0; ").append(i).append(" < ").append(1 + random.nextInt(4))
                        .append("; ").append(i).append("++) {\n");
                statement(s, depth - 1, indent + "    ");
                s.append(indent).append("    x").append(random.nextInt(LOCALS)).append(" += ").append(i).append(";\n");
                s.append(indent).append("}\n");
            }
            case 7 -> {
                // javac keeps the test; the translator folds p * k to a constant, so the branch is dead code
                String p = "p" + folded++;
                long v = random.nextInt(20) - 10;
                s.append(indent).append("long ").append(p).append(" = ").append(v).append(";\n");
                s.append(indent).append("if (").append(p).append(" * ").append(1 + random.nextInt(9)).append(" < 0) {\n");
                statement(s, depth - 1, indent + "    ");
                s.append(indent).append("}\n");
            }
            default -> s.append(indent).append('x').append(random.nextInt(LOCALS)).append(" = ").append(expr(3)).append(";\n");
        }
    }

    private String condition() {
        return expr(1) + " " + COMPARE[random.nextInt(COMPARE.length)] + " " + expr(1);
    }

    private String expr(int depth) {
        if (depth <= 0 || random.nextInt(5) == 0) return leaf();
        return switch (random.nextInt(10)) {
            case 0 -> "(" + expr(depth - 1) + " " + SHIFTS[random.nextInt(SHIFTS.length)] + " (" + expr(depth - 1) + " & 63))";
            case 1 -> "(long) (int) (" + expr(depth - 1) + ")";
            case 2 -> "(" + condition() + " ? " + expr(depth - 1) + " : " + expr(depth - 1) + ")";
            case 3 -> "(" + expr(depth - 1) + " / " + (random.nextInt(9) + 2) + ")";
            case 4 -> "(" + expr(depth - 1) + " % " + (random.nextInt(9) + 2) + ")";
            default -> "(" + expr(depth - 1) + " " + LONG_OPS[random.nextInt(LONG_OPS.length)] + " " + expr(depth - 1) + ")";
        };
    }

    private String leaf() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextBoolean() ? "a" : "b";
            case 1 -> Long.toString(random.nextInt(200) - 100) + "L";
            default -> "x" + random.nextInt(LOCALS);
        };
    }
}
