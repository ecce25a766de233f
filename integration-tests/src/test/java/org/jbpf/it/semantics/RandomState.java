package org.jbpf.it.semantics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a random probe ({@link RandomProbes}) that keeps state where users keep it: a hash map, an array map and
 * a per-CPU array of {@code @Struct} values (lookup, null test, field reads and compound stores, nested structs,
 * boolean and char fields, {@code @Size} arrays, atomic adds, updates and deletes), a per-CPU array of counters,
 * global variables of every primitive type and a global byte array, load-time constants ({@code @Constant}), a local
 * char, helper methods with five arguments or a struct reference, unsigned comparisons, long straight-line code over
 * many live locals and a local array that brings the frame near BPF's 512 bytes.
 *
 * <p>A map value's pointer is used only inside its null test, and no update or delete of its map happens there: a
 * deleted or replaced hash element may be reused by the kernel, which Java cannot mean, and an array map's update
 * writes the value in place, where Java's reference keeps the old one (the translator refuses that). Per-CPU values are written at
 * the start of every run, since the runs may land on any CPU.
 */
final class RandomState {
    private static final String[] LONG_CORNERS = {"Long.MIN_VALUE", "Long.MAX_VALUE", "-1L", "0L", "0x80000000L", "4294967295L", "1L << 40"};
    private static final String[] COMPARE = {"<", "<=", ">", ">=", "==", "!="};

    private final RandomProbes g;
    /** The load-time constants' values, by name, as the loader takes them. */
    final Map<String, Object> constants = new LinkedHashMap<>();
    private boolean pointerInScope, straight, big;
    /** How many of the pointers in scope are array map values: no av.update is written while one is. */
    private int arrayValuesInScope;
    private int bigLength, helpers, globalBytes;

    /**
     * Whether a per-CPU counter looked up and found may be updated inside its null test, under the same key: the
     * update replaces the element Java's boxed value came from, which the program does not read again.
     */
    private final boolean updates;

    RandomState(RandomProbes g, boolean updates) {
        this.g = g;
        this.updates = updates;
    }

    /** Fields the state programs add to the struct {@code S}, and the nested struct {@code N} before it. */
    static String nestedStruct() {
        return "    @Struct\n    public static final class N {\n        public short x;\n        public byte y;\n        public boolean z;\n"
                + "        public char u;\n    }\n";
    }

    static String moreFields() {
        return "        public boolean z;\n        public N n = new N();\n        @Size(6) public byte[] g = new byte[6];\n";
    }

    /** Maps, globals, constants and helpers of the probe class. */
    void declarations(StringBuilder s, String name) {
        boolean java = g.java;
        if (java) {
            s.append("    public static final StateModels.Hash<S> hv = new StateModels.Hash<>(S::new, " + name + "::assign);\n");
            s.append("    public static final StateModels.Array<S> av = new StateModels.Array<>(4, S::new, " + name + "::assign);\n");
            s.append("    public static final StateModels.Array<S> pv = new StateModels.Array<>(2, S::new, " + name + "::assign);\n");
            s.append("    public static final StateModels.Longs pc = new StateModels.Longs(3);\n");
            s.append("    static void assign(S to, S from) {\n        to.a = from.a; to.b = from.b; to.c = from.c; to.d = from.d; to.e = from.e; to.z = from.z;\n");
            s.append("        to.n.x = from.n.x; to.n.y = from.n.y; to.n.z = from.n.z; to.n.u = from.n.u;\n");
            s.append("        System.arraycopy(from.w, 0, to.w, 0, 4); System.arraycopy(from.v, 0, to.v, 0, 6); System.arraycopy(from.g, 0, to.g, 0, 6);\n    }\n");
        } else {
            s.append("    public static final HashMap<Integer, S> hv = new HashMap<>(Integer.class, S.class, 64);\n");
            s.append("    public static final ArrayMap<S> av = new ArrayMap<>(S.class, 4);\n");
            s.append("    public static final PerCpuArray<S> pv = new PerCpuArray<>(S.class, 2);\n");
            s.append("    public static final PerCpuArray<Long> pc = new PerCpuArray<>(Long.class, 3);\n");
        }
        s.append("    static long g0;\n    static int g1 = ").append(g.random.nextInt(2000) - 1000).append(";\n    static short g2 = -5;\n");
        s.append("    static byte g3;\n    static boolean g4;\n    static char g5 = 'a';\n    static byte[] gb = new byte[").append(globalBytes = 4 + g.random.nextInt(5)).append("];\n");
        constants.clear();
        constants.put("c0", Long.parseLong(g.pick("0", "-1", "9223372036854775807", "-9223372036854775808", "4294967296", "77")));
        constants.put("c1", g.random.nextInt(512) - 256);
        constants.put("c2", g.random.nextBoolean());
        for (Map.Entry<String, Object> c : constants.entrySet()) {
            String type = c.getValue() instanceof Long ? "long" : c.getValue() instanceof Integer ? "int" : "boolean";
            String value = c.getValue() instanceof Long l ? l + "L" : c.getValue().toString();
            s.append(java ? "    static " + type + " " + c.getKey() + " = " + value + ";\n" : "    @Constant static " + type + " " + c.getKey() + ";\n");
        }
        helpers = g.random.nextInt(3);
        for (int h = 0; h < helpers; h++) fiveArguments(s, h);
        structHelper(s);
        s.append(sum());
    }

