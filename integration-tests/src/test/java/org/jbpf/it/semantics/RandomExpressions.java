package org.jbpf.it.semantics;

import java.util.List;
import java.util.Random;

/**
 * Random typed Java expressions for {@link RandomProbes}: int and long arithmetic, shifts by variables (which Java
 * masks), division and remainder by variables (zero and MIN_VALUE / -1 included), narrowing and widening casts,
 * ternaries over boolean logic, the Math/Integer/Long methods the translator implements, variable-index reads of
 * local and {@code @Size} struct arrays, struct fields, enum ordinals and calls of helper methods. The same draws
 * give the probe's text or, in the Java copy, the text whose JVM result is what the kernel must compute (division
 * by zero and out-of-range indexes through {@link JavaSemantics}).
 */
final class RandomExpressions {
    private static final String[] OPS = {"+", "-", "*", "&", "|", "^", "+", "^"};
    private static final String[] SHIFTS = {"<<", ">>", ">>>"};
    private static final String[] COMPARE = {"<", "<=", ">", ">=", "==", "!="};
    private static final String[] LONG_CONSTANTS = {"0L", "1L", "-1L", "Long.MIN_VALUE", "Long.MAX_VALUE", "0xffffffffL",
            "0x80000000L", "-0x123456789aL", "63L", "64L"};
    private static final String[] INT_CONSTANTS = {"0", "1", "-1", "Integer.MIN_VALUE", "Integer.MAX_VALUE", "0xffff",
            "-32768", "255", "31", "32", "-129"};
    private static final String[] LONG_UNARY = {"Long.highestOneBit", "Long.lowestOneBit", "Long.reverseBytes", "Math.abs"};
    private static final String[] INT_OF_LONG = {"Long.bitCount", "Long.numberOfLeadingZeros", "Long.numberOfTrailingZeros",
            "Long.signum"};
    private static final String[] INT_UNARY = {"Integer.bitCount", "Integer.numberOfLeadingZeros", "Integer.numberOfTrailingZeros",
            "Integer.highestOneBit", "Integer.lowestOneBit", "Integer.reverseBytes", "Integer.signum", "Math.abs"};
    private static final String[] DIVISIONS = {"div", "rem", "div", "rem", "floorDiv", "floorMod", "divideUnsigned", "remainderUnsigned"};

    private final Random random;
    private final boolean java;
    /** Local arrays (name and element type) the expressions may index; empty in helper methods. */
    List<String[]> arrays = List.of();
    List<String> inputs = List.of(), longs = List.of(), ints = List.of(), booleans = List.of();
    boolean struct, enums;
    /** Also the java.lang methods at the edges of Java's arithmetic ({@link RandomEdges}); off, the draws are as before. */
    boolean edges;
    /**
     * Divisors as a writer guards them ({@link #guardedDivision}): a divisor that cannot be zero, a nonzero constant,
     * or a test against zero first; off, a divisor may fold to a constant zero, which the translator refuses.
     */
    boolean guardedDivisors;
    /**
     * Also what the language accepted in its later rounds: Boolean.logicalAnd/Or/Xor, Math.multiplyHigh,
     * Character.reverseBytes, switch expressions whose cases yield from blocks, the fields of {@code Kind}'s
     * constants (with {@link #enums}) and the components of a record local {@code p0} (with {@link #records});
     * off, the draws are as before.
     */
    boolean wider;
    /** Whether a record local {@code p0} of {@code Pair(long x, int y)} is in scope. */
    boolean records;
    int helpers;

    RandomExpressions(Random random, boolean java) {
        this.random = random;
        this.java = java;
    }

