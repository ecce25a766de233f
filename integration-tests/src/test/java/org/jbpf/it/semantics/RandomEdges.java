package org.jbpf.it.semantics;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a random probe ({@link RandomProbes}) that goes to the edges of Java's arithmetic and control flow:
 * byte, short and char locals with compound assignments that narrow ({@code b0 += 300}, {@code c0 -= ..} through
 * zero), increments inside expressions, {@code >>>} of promoted narrow values, chains of casts in every direction,
 * division and remainder of narrow values, conditions with side effects under {@code &&} and {@code ||}, ternaries
 * inside conditions, ternaries whose branches have different types, do/while loops, loops counted down from the
 * input, labelled {@code break} and {@code continue} out of nested loops, switches over byte, short and char values at
 * their extremes, and int helper methods that call each other.
 */
final class RandomEdges {
    private static final String[] NARROW = {"b0", "s0", "c0"};
    private static final String[] NARROW_TYPES = {"byte", "short", "char"};
    private static final String[] COMPOUND = {"+=", "-=", "*=", "&=", "|=", "^=", "<<=", ">>=", ">>>="};

    private final RandomProbes g;

    RandomEdges(RandomProbes g) { this.g = g; }

    /** Int helpers {@code t0(int)} and {@code t1(int, int, long)}, the second calling the first. */
    void declarations(StringBuilder s) {
        RandomExpressions outer = g.e;
        RandomExpressions e = new RandomExpressions(g.random, g.java);
        g.e = e;
        e.edges = true;
        e.inputs = List.of("(long) v");
        e.longs = List.of("(long) v");
        e.ints = List.of("v");
        s.append("    static int t0(int v) {\n        return ").append(e.intExpr(2)).append(";\n    }\n");
        e.inputs = List.of("r");
        e.longs = List.of("r", "(long) v");
        e.ints = List.of("v", "w", "t0(w)");
        if (g.random.nextInt(3) == 0) s.append("    @NoInline\n");
        s.append("    static int t1(int v, int w, long r) {\n        int u = ").append(e.intExpr(2)).append(";\n");
        s.append("        if (").append(e.condition(1)).append(") u ^= t0(").append(e.intExpr(1)).append(");\n");
        s.append("        return u + ").append(e.intExpr(1)).append(";\n    }\n");
        g.e = outer;
    }

    /** byte, short and char locals, visible to every expression after them. */
    void locals(StringBuilder s) {
        s.append("        byte b0 = (byte) a;\n        short s0 = (short) (b >>> 17);\n        char c0 = (char) (a ^ b);\n");
        g.e.ints.addAll(List.of("b0", "s0", "c0", "t0(y0)", "t1(y1, y2, x0)"));
        g.e.edges = true;
    }

    /** The narrow locals, folded into {@code r}. */
    void result(StringBuilder s) {
        s.append("        r = r * 31 + b0 * 3 + s0 * 5 + c0 * 7;\n");
    }