    /** Locals of {@code f} after {@code S s}: the per-CPU values of this run, a char, and maybe many longs or a big array. */
    void locals(StringBuilder s) {
        s.append("        pv.update(0, s);\n        pv.update(1, s);\n        pc.update(0, a);\n        pc.update(1, b);\n        pc.update(2, 0L);\n");
        s.append("        char ch = (char) (a ^ b);\n");
        RandomExpressions e = g.e;
        List<String> longs = new ArrayList<>(e.longs), ints = e.ints, booleans = new ArrayList<>(e.booleans);
        longs.addAll(List.of("g0", "c0", "(long) g2"));
        ints.addAll(List.of("ch", "g1", "g3", "g5", "c1", "s.n.x", "s.n.u"));
        booleans.addAll(List.of("g4", "c2", "s.z", "s.n.z"));
        straight = g.random.nextInt(3) == 0;
        if (straight) {
            s.append("        long z0 = a, z1 = b, z2 = a + 1, z3 = b - 1, z4 = a ^ b, z5 = a * 3, z6 = b >> 2, z7 = ~b;\n");
            for (int k = 0; k < 8; k++) longs.add("z" + k);
        }
        big = g.random.nextInt(4) == 0;
        if (big) {
            bigLength = new int[] {4, 8, 12, 16, 20}[g.random.nextInt(5)];
            s.append("        long[] big = new long[").append(bigLength).append("];\n");
            s.append("        for (int i = 0; i < big.length; i++) big[i] = a * i + b;\n");
            List<String[]> arrays = new ArrayList<>(e.arrays);
            arrays.add(new String[] {"big", "long", Integer.toString(bigLength)});
            e.arrays = arrays;
        }
        e.longs = longs;
        e.booleans = booleans;
    }