    String longExpr(int depth) {
        if (depth <= 0 || random.nextInt(6) == 0) return longLeaf();
        int k = random.nextInt(wider ? 30 : edges ? 26 : 22);
        return switch (k) {
            case 0, 1 -> "(" + longExpr(depth - 1) + " " + pick(SHIFTS) + " " + (random.nextBoolean() ? intExpr(depth - 1) : longExpr(depth - 1)) + ")";
            case 2, 3 -> division(longExpr(depth - 1), longExpr(depth - 1), "Long");
            case 4 -> "(long) (" + pick("int", "short", "byte", "char") + ") " + paren(longExpr(depth - 1));
            case 5 -> "(long) " + paren(intExpr(depth - 1));
            case 6 -> "(" + condition(depth - 1) + " ? " + longExpr(depth - 1) + " : " + longExpr(depth - 1) + ")";
            case 7 -> pick(LONG_UNARY) + "(" + longExpr(depth - 1) + ")";
            case 8 -> "Math." + pick("min", "max") + "(" + longExpr(depth - 1) + ", " + longExpr(depth - 1) + ")";
            case 9 -> "Long.rotate" + pick("Left", "Right") + "(" + longExpr(depth - 1) + ", " + intExpr(depth - 1) + ")";
            case 10 -> "(long) " + pick(INT_OF_LONG) + "(" + longExpr(depth - 1) + ")";
            case 11 -> "(long) Long.compare" + pick("", "Unsigned") + "(" + longExpr(depth - 1) + ", " + longExpr(depth - 1) + ")";
            case 12 -> "Integer.toUnsignedLong(" + intExpr(depth - 1) + ")";
            case 13 -> arrays.isEmpty() ? longLeaf() : "(long) " + arrayRead(depth - 1);
            case 14 -> helpers == 0 ? longLeaf() : "h" + random.nextInt(helpers) + "(" + longExpr(depth - 1) + ", " + intExpr(depth - 1) + ", " + longExpr(depth - 1) + ")";
            case 15 -> "(~" + longExpr(depth - 1) + ")";
            case 16 -> "(- " + longExpr(depth - 1) + ")";
            case 22 -> "Long." + pick("min", "max", "sum") + "(" + longExpr(depth - 1) + ", " + longExpr(depth - 1) + ")";
            case 23 -> pick("Short.toUnsignedLong((short) ", "Byte.toUnsignedLong((byte) ") + paren(intExpr(depth - 1)) + ")";
            case 24 -> (java ? "JavaSemantics." : "Math.") + "floorDiv(" + longExpr(depth - 1) + ", " + intExpr(depth - 1) + ")";
            case 25 -> random.nextBoolean() ? "(long) Math.abs(" + intExpr(depth - 1) + ")" : "Long.reverse(" + longExpr(depth - 1) + ")";
            case 26 -> "Math.multiplyHigh(" + longExpr(depth - 1) + ", " + longExpr(depth - 1) + ")";
            case 27 -> enums ? pick("k0", "Kind." + pick("A", "B", "C", "D", "E")) + ".z" : longLeaf();
            case 28 -> records ? pick("p0.x()", "(long) p0.y()", "new Pair(" + longExpr(depth - 1) + ", " + intExpr(depth - 1) + ").x()") : longLeaf();
            case 29 -> yieldingSwitch(depth - 1, true);
            default -> "(" + longExpr(depth - 1) + " " + pick(OPS) + " " + longExpr(depth - 1) + ")";
        };
    }