    void statement(StringBuilder s, int depth, String indent) {
        RandomExpressions e = g.e;
        String x = g.pick("x0", "x1", "x2", "x3"), y = g.pick("y0", "y1", "y2");
        int n = g.random.nextInt(NARROW.length);
        String v = NARROW[n], type = NARROW_TYPES[n];
        switch (g.random.nextInt(13)) {
            case 0 -> s.append(indent).append(v).append(' ').append(g.pick(COMPOUND)).append(' ')
                    .append(g.random.nextBoolean() ? e.intExpr(2) : e.longExpr(2)).append(";\n");
            case 1 -> {
                String op = g.pick("/", "%"), divisor = e.intExpr(2);
                if (!g.java) s.append(indent).append(v).append(' ').append(op).append("= ").append(divisor).append(";\n");
                else s.append(indent).append(v).append(" = (").append(type).append(") JavaSemantics.").append(op.equals("/") ? "div" : "rem")
                        .append("((int) ").append(v).append(", ").append(divisor).append(");\n");
            }
            case 2 -> s.append(indent).append(x).append(" += ").append(g.pick("c0++", "--c0", "b0--", "++b0", "s0++", "--s0")).append(" * ")
                    .append(RandomExpressions.paren(e.intExpr(1))).append(" + ").append(g.pick("c0--", "++s0", "b0++")).append(";\n");
            case 3 -> s.append(indent).append(y).append(" = (").append(v).append(" >>> ").append(e.intExpr(1)).append(") ^ (")
                    .append(g.pick(NARROW)).append(" >> ").append(e.intExpr(1)).append(") + (int) ((long) ").append(g.pick(NARROW))
                    .append(" >>> ").append(e.intExpr(1)).append(");\n");
            case 4 -> s.append(indent).append(castChain(v, type)).append(";\n");
            case 5 -> {
                s.append(indent).append("if (").append(sideEffectCondition()).append(") {\n");
                g.statement(s, depth - 1, indent + "    ");
                s.append(indent).append("} else {\n").append(indent).append("    ").append(x).append(" ^= ").append(e.longExpr(1)).append(";\n");
                s.append(indent).append("}\n");
            }
            case 6 -> doWhile(s, depth, indent);
            case 7 -> labelledLoops(s, depth, indent);
            case 8 -> narrowSwitch(s, indent, x);
            case 9 -> {
                String call = g.random.nextBoolean() ? "t0(" + e.intExpr(1) + ")"
                        : "t1(" + e.intExpr(1) + ", " + e.intExpr(1) + ", " + e.longExpr(1) + ")";
                s.append(indent).append(y).append(" += ").append(call).append(";\n");
            }
            case 10 -> s.append(indent).append("q0 = ").append(sideEffectCondition()).append(";\n");
            case 11 -> countDown(s, depth, indent);
            default -> s.append(indent).append(mixedTernary(x, y)).append(";\n");
        }
    }

    /** A ternary whose branches have different types: Java's binary numeric promotion gives its type. */
    private String mixedTernary(String x, String y) {
        RandomExpressions e = g.e;
        String c = e.condition(1);
        return switch (g.random.nextInt(5)) {
            case 0 -> x + " += q0 ? " + y + " : " + e.longExpr(1);
            case 1 -> y + " += (" + c + " ? b0 : s0)";
            case 2 -> "c0 = " + c + " ? 'z' : c0";
            case 3 -> x + " ^= " + c + " ? c0 : b0";
            default -> "s0 = (short) (" + c + " ? c0 : -1)";
        };
    }

    private String castChain(String v, String type) {
        RandomExpressions e = g.e;
        String chain = "(" + g.pick(NARROW_TYPES) + ") (" + g.pick("int", "long", "char", "byte", "short") + ") ";
        return switch (g.random.nextInt(3)) {
            case 0 -> v + " = (" + type + ") " + chain + RandomExpressions.paren(e.longExpr(2));
            case 1 -> g.pick("x0", "x1", "x2", "x3") + " = (long) " + chain + RandomExpressions.paren(e.longExpr(2));
            default -> g.pick("y0", "y1", "y2") + " = (int) " + chain + RandomExpressions.paren(e.intExpr(2));
        };
    }

    /** A condition whose operands assign: what runs depends on Java's short-circuit order. */
    private String sideEffectCondition() {
        RandomExpressions e = g.e;
        String first = switch (g.random.nextInt(3)) {
            case 0 -> "(" + g.pick("y0", "y1", "y2") + " += " + e.intExpr(1) + ") > " + e.intExpr(1);
            case 1 -> "(" + g.pick("x0", "x1", "x2", "x3") + " ^= " + e.longExpr(1) + ") != 0";
            default -> g.pick("c0++", "b0--", "++s0") + " < " + e.intExpr(1);
        };
        String second = switch (g.random.nextInt(3)) {
            case 0 -> "(" + g.pick("x0", "x1", "x2", "x3") + " += " + e.longExpr(1) + ") " + g.pick("<", ">=") + " " + e.longExpr(1);
            case 1 -> "(q0 ? " + e.intExpr(1) + " : " + g.pick("y0", "y1") + ") " + g.pick("<", "==", ">") + " (" + e.condition(1) + " ? 3 : -3)";
            default -> "--" + g.pick("b0", "c0", "s0") + " != " + e.intExpr(1);
        };
        String third = e.condition(1);
        return switch (g.random.nextInt(4)) {
            case 0 -> first + " && " + second;
            case 1 -> first + " || " + second;
            case 2 -> "(" + first + " || " + second + ") && " + third;
            default -> first + " && (" + second + " || " + third + ")";
        };
    }