    /** One statement on the state; {@code depth} bounds the statements nested in it. */
    void statement(StringBuilder s, int depth, String indent) {
        RandomExpressions e = g.e;
        String x = g.pick("x0", "x1", "x2", "x3");
        if (updates && g.random.nextInt(3) == 0) {
            updateOfLookedUp(s, indent, x);
            return;
        }
        switch (g.random.nextInt(pointerInScope ? 12 : 14)) {
            case 0 -> s.append(indent).append(fieldStore("s")).append(";\n");
            case 1 -> global(s, indent);
            case 2 -> s.append(indent).append(g.pick("ch += " + e.intExpr(2), "ch++", "ch--", "ch = (char) (ch * 7 + " + e.intExpr(1) + ")",
                    x + " += ch - 'a'")).append(";\n");
            case 3 -> s.append(indent).append(x).append(" += ").append(helpers == 0 ? "hs(s, " + e.longExpr(2) + ")" : fiveArgumentCall()).append(";\n");
            case 4 -> {
                s.append(indent).append("if (").append(unsignedCondition()).append(") {\n");
                g.statement(s, depth - 1, indent + "    ");
                s.append(indent).append("}\n");
            }
            case 5 -> perCpuCounter(s, indent, x);
            case 6 -> s.append(indent).append(x).append(" = ").append(g.pick(LONG_CORNERS)).append(' ').append(g.pick("+", "-", "*", "/", "%"))
                    .append(" (").append(e.longExpr(1)).append(" | 1);\n");
            case 7 -> {
                if (!straight) s.append(indent).append(x).append(" ^= ").append(e.longExpr(3)).append(";\n");
                else for (int n = 12 + g.random.nextInt(20), k = 0; k < n; k++)
                    s.append(indent).append('z').append(g.random.nextInt(8)).append(' ').append(g.pick("=", "+=", "^=", "*="))
                            .append(" z").append(g.random.nextInt(8)).append(' ').append(g.pick("+", "-", "^", "*", "|")).append(" (")
                            .append(e.longExpr(1)).append(");\n");
            }
            case 8, 9 -> withValue(s, depth, indent, g.random.nextInt(3));
            case 10 -> {
                String p = "p" + g.names++;
                s.append(indent).append("S ").append(p).append(" = ").append(lookup(0)).append(";\n");
                s.append(indent).append(x).append(" += ").append(p).append(" == null ? ").append(e.longExpr(1)).append(" : ").append(p)
                        .append(".a * 3 + ").append(p).append(".n.x + (").append(p).append(".z ? 1 : 0);\n");
            }
            case 11 -> {   // the same draws either way, so programs without an array value in scope stay as they were
                String index = RandomExpressions.paren(e.index(1, 4));
                if (arrayValuesInScope == 0) s.append(indent).append(x).append(" -= av.update((int) ").append(index).append(", s);\n");
                else s.append(indent).append(x).append(" ^= (long) ").append(index).append(";\n");
            }
            case 12 -> s.append(indent).append(x).append(" -= hv.delete(").append(hashKey()).append(");\n");
            default -> s.append(indent).append(x).append(" -= hv.update(").append(hashKey()).append(", s);\n");
        }
    }

    /** What the run leaves behind, folded into {@code r}: every struct field, global, char and map entry. */
    void result(StringBuilder s) {
        s.append("        r = r * 31 + (s.z ? 1 : 0) + s.n.x * 3 + s.n.y * 5 + (s.n.z ? 7 : 0) + s.n.u * 11 + ch;\n");
        s.append("        for (byte v : s.g) r = r * 31 + v;\n");
        s.append("        r = r * 31 + g0 + g1 * 3L + g2 * 5 + g3 * 7 + (g4 ? 11 : 0) + g5 * 13;\n");
        s.append("        for (byte v : gb) r = r * 31 + v;\n");
        if (straight) s.append("        r = r * 31 + z0 + z1 * 3 + z2 * 5 + z3 * 7 + z4 * 11 + z5 * 13 + z6 * 17 + z7 * 19;\n");
        if (big) s.append("        for (long v : big) r = r * 31 + v;\n");
        s.append("        for (int k = 0; k < 16; k++) {\n            S t = hv.lookup(k);\n            if (t != null) r = r * 31 + k + sum(t);\n        }\n");
        s.append("        for (int k = 0; k < 4; k++) {\n            S t = av.lookup(k);\n            if (t != null) r = r * 31 + sum(t);\n        }\n");
        s.append("        for (int k = 0; k < 2; k++) {\n            S t = pv.lookup(k);\n            if (t != null) r = r * 31 + sum(t);\n        }\n");
        s.append("        for (int k = 0; k < 3; k++) {\n            Long t = pc.lookup(k);\n            if (t != null) r = r * 31 + t;\n        }\n");
    }

