package org.jbpf.it.semantics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes random Java probes the way users write them: one computation {@code f(long a, long b)} over long, int and
 * boolean locals, an enum local, a local {@code @Struct} with {@code @Size} arrays, local arrays of every element type
 * indexed by variables (in and out of range), if/else, nested loops with break and continue, while loops, dense,
 * sparse, arrow and enum switches, compound assignments that narrow, helper methods with several arguments (some
 * {@code @NoInline}), and a hash map's lookup, update, increment and add folded into the result; expressions come
 * from {@link RandomExpressions}. A few programs call a recursive method, which the translator must refuse. Programs
 * with state also keep it in maps of structs, per-CPU arrays, globals and load-time constants ({@link RandomState});
 * programs at the edges also work with narrow locals, side effects in conditions and labelled loops ({@link RandomEdges}).
 * Wider programs also use what the language accepted later ({@link RandomExpressions#wider}): an enum whose constants
 * have fields, a record local, switch expressions that yield, Boolean's logical methods, a struct built, copied into
 * a struct's field and read back through it, and a map value kept across a write of its map. A struct copied into a
 * field is not touched again through its own name (the kernel's field holds a copy, Java's the same object). printk's
 * result, the length of the line it writes, joins the result: only formats Java's formatter writes as the kernel does
 * ({@code %d}, {@code %x}, {@code %X} of longs, with a {@code -} or {@code 0} flag only before a width). That value is kept only across a write under a key that provably differs (another constant, or
 * a key the program tested unequal to it on that path): a write under its own key would replace the element the kernel
 * points at, which the JVM's boxed copy does not see.
 *
 * <p>Program {@code i} of a seed is drawn from its own {@link Random}, once as the probe (package {@code gen}) and
 * once as its Java copy (package {@code ref}) whose JVM result the kernel must give.
 */
final class RandomProbes {
    /** One in this many programs calls a recursive method. */
    static final int RECURSIVE_ONE_IN = 40;
    private static final String[][] ARRAYS = {{"la", "long", "8"}, {"ia", "int", "6"}, {"sa", "short", "5"}, {"ba", "byte", "16"},
            {"ca", "char", "3"}, {"s.w", "long", "4"}, {"s.v", "int", "6"}};
    private static final String[] COMPOUND = {"+=", "-=", "*=", "&=", "|=", "^=", "<<=", ">>=", ">>>="};
    private static final String[] SPARSE = {"-100", "3", "1000", "65536", "Integer.MIN_VALUE", "77", "-1", "4096"};

    private final long seed;
    /** The state part of every program, or null for programs of locals only. */
    private final RandomState state;
    /** The part at the edges of Java's arithmetic and control flow, or null. */
    private final RandomEdges edges;
    /** Whether programs also use what the language accepted in its later rounds ({@link RandomExpressions#wider}). */
    private final boolean wider;
    private final Map<Integer, Map<String, Object>> constants = new HashMap<>();
    Random random;
    RandomExpressions e;
    boolean java;
    int names;

    RandomProbes(long seed) { this(seed, false); }

    /** With {@code state}, every program also keeps state in maps of structs, globals and constants ({@link RandomState}). */
    RandomProbes(long seed, boolean state) { this(seed, state, false); }

    /** With {@code edges}, every program also works at the edges of Java's semantics ({@link RandomEdges}). */
    RandomProbes(long seed, boolean state, boolean edges) { this(seed, state, edges, false); }

    /** With {@code wider}, every program also uses what the language accepted in its later rounds. */
    RandomProbes(long seed, boolean state, boolean edges, boolean wider) { this(seed, state, edges, wider, false); }

    /**
     * With {@code updates} (and {@code state}), a per-CPU counter looked up and found may also be updated under the
     * same key ({@link RandomState}).
     */
    RandomProbes(long seed, boolean state, boolean edges, boolean wider, boolean updates) {
        this.seed = seed;
        this.wider = wider;
        this.state = state ? new RandomState(this, updates) : null;
        this.edges = edges ? new RandomEdges(this) : null;
    }

    /** The load-time constants of probe {@code gen.P<i>}, known once its source was written. */
    Map<String, Object> constants(int i) { return constants.getOrDefault(i, Map.of()); }

    /** Whether program {@code i} calls a recursive method. */
    boolean recursive(int i) { return new Random(programSeed(i)).nextInt(RECURSIVE_ONE_IN) == 0; }

    /** The source of probe {@code gen.P<i>}, or with {@code java} of its copy {@code ref.P<i>}. */
    String source(int i, boolean java) {
        this.java = java;
        random = new Random(programSeed(i));
        boolean recursive = random.nextInt(RECURSIVE_ONE_IN) == 0;
        e = new RandomExpressions(random, java);
        e.wider = wider;
        names = 0;
        StringBuilder s = new StringBuilder();
        s.append("package ").append(java ? "ref" : "gen").append(";\n");
        s.append("import org.jbpf.*;\nimport org.jbpf.maps.*;\nimport org.jbpf.it.semantics.JavaSemantics;\nimport org.jbpf.it.semantics.StateModels;\n");
        s.append("@Bpf(license = \"GPL\")\npublic final class P").append(i).append(" {\n");
        if (wider) {
            s.append("    public enum Kind {\n        A(3, -7L), B(-1, 1L << 40), C(0, 0L), D(100, -1L), E(Integer.MIN_VALUE, Long.MAX_VALUE);\n");
            s.append("        final int w;\n        final long z;\n        Kind(int w, long z) { this.w = w; this.z = z; }\n    }\n");
            s.append("    @Struct\n    public record Pair(long x, int y) {}\n");
            s.append("    @Struct\n    public static final class T {\n        public long p;\n        public int q;\n");
            s.append("        @Size(2) public short[] r = new short[2];\n    }\n");
        } else s.append("    public enum Kind { A, B, C, D, E }\n");
        if (state != null) s.append(RandomState.nestedStruct());
        s.append("    @Struct\n    public static final class S {\n        public long a;\n        public int b;\n        public short c;\n");
        s.append("        public byte d;\n        public char e;\n        @Size(4) public long[] w = new long[4];\n");
        s.append("        @Size(6) public int[] v = new int[6];\n");
        if (state != null) s.append(RandomState.moreFields());
        if (wider) s.append("        public T t = new T();\n");
        s.append("    }\n");
        s.append("    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);\n");
        s.append("    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);\n");
        s.append(java ? "    public static final JavaSemantics.MapModel m = new JavaSemantics.MapModel();\n"
                : "    public static final HashMap<Long, Long> m = new HashMap<>(Long.class, Long.class, 64);\n");
        int helpers = random.nextInt(3);
        for (int h = 0; h < helpers; h++) helper(s, h);
        if (state != null) {
            state.declarations(s, "P" + i);
            if (!java) constants.put(i, Map.copyOf(state.constants));
        }
        if (edges != null) edges.declarations(s);
        if (recursive) s.append("    static long rec(long n) { return n <= 0 ? 1 : n * rec(n - 1); }\n");
        s.append("    public static long f(long a, long b) {\n");
        s.append("        long x0 = a, x1 = b, x2 = a ^ (b << 7), x3 = ~a;\n");
        s.append("        int y0 = (int) a, y1 = (int) b, y2 = (int) (a >>> 32);\n");
        s.append("        boolean q0 = a < b;\n        Kind k0 = a < 0 ? Kind.A : b > 100 ? Kind.D : Kind.B;\n        S s = new S();\n");
        s.append("        long[] la = new long[8];\n        int[] ia = new int[6];\n        short[] sa = new short[5];\n");
        s.append("        byte[] ba = new byte[16];\n        char[] ca = new char[3];\n");
        s.append("        for (int i = 0; i < la.length; i++) la[i] = a * (i + 1) ^ b;\n");
        s.append("        for (int i = 0; i < ba.length; i++) ba[i] = (byte) (b >> i);\n");
        e.inputs = List.of("a", "b");
        e.longs = List.of("x0", "x1", "x2", "x3");
        e.ints = new ArrayList<>(List.of("y0", "y1", "y2"));
        e.booleans = List.of("q0");
        e.arrays = List.of(ARRAYS);
        e.struct = true;
        e.enums = true;
        e.helpers = helpers;
        if (state != null) state.locals(s);
        if (edges != null) edges.locals(s);
        if (wider) {
            s.append("        Pair p0 = new Pair(a, y1);\n");
            e.records = true;
            e.longs = List.of("x0", "x1", "x2", "x3", "s.t.p");
            e.ints.add("s.t.q");
        }
        if (recursive) s.append("        x0 += rec(y0 & 3);\n");
        int depth = state != null ? 2 + random.nextInt(2) : 2;
        for (int n = 2 + random.nextInt(5), k = 0; k < n; k++) statement(s, depth, "        ");
        s.append("        long r = x0 * 31 + x1 ^ x2 * 7 + x3 + y0 * 3L + y1 + y2 * 5L + (q0 ? 1 : 2) + k0.ordinal() * 11;\n");
        s.append("        r = r * 31 + s.a + s.b + s.c * 3 + s.d * 5 + s.e * 7;\n");
        for (String[] a : ARRAYS) s.append("        for (").append(a[1]).append(" v : ").append(a[0]).append(") r = r * 31 + v;\n");
        if (state != null) state.result(s);
        if (edges != null) edges.result(s);
        if (wider) s.append("        r = r * 31 + p0.x() * 13 + p0.y() + k0.w * 17L + k0.z + s.t.p * 19 + s.t.q + s.t.r[0] * 23 + s.t.r[1];\n");
        s.append("        return r;\n    }\n");
        s.append("    @Section(\"xdp\")\n    public static int run(XdpContext ctx) {\n");
        s.append("        Long a = in.lookup(0), b = in.lookup(1);\n");
        s.append("        if (a == null || b == null) return XdpContext.XDP_ABORTED;\n");
        s.append("        out.update(0, f(a, b));\n        return XdpContext.XDP_PASS;\n    }\n}\n");
        return s.toString();
    }

    private long programSeed(int i) { return seed ^ (i + 1) * 0x9E3779B97F4A7C15L; }

    /** {@code static long h<k>(long p, int q, long r)}: a computation over its three arguments that may call earlier helpers. */
    private void helper(StringBuilder s, int k) {
        RandomExpressions outer = e;
        e = new RandomExpressions(random, java);
        e.inputs = List.of("p", "r");
        e.longs = List.of("p", "r");
        e.ints = List.of("q");
        e.helpers = k;
        if (random.nextInt(3) == 0) s.append("    @NoInline\n");
        s.append("    static long h").append(k).append("(long p, int q, long r) {\n");
        s.append("        long t = ").append(e.longExpr(2)).append(";\n");
        e.longs = List.of("p", "r", "t");
        s.append("        if (").append(e.condition(1)).append(") t ^= ").append(e.longExpr(2)).append(";\n");
        s.append("        return t + ").append(e.longExpr(1)).append(";\n    }\n");
        e = outer;
    }

    void statement(StringBuilder s, int depth, String indent) {
        int kinds = state != null ? 24 : 16, edgeKinds = edges != null ? 10 : 0;
        int kind = depth <= 0 ? random.nextInt(4) : random.nextInt(kinds + edgeKinds + (wider ? 6 : 0));
        if (kind >= kinds + edgeKinds) {
            widerStatement(s, indent);
            return;
        }
        if (kind >= kinds) {
            edges.statement(s, depth, indent);
            return;
        }
        if (kind >= 16) {
            state.statement(s, depth, indent);
            return;
        }
        switch (kind) {
            case 0 -> s.append(indent).append(pick("x0", "x1", "x2", "x3")).append(' ').append(pick("=", "=", pick(COMPOUND)))
                    .append(' ').append(e.longExpr(3)).append(";\n");
            case 1 -> {
                String y = pick("y0", "y1", "y2");
                if (random.nextInt(4) == 0) s.append(indent).append(y).append(' ').append(pick(COMPOUND)).append(' ').append(e.longExpr(2)).append(";\n");
                else s.append(indent).append(y).append(' ').append(pick("=", pick(COMPOUND))).append(' ').append(e.intExpr(3)).append(";\n");
            }
            case 2 -> arrayStore(s, indent);
            case 3 -> fieldStore(s, indent);
            case 4, 5 -> {
                s.append(indent).append("if (").append(e.condition(2)).append(") {\n");
                statement(s, depth - 1, indent + "    ");
                if (random.nextBoolean()) {
                    s.append(indent).append("} else {\n");
                    statement(s, depth - 1, indent + "    ");
                }
                s.append(indent).append("}\n");
            }
            case 6, 7 -> loop(s, depth, indent);
            case 8 -> {
                String w = "w" + names++;
                s.append(indent).append("int ").append(w).append(" = 0;\n");
                s.append(indent).append("while (").append(w).append(" < ").append(1 + random.nextInt(4)).append(") {\n");
                statement(s, depth - 1, indent + "    ");
                s.append(indent).append("    ").append(w).append("++;\n").append(indent).append("}\n");
            }
            case 9 -> intSwitch(s, depth, indent);
            case 10 -> arrowSwitch(s, indent);
            case 11 -> enumSwitch(s, depth, indent);
            case 12 -> s.append(indent).append("q0 = ").append(e.condition(2)).append(";\n");
            case 13 -> s.append(indent).append("k0 = ").append(e.condition(1)).append(" ? Kind.").append(pick("A", "B", "C", "D", "E"))
                    .append(" : Kind.").append(pick("A", "B", "C", "D", "E")).append(";\n");
            default -> mapOperation(s, indent);
        }
    }

    private void loop(StringBuilder s, int depth, String indent) {
        String i = "i" + names++;
        String bound = random.nextBoolean() ? Integer.toString(1 + random.nextInt(5)) : "(" + pick("y0", "y1", "y2") + " & " + pick("3", "7") + ")";
        s.append(indent).append("for (int ").append(i).append(" = 0; ").append(i).append(" < ").append(bound).append("; ").append(i).append("++) {\n");
        e.ints.add(i);
        String inner = indent + "    ";
        if (random.nextInt(3) == 0) s.append(inner).append("if (").append(e.condition(1)).append(") break;\n");
        statement(s, depth - 1, inner);
        if (random.nextInt(3) == 0) s.append(inner).append("if (").append(e.condition(1)).append(") continue;\n");
        s.append(inner).append(pick("x0", "x1", "x2", "x3")).append(" += ").append(i).append(" * ").append(e.longExpr(1)).append(";\n");
        e.ints.remove(i);
        s.append(indent).append("}\n");
    }

    private void intSwitch(StringBuilder s, int depth, String indent) {
        boolean dense = random.nextBoolean();
        s.append(indent).append("switch (").append(dense ? "(" + e.intExpr(2) + ") & 7" : "(int) " + RandomExpressions.paren(e.intExpr(2))).append(") {\n");
        List<String> labels = new ArrayList<>();
        for (int n = 2 + random.nextInt(4), k = 0; k < n; k++) {
            String label = dense ? Integer.toString(random.nextInt(8)) : pick(SPARSE);
            if (labels.contains(label)) continue;
            labels.add(label);
            s.append(indent).append("    case ").append(label).append(":\n");
            statement(s, depth - 1, indent + "        ");
            if (random.nextInt(4) != 0) s.append(indent).append("        break;\n");
        }
        s.append(indent).append("    default:\n");
        statement(s, 0, indent + "        ");
        s.append(indent).append("}\n");
    }

    private void arrowSwitch(StringBuilder s, String indent) {
        s.append(indent).append(pick("x0", "x1", "x2", "x3")).append(" += switch ((int) ").append(RandomExpressions.paren(e.intExpr(2))).append(") {\n");
        List<String> labels = new ArrayList<>();
        for (int n = 1 + random.nextInt(4), k = 0; k < n; k++) {
            String label = random.nextBoolean() ? Integer.toString(random.nextInt(6)) : pick(SPARSE);
            if (labels.contains(label)) continue;
            labels.add(label);
            s.append(indent).append("    case ").append(label).append(" -> ").append(e.longExpr(2)).append(";\n");
        }
        s.append(indent).append("    default -> ").append(e.longExpr(2)).append(";\n").append(indent).append("};\n");
    }

    private void enumSwitch(StringBuilder s, int depth, String indent) {
        s.append(indent).append("switch (k0) {\n");
        List<String> labels = new ArrayList<>();
        for (int n = 1 + random.nextInt(4), k = 0; k < n; k++) {
            String label = pick("A", "B", "C", "D", "E");
            if (labels.contains(label)) continue;
            labels.add(label);
            s.append(indent).append("    case ").append(label).append(":\n");
            statement(s, depth - 1, indent + "        ");
            s.append(indent).append("        break;\n");
        }
        s.append(indent).append("    default:\n").append(indent).append("        ").append(pick("x0", "x1")).append("++;\n").append(indent).append("}\n");
    }

    /** A store or compound store into an array element at an index that may be out of range. */
    private void arrayStore(StringBuilder s, String indent) {
        String[] a = ARRAYS[random.nextInt(ARRAYS.length)];
        String type = a[1], index = e.index(2, Integer.parseInt(a[2]));
        String value = type.equals("long") ? e.longExpr(2) : e.intExpr(2);
        String cast = type.equals("long") || type.equals("int") ? "" : "(" + type + ") ";
        int form = random.nextInt(3);
        if (!java) {
            String op = form == 0 ? " = " + cast : form == 1 ? " += " : " ^= ";
            s.append(indent).append(a[0]).append('[').append(index).append(']').append(op).append(value).append(";\n");
            return;
        }
        String old = "JavaSemantics.get(" + a[0] + ", " + index + ")";
        String stored = form == 0 ? cast + value : "(" + type + ") (" + old + (form == 1 ? " + " : " ^ ") + value + ")";
        s.append(indent).append("JavaSemantics.set(").append(a[0]).append(", ").append(index).append(", ").append(stored).append(");\n");
    }

    private void fieldStore(StringBuilder s, String indent) {
        switch (random.nextInt(5)) {
            case 0 -> s.append(indent).append("s.a ").append(pick("=", "+=", "^=")).append(' ').append(e.longExpr(2)).append(";\n");
            case 1 -> s.append(indent).append("s.b ").append(pick("=", "+=", "*=")).append(' ').append(e.intExpr(2)).append(";\n");
            case 2 -> s.append(indent).append("s.c ").append(pick("+=", "-=")).append(' ').append(e.intExpr(2)).append(";\n");
            case 3 -> s.append(indent).append("s.d = (byte) ").append(RandomExpressions.paren(e.intExpr(2))).append(";\n");
            default -> s.append(indent).append("s.e ").append(pick("+=", "=")).append(" (char) ").append(RandomExpressions.paren(e.longExpr(2))).append(";\n");
        }
    }

    /** A hash map operation whose result goes into a local: the keys stay below 16, so the map never fills. */
    private void mapOperation(StringBuilder s, String indent) {
        String key = "(long) " + RandomExpressions.paren(e.longExpr(2)) + " & 15";
        String x = pick("x0", "x1", "x2", "x3");
        switch (random.nextInt(5)) {
            case 0 -> {
                String v = "v" + names++;
                s.append(indent).append("Long ").append(v).append(" = m.lookup(").append(key).append(");\n");
                s.append(indent).append("if (").append(v).append(" != null) ").append(x).append(" ^= ").append(v).append(";\n");
            }
            case 1 -> {
                String v = "v" + names++;
                s.append(indent).append("Long ").append(v).append(" = m.lookup(").append(key).append(");\n");
                s.append(indent).append(x).append(" += ").append(v).append(" == null ? ").append(random.nextInt(100)).append("L : ").append(v).append(" * 3;\n");
            }
            case 2 -> s.append(indent).append(x).append(" += m.increment(").append(key).append(");\n");
            case 3 -> s.append(indent).append(x).append(" += m.add(").append(key).append(", ").append(e.longExpr(1)).append(");\n");
            default -> s.append(indent).append(x).append(" -= m.update(").append(key).append(", ").append(e.longExpr(2)).append(");\n");
        }
    }

    /**
     * A record local made again, or a map value looked up and kept across a write of the map under another key: a
     * different constant, or a key tested unequal to it first.
     */
    private void widerStatement(StringBuilder s, String indent) {
        String x = pick("x0", "x1", "x2", "x3"), v = "v" + names++;
        String write = pick("update", "update", "increment", "add");
        switch (random.nextInt(7)) {
            case 6 -> {   // the length of the line printk writes, for formats the kernel and Java's formatter write alike
                StringBuilder fmt = new StringBuilder("wp");
                List<String> args = new ArrayList<>();
                for (int n = random.nextInt(4), k = 0; k < n; k++) {
                    String flag = pick("", "", "-", "0"), width = flag.isEmpty() && random.nextBoolean() ? "" : Integer.toString(1 + random.nextInt(12));
                    fmt.append(pick(" ", "=", ":", "%%")).append('%').append(flag).append(width).append(pick("d", "d", "x", "X"));
                    args.add(e.longExpr(1));
                }
                s.append(indent).append(x).append(" += ").append(java ? "JavaSemantics.printk" : "Helpers.printk").append("(\"").append(fmt).append('"');
                for (String arg : args) s.append(", ").append(arg);
                s.append(");\n");
            }
            case 4 -> {   // a struct built, copied into the struct's field and not touched again: the copy and Java's shared object agree
                String t = "t" + names++;
                s.append(indent).append("T ").append(t).append(" = new T();\n");
                s.append(indent).append(t).append(".p = ").append(e.longExpr(2)).append(";\n");
                s.append(indent).append(t).append(".q ").append(pick("=", "+=")).append(' ').append(e.intExpr(2)).append(";\n");
                s.append(indent).append(t).append(".r[").append(random.nextInt(2)).append("] = (short) ").append(RandomExpressions.paren(e.intExpr(1))).append(";\n");
                s.append(indent).append("s.t = ").append(t).append(";\n");
            }
            case 5 -> s.append(indent).append("s.t.").append(random.nextBoolean() ? "p " + pick("+=", "^=", "=") + " " + e.longExpr(2)
                    : "r[" + random.nextInt(2) + "] += (short) " + RandomExpressions.paren(e.intExpr(1))).append(";\n");
            case 0 -> s.append(indent).append("p0 = new Pair(").append(e.longExpr(2)).append(", ").append(e.intExpr(2)).append(");\n");
            case 1, 2 -> {
                int key = random.nextInt(16), other = (key + 1 + random.nextInt(15)) % 16;
                s.append(indent).append("Long ").append(v).append(" = m.lookup(").append(key).append("L);\n");
                s.append(indent).append(x).append(" += ").append(mapWrite(write, other + "L")).append(";\n");
                s.append(indent).append(x).append(" ^= ").append(v).append(" == null ? ").append(random.nextInt(100)).append("L : ").append(v).append(" * 3;\n");
            }
            default -> {
                String k = "ka" + names++, j = "kb" + names++;
                s.append(indent).append("long ").append(k).append(" = (long) ").append(RandomExpressions.paren(e.longExpr(2))).append(" & 15, ")
                        .append(j).append(" = (long) ").append(RandomExpressions.paren(e.intExpr(2))).append(" & 15;\n");
                s.append(indent).append("Long ").append(v).append(" = m.lookup(").append(k).append(");\n");
                s.append(indent).append("if (").append(k).append(random.nextBoolean() ? " != " + j + ") {\n" : " == " + j + ") " + x + "++;\n" + indent + "else {\n");
                s.append(indent).append("    ").append(x).append(" += ").append(mapWrite(write, j)).append(";\n");
                s.append(indent).append("    if (").append(v).append(" != null) ").append(x).append(" += ").append(v).append(" * 5;\n");
                s.append(indent).append("}\n");
            }
        }
    }

    private String mapWrite(String write, String key) {
        return switch (write) {
            case "update" -> "m.update(" + key + ", " + e.longExpr(1) + ")";
            case "increment" -> "m.increment(" + key + ")";
            default -> "m.add(" + key + ", " + e.longExpr(1) + ")";
        };
    }

    String pick(String... options) { return options[random.nextInt(options.length)]; }
}