    /** A loop counted down from a value of the input: {@code while (k-- > 0)}. */
    private void countDown(StringBuilder s, int depth, String indent) {
        String k = "cd" + g.names++;
        s.append(indent).append("int ").append(k).append(" = ").append(g.e.intExpr(1)).append(" & ").append(g.pick("3", "7")).append(";\n");
        s.append(indent).append("while (").append(k).append("-- > 0) {\n");
        g.e.ints.add(k);
        g.statement(s, depth - 1, indent + "    ");
        g.e.ints.remove(k);
        s.append(indent).append("}\n");
    }

    private void doWhile(StringBuilder s, int depth, String indent) {
        String d = "d" + g.names++;
        s.append(indent).append("int ").append(d).append(" = 0;\n").append(indent).append("do {\n");
        g.statement(s, depth - 1, indent + "    ");
        s.append(indent).append("    ").append(d).append("++;\n");
        s.append(indent).append("} while (").append(d).append(" < ").append(1 + g.random.nextInt(4)).append(" && ").append(g.e.condition(1)).append(");\n");
    }

    /** Nested loops left or continued from the inner one by label. */
    private void labelledLoops(StringBuilder s, int depth, String indent) {
        RandomExpressions e = g.e;
        String label = "o" + g.names++, i = "i" + g.names++, j = "j" + g.names++;
        s.append(indent).append(label).append(":\n");
        s.append(indent).append("for (int ").append(i).append(" = 0; ").append(i).append(" < ").append(1 + g.random.nextInt(3)).append("; ").append(i).append("++) {\n");
        String inner = indent + "    ";
        s.append(inner).append("for (int ").append(j).append(" = ").append(i).append("; ").append(j).append(" < 4; ").append(j).append("++) {\n");
        e.ints.add(i);
        e.ints.add(j);
        String body = inner + "    ";
        s.append(body).append("if (").append(e.condition(1)).append(") ").append(g.pick("continue ", "break ")).append(label).append(";\n");
        g.statement(s, depth - 1, body);
        if (g.random.nextBoolean()) {
            String jump = g.pick("continue", "break") + (g.random.nextBoolean() ? " " + label : "");
            s.append(body).append("if (").append(e.condition(1)).append(") ").append(jump).append(";\n");
        }
        s.append(body).append(g.pick("x0", "x1", "x2", "x3")).append(" += ").append(i).append(" * 7 + ").append(j).append(";\n");
        e.ints.remove(j);
        e.ints.remove(i);
        s.append(inner).append("}\n").append(indent).append("}\n");
    }

    /** A switch over a byte, short or char local with labels at the type's extremes. */
    private void narrowSwitch(StringBuilder s, String indent, String x) {
        RandomExpressions e = g.e;
        int n = g.random.nextInt(NARROW.length);
        String[] labels = switch (n) {
            case 0 -> new String[] {"-128", "127", "0", "-1", "1", "64"};
            case 1 -> new String[] {"-32768", "32767", "0", "-1", "255", "1000"};
            default -> new String[] {"'a'", "'\\uffff'", "0", "65", "'\\u8000'", "1"};
        };
        s.append(indent).append(x).append(" += switch (").append(NARROW[n]).append(") {\n");
        List<String> used = new ArrayList<>();
        for (int k = 0, count = 1 + g.random.nextInt(4); k < count; k++) {
            String label = labels[g.random.nextInt(labels.length)];
            if (used.contains(label)) continue;
            used.add(label);
            s.append(indent).append("    case ").append(label).append(" -> ").append(e.longExpr(1)).append(";\n");
        }
        s.append(indent).append("    default -> ").append(e.longExpr(1)).append(";\n").append(indent).append("};\n");
    }
}