    /** {@code static long sum(S t)}: every field of a struct, for the result. */
    static String sum() {
        return "    static long sum(S t) {\n        long r = t.a * 3 + t.b * 5 + t.c * 7 + t.d * 11 + t.e * 13 + (t.z ? 17 : 0) + t.n.x + t.n.y * 3 + t.n.u * 5 + (t.n.z ? 1 : 0);\n"
                + "        for (long v : t.w) r = r * 31 + v;\n        for (int v : t.v) r = r * 31 + v;\n        for (byte v : t.g) r = r * 31 + v;\n"
                + "        return r;\n    }\n";
    }

    /** A lookup, a null test and statements on the value inside it: 0 the hash map, 1 the array map, 2 the per-CPU array. */
    private void withValue(StringBuilder s, int depth, String indent, int map) {
        String p = "p" + g.names++;
        s.append(indent).append("S ").append(p).append(" = ").append(lookup(map)).append(";\n");
        s.append(indent).append("if (").append(p).append(" != null) {\n");
        boolean outer = pointerInScope;
        pointerInScope = true;
        if (map == 1) arrayValuesInScope++;
        List<String> longs = g.e.longs;
        List<String> more = new ArrayList<>(longs);
        more.addAll(List.of(p + ".a", "(long) " + p + ".b", "(long) " + p + ".n.x"));
        g.e.longs = more;
        for (int n = 1 + g.random.nextInt(3), k = 0; k < n; k++) {
            if (g.random.nextInt(4) == 0 && depth > 0) g.statement(s, depth - 1, indent + "    ");
            else if (g.random.nextInt(5) == 0) s.append(indent).append("    x1 += hs(").append(p).append(", ").append(g.e.longExpr(1)).append(");\n");
            else s.append(indent).append("    ").append(g.random.nextInt(3) == 0 ? atomic(p) : fieldStore(p)).append(";\n");
        }
        g.e.longs = longs;
        pointerInScope = outer;
        if (map == 1) arrayValuesInScope--;
        if (map == 0 && !outer && g.random.nextBoolean())
            s.append(indent).append("} else {\n").append(indent).append("    ").append(g.pick("x0", "x1")).append(" += hv.update(").append(hashKey()).append(", s);\n");
        s.append(indent).append("}\n");
    }

    private String lookup(int map) {
        return switch (map) {
            case 0 -> "hv.lookup(" + hashKey() + ")";
            case 1 -> "av.lookup((int) " + RandomExpressions.paren(g.e.index(1, 4)) + ")";
            default -> "pv.lookup(" + g.pick("0", "1", "(int) (b & 1)", "(int) a & 3") + ")";
        };
    }

    private String hashKey() { return "(int) " + RandomExpressions.paren(g.e.longExpr(1)) + " & 15"; }

    /** A store or compound store into a field of struct {@code t}: every field kind, nested fields and array elements. */
    private String fieldStore(String t) {
        RandomExpressions e = g.e;
        return switch (g.random.nextInt(12)) {
            case 0 -> t + ".a " + g.pick("=", "+=", "-=", "*=", "^=", ">>>=") + " " + e.longExpr(2);
            case 1 -> t + ".b " + g.pick("=", "+=", "*=", "|=", "<<=") + " " + e.intExpr(2);
            case 2 -> t + ".c " + g.pick("+=", "-=", "^=") + " " + e.intExpr(2);
            case 3 -> t + ".d " + g.pick("+=", "&=", ">>=") + " " + e.intExpr(1);
            case 4 -> t + ".e " + g.pick("+=", "-=") + " " + e.intExpr(1);
            case 5 -> t + ".z " + g.pick("=", "^=", "|=", "&=") + " " + e.condition(1);
            case 6 -> t + ".n.x " + g.pick("+=", "*=", "=(short)") + " " + RandomExpressions.paren(e.intExpr(2));
            case 7 -> t + ".n." + g.pick("y++", "u++", "y--", "u -= 3", "z = !" + t + ".n.z");
            case 8 -> element(t + ".w", 4, "long", e.longExpr(2));
            case 9 -> element(t + ".v", 6, "int", e.intExpr(2));
            case 10 -> element(t + ".g", 6, "byte", e.intExpr(1));
            default -> t + ".a += " + t + ".b * " + t + ".c - " + t + ".n.y";
        };
    }