    String intExpr(int depth) {
        if (depth <= 0 || random.nextInt(6) == 0) return intLeaf();
        int k = random.nextInt(wider ? 28 : edges ? 24 : 20);
        return switch (k) {
            case 0, 1 -> "(" + intExpr(depth - 1) + " " + pick(SHIFTS) + " " + (random.nextInt(3) == 0 ? longExpr(depth - 1) : intExpr(depth - 1)) + ")";
            case 2, 3 -> division(intExpr(depth - 1), intExpr(depth - 1), "Integer");
            case 4 -> "(int) " + paren(longExpr(depth - 1));
            case 5 -> "(" + pick("short", "byte", "char") + ") " + paren(intExpr(depth - 1));
            case 6 -> "(" + condition(depth - 1) + " ? " + intExpr(depth - 1) + " : " + intExpr(depth - 1) + ")";
            case 7 -> pick(INT_UNARY) + "(" + intExpr(depth - 1) + ")";
            case 8 -> "Math." + pick("min", "max") + "(" + intExpr(depth - 1) + ", " + intExpr(depth - 1) + ")";
            case 9 -> "Integer.rotate" + pick("Left", "Right") + "(" + intExpr(depth - 1) + ", " + intExpr(depth - 1) + ")";
            case 10 -> "Integer.compare" + pick("", "Unsigned") + "(" + intExpr(depth - 1) + ", " + intExpr(depth - 1) + ")";
            case 11 -> "(int) Short.reverseBytes((short) " + paren(intExpr(depth - 1)) + ")";
            case 12, 13 -> arrays.isEmpty() ? intLeaf() : intElement(depth - 1);
            case 14 -> "(~" + intExpr(depth - 1) + ")";
            case 20 -> "Integer." + pick("min", "max", "sum") + "(" + intExpr(depth - 1) + ", " + intExpr(depth - 1) + ")";
            case 21 -> pick("Short.toUnsignedInt((short) ", "Byte.toUnsignedInt((byte) ") + paren(intExpr(depth - 1)) + ")";
            case 22 -> random.nextBoolean() ? pick("Integer.hashCode(", "Integer.reverse(") + intExpr(depth - 1) + ")" : "Long.hashCode(" + longExpr(depth - 1) + ")";
            case 23 -> (java ? "JavaSemantics." : "Math.") + "floorMod(" + longExpr(depth - 1) + ", " + intExpr(depth - 1) + ")";
            case 24 -> "(int) Character.reverseBytes((char) " + paren(intExpr(depth - 1)) + ")";
            case 25 -> enums ? pick("k0", "Kind." + pick("A", "B", "C", "D", "E")) + ".w" : intLeaf();
            case 26 -> records ? pick("p0.y()", "(int) p0.x()", "new Pair(" + longExpr(depth - 1) + ", " + intExpr(depth - 1) + ").y()") : intLeaf();
            case 27 -> yieldingSwitch(depth - 1, false);
            default -> "(" + intExpr(depth - 1) + " " + pick(OPS) + " " + intExpr(depth - 1) + ")";
        };
    }

    String condition(int depth) {
        int k = depth <= 0 ? random.nextInt(2) : random.nextInt(wider ? 11 : edges ? 10 : 9);
        return switch (k) {
            case 0 -> longExpr(depth) + " " + pick(COMPARE) + " " + longExpr(depth);
            case 1 -> intExpr(depth) + " " + pick(COMPARE) + " " + intExpr(depth);
            case 2 -> "(" + condition(depth - 1) + " && " + condition(depth - 1) + ")";
            case 3 -> "(" + condition(depth - 1) + " || " + condition(depth - 1) + ")";
            case 4 -> "!(" + condition(depth - 1) + ")";
            case 5 -> booleans.isEmpty() ? condition(0) : "(" + pick(booleans) + " " + pick("^", "&", "|", "!=", "==") + " (" + condition(depth - 1) + "))";
            case 6 -> enums ? "k0 " + pick("==", "!=") + " Kind." + pick("A", "B", "C", "D", "E") : condition(0);
            case 9 -> "(" + condition(depth - 1) + " ? " + intExpr(depth - 1) + " : " + intExpr(depth - 1) + ") " + pick(COMPARE) + " " + intExpr(depth - 1);
            case 10 -> "Boolean.logical" + pick("And", "Or", "Xor") + "(" + condition(depth - 1) + ", " + condition(depth - 1) + ")";
            default -> "(" + longExpr(depth - 1) + " & " + (1L << random.nextInt(63)) + "L) != 0";
        };
    }

    /**
     * A switch expression over a small int: arrow cases with expressions and with blocks that yield on a condition,
     * or old-style cases that yield; a long or an int.
     */
    private String yieldingSwitch(int depth, boolean wide) {
        String selector = "(" + intExpr(depth) + ") & 3";
        StringBuilder s = new StringBuilder("(switch (").append(selector).append(") {");
        boolean arrows = random.nextBoolean();
        for (int label = 0; label < 3; label++) {
            if (random.nextInt(3) == 0) continue;
            String value = wide ? longExpr(depth) : intExpr(depth);
            if (arrows && random.nextBoolean()) s.append(" case ").append(label).append(" -> ").append(value).append(";");
            else if (arrows) s.append(" case ").append(label).append(" -> { if (").append(condition(depth)).append(") yield ").append(value)
                    .append("; yield ").append(wide ? longExpr(depth) : intExpr(depth)).append("; }");
            else s.append(" case ").append(label).append(": yield ").append(value).append(";");
        }
        String other = wide ? longExpr(depth) : intExpr(depth);
        s.append(arrows ? " default -> " + other + ";" : " default: yield " + other + ";");
        return s.append(" })").toString();
    }

    /** An index: usually in range, sometimes any int, negative included. */
    String index(int depth, int length) {
        return switch (random.nextInt(5)) {
            case 0 -> "(" + intExpr(depth) + " & " + (Integer.highestOneBit(length) - 1) + ")";
            case 1 -> "(int) " + paren(longExpr(depth));
            case 2 -> "(" + intExpr(depth) + " % " + (length + 2) + ")";
            case 3 -> ints.isEmpty() ? "0" : pick(ints);
            default -> intExpr(depth);
        };
    }

    /** An element of a local array or of the struct's arrays. */
    String arrayRead(int depth) {
        String[] a = pick(arrays);
        return element(a[0], Integer.parseInt(a[2]), depth);
    }

    /** An element as an int: long elements are narrowed. */
    private String intElement(int depth) {
        String[] a = pick(arrays);
        String element = element(a[0], Integer.parseInt(a[2]), depth);
        return a[1].equals("long") ? "(int) " + element : element;
    }

    /** {@code array[index]}, or in the Java copy the read that gives 0 out of range. */
    String element(String array, int length, int depth) {
        String i = index(depth, length);
        return java ? "JavaSemantics.get(" + array + ", " + i + ")" : array + "[" + i + "]";
    }

    private String division(String x, String y, String owner) {
        String op = pick(DIVISIONS);
        return guardedDivisors ? guardedDivision(op, x, y, owner) : division(op, x, y, owner);
    }

    /**
     * {@code x op y} with a divisor that is never a constant zero: {@code y | 1}, a nonzero constant, or {@code y}
     * tested against zero first (the quotient 0, the remainder x otherwise, as BPF gives them).
     */
    private String guardedDivision(String op, String x, String y, String owner) {
        String suffix = owner.equals("Long") ? "L" : "";
        return switch (random.nextInt(3)) {
            case 0 -> division(op, x, "(" + y + " | 1" + suffix + ")", owner);
            case 1 -> division(op, x, pick("3", "7", "10", "16", "-5", "1000", "255", "-1") + suffix, owner);
            default -> "(" + y + " == 0" + suffix + " ? " + (op.startsWith("rem") || op.endsWith("Mod") ? x : "0" + suffix) + " : "
                    + division(op, x, y, owner) + ")";
        };
    }

    /** {@code x op y} as the probe writes it, or in the Java copy through {@link JavaSemantics}. */
    private String division(String op, String x, String y, String owner) {
        if (java) return "JavaSemantics." + op + "(" + x + ", " + y + ")";
        return switch (op) {
            case "div" -> "(" + x + " / " + y + ")";
            case "rem" -> "(" + x + " % " + y + ")";
            case "floorDiv", "floorMod" -> "Math." + op + "(" + x + ", " + y + ")";
            default -> owner + "." + op + "(" + x + ", " + y + ")";
        };
    }

    private String longLeaf() {
        return switch (random.nextInt(7)) {
            case 0 -> pick(inputs);
            case 1 -> pick(LONG_CONSTANTS);
            case 2 -> Long.toString(random.nextInt(2000) - 1000) + "L";
            case 3 -> struct ? pick("s.a", "s.a", "(long) s.b", "(long) s.c", "(long) s.d", "(long) s.e") : pick(longs);
            default -> pick(longs);
        };
    }

    private String intLeaf() {
        return switch (random.nextInt(6)) {
            case 0 -> pick(INT_CONSTANTS);
            case 1 -> Integer.toString(random.nextInt(200) - 100);
            case 2 -> enums ? "k0.ordinal()" : pick(ints);
            case 3 -> struct ? "s." + pick("b", "c", "d", "e") : pick(ints);
            default -> pick(ints);
        };
    }

    static String paren(String s) { return s.startsWith("(") && s.endsWith(")") ? s : "(" + s + ")"; }

    String pick(String... options) { return options[random.nextInt(options.length)]; }

    <T> T pick(List<T> options) { return options.get(random.nextInt(options.size())); }
}