    /** {@code array[index] += value} at an index that may be out of range (stores nothing there). */
    private String element(String array, int length, String type, String value) {
        String i = g.e.index(1, length);
        if (!g.java) return array + "[" + i + "] += " + (type.equals("byte") ? "(byte) " + RandomExpressions.paren(value) : value);
        return "JavaSemantics.set(" + array + ", " + i + ", (" + type + ") (JavaSemantics.get(" + array + ", " + i + ") + " + value + "))";
    }

    private String atomic(String p) {
        RandomExpressions e = g.e;
        int k = g.random.nextInt(6);
        if (g.java) return switch (k) {
            case 0 -> p + ".a += " + e.longExpr(2);
            case 1 -> p + ".b += (int) " + RandomExpressions.paren(e.longExpr(2));
            case 2 -> p + ".a++";
            case 3 -> p + ".b++";
            case 4 -> "StateModels.add(" + p + ".w, " + e.index(1, 4) + ", " + e.longExpr(1) + ")";
            default -> "StateModels.add(" + p + ".v, " + e.index(1, 6) + ", 1L)";
        };
        return switch (k) {
            case 0 -> "Atomic.add(" + p + ", \"a\", " + e.longExpr(2) + ")";
            case 1 -> "Atomic.add(" + p + ", \"b\", " + e.longExpr(2) + ")";
            case 2 -> "Atomic.increment(" + p + ", \"a\")";
            case 3 -> "Atomic.increment(" + p + ", \"b\")";
            case 4 -> "Atomic.add(" + p + ".w, " + e.index(1, 4) + ", " + e.longExpr(1) + ")";
            default -> "Atomic.increment(" + p + ".v, " + e.index(1, 6) + ")";
        };
    }

    private void global(StringBuilder s, String indent) {
        RandomExpressions e = g.e;
        String line = switch (g.random.nextInt(7)) {
            case 0 -> "g0 " + g.pick("=", "+=", "^=", "*=") + " " + e.longExpr(2);
            case 1 -> "g1 " + g.pick("+=", "-=", "^=", "<<=") + " " + e.intExpr(2);
            case 2 -> "g2 " + g.pick("+=", "*=") + " " + e.intExpr(1);
            case 3 -> "g3 = (byte) " + RandomExpressions.paren(e.intExpr(2));
            case 4 -> "g4 = " + g.pick("!g4", e.condition(1));
            case 5 -> "g5" + g.pick("++", " += 2", "--");
            default -> element("gb", globalBytes, "byte", e.intExpr(1));
        };
        s.append(indent).append(line).append(";\n");
    }

    private void perCpuCounter(StringBuilder s, String indent, String x) {
        String i = g.pick("0", "1", "2", "3", "(int) (a & 3)", "(int) b");
        switch (g.random.nextInt(3)) {
            case 0 -> s.append(indent).append(x).append(" -= pc.increment(").append(i).append(");\n");
            case 1 -> s.append(indent).append(x).append(" -= pc.add(").append(i).append(", ").append(g.e.longExpr(1)).append(");\n");
            default -> {
                String v = "v" + g.names++;
                s.append(indent).append("Long ").append(v).append(" = pc.lookup(").append(i).append(");\n");
                // the same draws as without updates up to here, so those programs stay as they were
                if (updates && g.random.nextInt(3) != 0)
                    s.append(indent).append("if (").append(v).append(" != null) ").append(x).append(" -= pc.update(").append(i).append(", ")
                            .append(v).append(' ').append(g.pick("+", "*", "^")).append(" (").append(g.e.longExpr(1)).append("));\n");
                else s.append(indent).append("if (").append(v).append(" != null) ").append(x).append(" ^= ").append(v).append(";\n");
            }
        }
    }

    /**
     * A per-CPU counter looked up and, when found, updated under the same key (a constant, one out of range, or one
     * known only at run time): with the update's status, or after a compare with the value found.
     */
    private void updateOfLookedUp(StringBuilder s, String indent, String x) {
        RandomExpressions e = g.e;
        String v = "v" + g.names++, i = g.pick("0", "1", "2", "2", "3", "(int) (a & 3)");
        s.append(indent).append("Long ").append(v).append(" = pc.lookup(").append(i).append(");\n");
        if (g.random.nextBoolean())
            s.append(indent).append("if (").append(v).append(" != null) ").append(x).append(" -= pc.update(").append(i).append(", ")
                    .append(v).append(' ').append(g.pick("+", "*", "^")).append(" (").append(e.longExpr(1)).append("));\n");
        else
            s.append(indent).append("if (").append(v).append(" != null && ").append(v).append(' ').append(g.pick("<", ">", "!=")).append(" (")
                    .append(e.longExpr(1)).append(")) pc.update(").append(i).append(", ").append(e.longExpr(2)).append(");\n");
    }

    private String unsignedCondition() {
        RandomExpressions e = g.e;
        return switch (g.random.nextInt(4)) {
            case 0 -> "Long.compareUnsigned(" + e.longExpr(2) + ", " + e.longExpr(2) + ") " + g.pick(COMPARE) + " 0";
            case 1 -> "Integer.compareUnsigned(" + e.intExpr(2) + ", " + e.intExpr(2) + ") " + g.pick(COMPARE) + " 0";
            case 2 -> "Integer.toUnsignedLong(" + e.intExpr(2) + ") " + g.pick(COMPARE) + " " + e.longExpr(1);
            default -> "(" + e.longExpr(1) + " & 0xffffffffL) " + g.pick(COMPARE) + " Integer.toUnsignedLong(" + e.intExpr(1) + ")";
        };
    }

    private String fiveArgumentCall() {
        RandomExpressions e = g.e;
        return "hf" + g.random.nextInt(helpers) + "(" + e.longExpr(2) + ", " + e.intExpr(1) + ", " + e.longExpr(1) + ", (short) "
                + RandomExpressions.paren(e.intExpr(1)) + ", " + e.condition(1) + ")";
    }

    /** {@code static long hf<k>(long p, int q, long r, short u, boolean t)}, sometimes a BPF function of its own. */
    private void fiveArguments(StringBuilder s, int k) {
        RandomExpressions outer = g.e;
        RandomExpressions e = new RandomExpressions(g.random, g.java);
        g.e = e;
        e.inputs = List.of("p", "r");
        e.longs = List.of("p", "r");
        e.ints = List.of("q", "u");
        e.booleans = List.of("t");
        if (g.random.nextInt(3) == 0) s.append("    @NoInline\n");
        s.append("    static long hf").append(k).append("(long p, int q, long r, short u, boolean t) {\n");
        s.append("        long x = ").append(e.longExpr(2)).append(";\n");
        s.append("        if (t ").append(g.pick("&&", "||", "^")).append(' ').append(e.condition(1)).append(") x ^= ").append(e.longExpr(2)).append(";\n");
        s.append("        return x + u * 3L + ").append(e.intExpr(1)).append(";\n    }\n");
        g.e = outer;
    }

    /** {@code static long hs(S v, long p)}: changes the struct it is given, a local one or a map value. */
    private void structHelper(StringBuilder s) {
        RandomExpressions outer = g.e;
        RandomExpressions e = new RandomExpressions(g.random, g.java);
        g.e = e;
        e.inputs = List.of("p");
        e.longs = List.of("p", "v.a");
        e.ints = List.of("v.b", "(int) p", "v.n.x");
        if (g.random.nextBoolean()) s.append("    @NoInline\n");
        s.append("    static long hs(S v, long p) {\n");
        for (int n = 1 + g.random.nextInt(3), k = 0; k < n; k++) s.append("        ").append(fieldStore("v")).append(";\n");
        s.append("        return v.a ^ v.b + v.n.x;\n    }\n");
        g.e = outer;
    }
}
