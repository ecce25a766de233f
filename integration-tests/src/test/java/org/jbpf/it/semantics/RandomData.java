package org.jbpf.it.semantics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random probes shaped like the tools users write: state in a hash map of {@code @Struct} values, counters
 * under computed keys in a hash map, an LRU hash map, a per-CPU hash map and an array map, global variables of every
 * width read and written, a local {@code @Struct} with fields of every width, local arrays stored through indexes the
 * program checks itself, text in byte buffers compared with {@code Strings.equals}/{@code startsWith}, helper methods
 * that take the struct by reference (some {@code @NoInline}) or leave their loop early with {@code return},
 * {@code Loops.repeat} and {@code Loops.numbers} loops, early returns out of loops and records sent to a ring buffer.
 * Each probe computes {@code f(long a, long b)}; its Java copy (package {@code ref}) runs the same method on the JVM
 * with the maps and the ring as models ({@link StateModels}, {@link JavaSemantics.MapModel}, {@link DataModels}), and
 * the test compares the result of every run, then the maps, the globals and the ring's records.
 *
 * <p>The rules that keep Java's meaning and the kernel's the same: keys stay below 32, so no map fills and the LRU
 * map never evicts; a hash map value's pointer is used only inside its null test, with no update or delete of that
 * map there; per-CPU values are only added to (their sum over CPUs is what is compared); every field of a reserved
 * record is written before it is submitted; no {@code return} leaves a {@code Loops.numbers} loop before its close.
 */
final class RandomData {
    static final String[] WORDS = {"bash", "java", "sh", "bpftool", "javac", "b", "jav", "sshd"};
    private static final String[] COMPOUND = {"+=", "-=", "*=", "&=", "|=", "^=", "<<=", ">>=", ">>>="};
    private static final String[][] LOCAL_ARRAYS = {{"la", "long", "8"}, {"ia", "int", "6"}, {"sa", "short", "5"}, {"ba", "byte", "10"}};

    private final long seed;
    /** The modes: each adds shapes to the one before; a mode's draws stay as they were, so old seeds give the same programs. */
    static final int DATA = 0, WIDE = 1, DEEP = 2;
    /** Also the shapes {@link RandomShapes} writes. */
    private final boolean wide;
    /** Also the shapes {@link RandomDeepShapes} writes. */
    private final boolean deep;
    private RandomShapes shapes;
    private RandomDeepShapes deepShapes;
    private Random random;
    private RandomExpressions e;
    private boolean java, pointer, numbers;
    private int names;
    /** The class being written, for {@code P<i>::step}. */
    private String name;
    private String[] words;

    RandomData(long seed) { this(seed, DATA); }

    RandomData(long seed, int mode) {
        this.seed = seed;
        this.wide = mode >= WIDE;
        this.deep = mode >= DEEP;
    }

    /** The source of probe {@code gen.P<i>}, or with {@code java} of its copy {@code ref.P<i>}. */
    String source(int i, boolean java) {
        this.java = java;
        random = new Random(seed ^ (i + 1) * 0xC2B2AE3D27D4EB4FL);
        e = new RandomExpressions(random, java);
        shapes = wide ? new RandomShapes(random, e, java) : null;
        deepShapes = deep ? new RandomDeepShapes(random, e, java) : null;
        names = 0;
        pointer = numbers = false;
        words = new String[] {pick(WORDS), pick(WORDS), pick(WORDS), pick(WORDS)};
        name = "P" + i;
        StringBuilder s = new StringBuilder();
        s.append("package ").append(java ? "ref" : "gen").append(";\n");
        s.append("import org.jbpf.*;\nimport org.jbpf.maps.*;\nimport org.jbpf.it.semantics.*;\n");
        s.append("@Bpf(license = \"GPL\")\npublic final class ").append(name).append(" {\n");
        s.append("    @Struct\n    public static final class V {\n        public long a;\n        public int b;\n        public short c;\n");
        s.append("        public byte d;\n        public char e;\n        public boolean z;\n        @Size(4) public long[] w = new long[4];\n    }\n");
        s.append("    @Struct\n    public static final class St {\n        public long l;\n        public int i;\n        public short s;\n");
        s.append("        public byte t;\n        public char c;\n        public boolean z;\n        @Size(12) public byte[] name = new byte[12];\n");
        s.append("        @Size(4) public int[] v = new int[4];\n    }\n");
        s.append("    @Struct\n    public static final class Ev {\n        public long k;\n        public int n;\n        public short s;\n");
        s.append("        public byte t;\n        public char c;\n        public boolean z;\n        @Size(8) public byte[] tag = new byte[8];\n");
        if (deep) RandomDeepShapes.recordFields(s);
        s.append("    }\n");
        s.append("    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);\n");
        s.append("    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);\n");
        if (java) {
            s.append("    public static final StateModels.Hash<V> hm = new StateModels.Hash<>(V::new, ").append(name).append("::assign);\n");
            s.append("    public static final JavaSemantics.MapModel ac = new JavaSemantics.MapModel(), lru = new JavaSemantics.MapModel(),"
                    + " pch = new JavaSemantics.MapModel();\n");
            s.append("    public static final StateModels.Longs am = new StateModels.Longs(8);\n");
            s.append("    public static final DataModels.Ring ring = new DataModels.Ring();\n");
            if (wide) s.append("    public static final JavaSemantics.MapModel lr8 = new JavaSemantics.MapModel();\n")
                    .append("    public static final StateModels.Longs pca = new StateModels.Longs(4);\n");
            s.append("    static void assign(V to, V from) {\n        to.a = from.a; to.b = from.b; to.c = from.c; to.d = from.d; to.e = from.e;"
                    + " to.z = from.z;\n        System.arraycopy(from.w, 0, to.w, 0, 4);\n    }\n");
        } else {
            s.append("    public static final HashMap<Integer, V> hm = new HashMap<>(Integer.class, V.class, 64);\n");
            s.append("    public static final HashMap<Long, Long> ac = new HashMap<>(Long.class, Long.class, 64);\n");
            s.append("    public static final LruHashMap<Long, Long> lru = new LruHashMap<>(Long.class, Long.class, 1024);\n");
            s.append("    public static final PerCpuHashMap<Long, Long> pch = new PerCpuHashMap<>(Long.class, Long.class, 64);\n");
            s.append("    public static final ArrayMap<Long> am = new ArrayMap<>(Long.class, 8);\n");
            s.append("    public static final RingBuffer ring = new RingBuffer(1 << 16);\n");
            if (wide) s.append("    public static final LruHashMap<Long, Long> lr8 = new LruHashMap<>(Long.class, Long.class, 8);\n")
                    .append("    public static final PerCpuArray<Long> pca = new PerCpuArray<>(Long.class, 4);\n");
        }
        s.append("    static long gl;\n    static int gi = ").append(random.nextInt(2000) - 1000).append(";\n    static short gs = -3;\n");
        s.append("    static byte gt;\n    static char gc = 'q';\n    static boolean gz;\n    static byte[] gbuf = new byte[8];\n");
        helpers(s);
        if (wide) shapes.helpers(s, name);
        if (deep) deepShapes.declarations(s, name);
        s.append("    public static long f(long a, long b) {\n");
        s.append("        long x0 = a, x1 = b, x2 = a ^ (b << 7);\n        int y0 = (int) a, y1 = (int) (b >>> 3);\n        boolean q0 = a < b;\n");
        s.append("        St st = new St();\n        st.l = a * 3;\n        st.i = (int) b;\n        st.s = (short) (a >> 5);\n        st.c = (char) b;\n");
        s.append("        word(st, (int) (a ^ b >>> 2));\n        V vv = new V();\n        vv.a = b;\n        vv.c = (short) a;\n");
        s.append("        long[] la = new long[8];\n        int[] ia = new int[6];\n        short[] sa = new short[5];\n        byte[] ba = new byte[10];\n");
        s.append("        byte[] w = new byte[8];\n        System.arraycopy(st.name, 0, w, 0, 8);\n");
        scope(List.of("a", "b"), List.of("x0", "x1", "x2", "st.l", "gl", "vv.a", "(long) gi"),
                List.of("y0", "y1", "st.i", "st.s", "st.t", "st.c", "gi", "gs", "gt", "gc"), List.of("q0", "st.z", "gz", "vv.z"), true);
        for (int n = 2 + random.nextInt(5), k = 0; k < n; k++) statement(s, 2 + random.nextInt(2), "        ");
        s.append("        long r = x0 * 31 + x1 ^ x2 * 7 + y0 * 3L + y1 + (q0 ? 1 : 2);\n");
        s.append("        r = r * 31 + st.l + st.i * 3 + st.s * 5 + st.t * 7 + st.c * 11 + (st.z ? 13 : 0) + vv.a + vv.b + vv.w[1];\n");
        s.append("        for (byte v : st.name) r = r * 31 + v;\n        for (int v : st.v) r = r * 31 + v;\n        for (byte v : w) r = r * 31 + v;\n");
        for (String[] a : LOCAL_ARRAYS) s.append("        for (").append(a[1]).append(" v : ").append(a[0]).append(") r = r * 31 + v;\n");
        s.append("        return r;\n    }\n");
        s.append("    @Section(\"xdp\")\n    public static int run(XdpContext ctx) {\n");
        s.append("        Long a = in.lookup(0), b = in.lookup(1);\n        if (a == null || b == null) return XdpContext.XDP_ABORTED;\n");
        s.append("        out.update(0, f(a, b));\n        return XdpContext.XDP_PASS;\n    }\n}\n");
        return s.toString();
    }

    /** Sets what expressions may read; with {@code arrays}, the local arrays too. */
    private void scope(List<String> inputs, List<String> longs, List<String> ints, List<String> booleans, boolean arrays) {
        e.inputs = inputs;
        e.longs = new ArrayList<>(longs);
        e.ints = new ArrayList<>(ints);
        e.booleans = booleans;
        e.arrays = arrays ? List.of(LOCAL_ARRAYS) : List.of();
    }

    /** {@code word} (a literal into the struct's name), {@code mix} (the struct by reference), {@code find} and {@code step}. */
    private void helpers(StringBuilder s) {
        s.append("    static void word(St t, int k) {\n        switch (k & 3) {\n");
        for (int k = 0; k < 4; k++) {
            s.append("            case ").append(k).append(" -> {\n");
            byte[] bytes = words[k].getBytes();
            for (int j = 0; j <= bytes.length && j < 12; j++)
                s.append("                t.name[").append(j).append("] = ").append(j < bytes.length ? "(byte) '" + (char) bytes[j] + "'" : "0").append(";\n");
            s.append("            }\n");
        }
        s.append("        }\n    }\n");
        scope(List.of("p"), List.of("p", "t.l", "(long) t.i"), List.of("t.i", "t.s", "t.c", "(int) p"), List.of("t.z"), false);
        if (random.nextBoolean()) s.append("    @NoInline\n");
        s.append("    static long mix(St t, long p) {\n");
        for (int n = 1 + random.nextInt(3), k = 0; k < n; k++) s.append("        ").append(structStore("t")).append(";\n");
        s.append("        return t.l ^ p + t.i;\n    }\n");
        if (random.nextInt(3) == 0) s.append("    @NoInline\n");
        s.append("    static int find(St t, int v) {\n");
        if (random.nextBoolean())
            s.append("        for (int i = 0; i < 12; i++) {\n            if (t.name[i] == v) return i;\n            if (t.name[i] == 0) break;\n        }\n");
        else s.append("        for (int i = 0; i < 4; i++) if (t.v[i] ").append(pick(">", "==", "<")).append(" v) return i * 3 + 1;\n");
        s.append("        return -1;\n    }\n");
        scope(List.of("(long) i"), List.of("t.l", "(long) i", "gl"), List.of("i", "t.i", "t.s", "gi"), List.of("t.z", "gz"), false);
        s.append("    static long step(int i, St t) {\n");
        s.append("        t.l ").append(pick("+=", "^=", "-=")).append(' ').append(e.longExpr(2)).append(";\n");
        if (random.nextBoolean()) s.append("        if (").append(e.condition(1)).append(") t.i++;\n");
        if (random.nextBoolean()) s.append("        ").append(counter("ac", "(t.l ^ i)", "t.l")).append(";\n");
        if (random.nextBoolean()) s.append("        gl += t.i;\n");
        if (random.nextBoolean()) s.append("        t.v[i & 3] += i;\n");
        s.append("        return ").append(random.nextBoolean() ? e.condition(1) + " ? 1 : 0" : "0").append(";\n    }\n");
    }

    private void statement(StringBuilder s, int depth, String indent) {
        int kind = depth <= 0 ? random.nextInt(5) : random.nextInt(deep ? 30 + RandomDeepShapes.KINDS : wide ? 30 : 22);
        String x = pick("x0", "x1", "x2"), y = pick("y0", "y1");
        if (kind >= 22) {
            if (kind >= 30) deepShapes.statement(s, kind - 30, x, y, indent, names++, name);
            else if (kind == 22) numbersLoop(s, depth, indent, true);
            else shapes.statement(s, kind - 23, x, y, indent, names++, this::statement, depth);
            return;
        }
        switch (kind) {
            case 0 -> s.append(indent).append(x).append(' ').append(pick("=", "+=", "^=", pick(COMPOUND))).append(' ').append(e.longExpr(2)).append(";\n");
            case 1 -> s.append(indent).append(y).append(' ').append(pick("=", "+=", pick(COMPOUND))).append(' ').append(e.intExpr(2)).append(";\n");
            case 2 -> checkedStore(s, indent);
            case 3 -> s.append(indent).append(structStore("st")).append(";\n");
            case 4 -> global(s, indent);
            case 5, 6 -> {
                if (pointer) s.append(indent).append(counter(pick("ac", "lru"), e.longExpr(1))).append(";\n");
                else withValue(s, depth, indent);
            }
            case 7 -> {
                if (pointer) s.append(indent).append("vv.b += ").append(e.intExpr(1)).append(";\n");
                else s.append(indent).append(x).append(" -= ").append(random.nextInt(3) == 0 ? "hm.delete(" + hashKey() + ")" : "hm.update(" + hashKey() + ", vv)").append(";\n");
            }
            case 8, 9 -> s.append(indent).append(counter(pick("ac", "lru", "pch", "am"), e.longExpr(2))).append(";\n");
            case 10 -> text(s, indent, depth);
            case 11 -> s.append(indent).append(x).append(" += mix(st, ").append(e.longExpr(2)).append(");\n");
            case 12 -> s.append(indent).append(y).append(" += Loops.repeat(").append(random.nextBoolean() ? Integer.toString(random.nextInt(9))
                    : "(" + e.intExpr(1) + ") & 15").append(", ").append(name).append("::step, st);\n");
            case 13 -> numbersLoop(s, depth, indent, false);
            case 14, 15 -> loop(s, depth, indent);
            case 16 -> record(s, indent);
            case 17 -> s.append(indent).append(y).append(" += find(st, ").append(random.nextBoolean() ? "'" + pick("a", "s", "h", "v", "t") + "'" : e.intExpr(1)).append(");\n");
            case 18 -> s.append(indent).append("vv.").append(pick("a += " + e.longExpr(1), "b ^= " + e.intExpr(1), "d = (byte) " + RandomExpressions.paren(e.intExpr(1)),
                    "w[" + e.intExpr(1) + " & 3] += " + e.longExpr(1), "z = " + e.condition(1))).append(";\n");
            default -> {
                s.append(indent).append("if (").append(e.condition(2)).append(") {\n");
                statement(s, depth - 1, indent + "    ");
                if (random.nextBoolean()) {
                    s.append(indent).append("} else {\n");
                    statement(s, depth - 1, indent + "    ");
                }
                s.append(indent).append("}\n");
            }
        }
    }

    /** A store into a local array through an index the program checks itself, or one it masks into range. */
    private void checkedStore(StringBuilder s, String indent) {
        String[] a = LOCAL_ARRAYS[random.nextInt(LOCAL_ARRAYS.length)];
        String cast = a[1].equals("long") || a[1].equals("int") ? "" : "(" + a[1] + ") ";
        String value = a[1].equals("long") ? e.longExpr(2) : cast + RandomExpressions.paren(e.intExpr(2));
        String op = cast.isEmpty() ? pick("=", "+=", "^=") : "=";
        if (random.nextBoolean()) {
            String ix = "ix" + names++;
            s.append(indent).append("int ").append(ix).append(" = ").append(random.nextBoolean() ? e.intExpr(2) : "(int) " + RandomExpressions.paren(e.longExpr(2))).append(";\n");
            s.append(indent).append("if (").append(ix).append(" >= 0 && ").append(ix).append(" < ").append(a[0]).append(".length) ").append(a[0]).append('[')
                    .append(ix).append("] ").append(op).append(' ').append(value).append(";\n");
        } else {
            int mask = Integer.highestOneBit(Integer.parseInt(a[2])) - 1;
            s.append(indent).append(a[0]).append("[(").append(e.intExpr(2)).append(") & ").append(mask).append("] ").append(op).append(' ').append(value).append(";\n");
        }
    }

    /** A store or compound store into a field of struct {@code t} (an {@code St}): every width, and an element of its arrays. */
    private String structStore(String t) {
        return switch (random.nextInt(9)) {
            case 0 -> t + ".l " + pick("=", "+=", "^=", "*=", ">>>=") + " " + e.longExpr(2);
            case 1 -> t + ".i " + pick("=", "+=", "|=", "<<=") + " " + e.intExpr(2);
            case 2 -> t + ".s " + pick("+=", "-=", "^=") + " " + e.intExpr(1);
            case 3 -> t + ".t " + pick("+=", "&=", ">>=", "=(byte)") + " " + RandomExpressions.paren(e.intExpr(1));
            case 4 -> t + ".c " + pick("+=", "-=") + " " + e.intExpr(1);
            case 5 -> t + ".z " + pick("=", "^=", "|=") + " " + e.condition(1);
            case 6 -> t + ".v[(" + e.intExpr(1) + ") & 3] += " + e.intExpr(1);
            case 7 -> t + ".name[(" + e.intExpr(1) + ") & 7] = (byte) '" + pick("a", "b", "h", "s", "j") + "'";
            default -> t + ".l += " + t + ".i * " + t + ".s - " + t + ".t";
        };
    }

    private String hashKey() { return "(int) (" + hash(e.longExpr(1)) + " & 15)"; }

    /** A key computed as real probes compute theirs: a multiplicative hash's top bits, or the value folded. */
    private String hash(String v) {
        return switch (random.nextInt(3)) {
            case 0 -> "(" + RandomExpressions.paren(v) + " * 0x9E3779B97F4A7C15L >>> 59)";
            case 1 -> "(long) Long.hashCode(" + v + ")";
            default -> RandomExpressions.paren(v);
        };
    }

    /** An operation on a counter map under a computed key, its result folded into a local. */
    private String counter(String map, String v) { return counter(map, v, pick("x0", "x1", "x2")); }

    /** The same, its result folded into {@code x}. */
    private String counter(String map, String v, String x) {
        if (map.equals("am")) {
            String key = pick("(int) (" + v + " & 7)", "(int) Long.remainderUnsigned(" + v + ", 10L)");
            return switch (random.nextInt(3)) {
                case 0 -> x + " -= am.increment(" + key + ")";
                case 1 -> x + " -= am.add(" + key + ", " + e.longExpr(1) + ")";
                default -> x + " += am.lookup(" + key + ") == null ? 1 : 2";
            };
        }
        String key = "(" + hash(v) + " & 31)";
        int k = map.equals("pch") ? random.nextInt(2) : random.nextInt(6);
        return switch (k) {
            case 0 -> x + " -= " + map + ".increment(" + key + ")";
            case 1 -> x + " -= " + map + ".add(" + key + ", " + e.longExpr(1) + ")";
            case 2 -> x + " -= " + map + ".update(" + key + ", " + e.longExpr(1) + ")";
            case 3 -> x + " -= " + map + ".delete(" + key + ")";
            default -> x + " ^= " + map + ".lookup(" + key + ") == null ? " + e.longExpr(1) + " : 3L";
        };
    }

    private void global(StringBuilder s, String indent) {
        String line = switch (random.nextInt(8)) {
            case 0 -> "gl " + pick("=", "+=", "^=", "*=") + " " + e.longExpr(2);
            case 1 -> "gi " + pick("+=", "-=", "^=", "<<=") + " " + e.intExpr(2);
            case 2 -> "gs " + pick("+=", "*=") + " " + e.intExpr(1);
            case 3 -> "gt = (byte) " + RandomExpressions.paren(e.intExpr(2));
            case 4 -> "gz = " + pick("!gz", e.condition(1));
            case 5 -> "gc" + pick("++", " += 2", "--");
            case 6 -> "gbuf[(" + e.intExpr(1) + ") & 7] += (byte) " + RandomExpressions.paren(e.intExpr(1));
            default -> "gl += gi * gs + gt";
        };
        s.append(indent).append(line).append(";\n");
    }

    /** A hash map value looked up under a computed key; statements on it inside the null test, an update in the else. */
    private void withValue(StringBuilder s, int depth, String indent) {
        String p = "p" + names++, in = indent + "    ";
        s.append(indent).append("V ").append(p).append(" = hm.lookup(").append(hashKey()).append(");\n");
        s.append(indent).append("if (").append(p).append(" != null) {\n");
        pointer = true;
        List<String> longs = e.longs;
        List<String> more = new ArrayList<>(longs);
        more.addAll(List.of(p + ".a", "(long) " + p + ".b", "(long) " + p + ".e"));
        e.longs = more;
        for (int n = 1 + random.nextInt(3), k = 0; k < n; k++) {
            if (random.nextInt(4) == 0) statement(s, depth - 1, in);
            else s.append(in).append(switch (random.nextInt(9)) {
                case 0 -> p + ".a " + pick("+=", "^=", "=") + " " + e.longExpr(2);
                case 1 -> p + ".b " + pick("+=", "*=", "|=") + " " + e.intExpr(1);
                case 2 -> p + ".c" + pick("++", "--", " += " + e.intExpr(1));
                case 3 -> p + ".d = (byte) " + RandomExpressions.paren(e.intExpr(1));
                case 4 -> p + ".e " + pick("+=", "-=") + " " + e.intExpr(1);
                case 5 -> p + ".z = !" + p + ".z";
                case 6 -> java ? p + ".w[(" + e.intExpr(1) + ") & 3] += " + e.longExpr(1) : "Atomic.add(" + p + ".w, (" + e.intExpr(1) + ") & 3, " + e.longExpr(1) + ")";
                case 7 -> java ? p + ".a += " + e.longExpr(1) : "Atomic.add(" + p + ", \"a\", " + e.longExpr(1) + ")";
                default -> java ? p + ".b++" : "Atomic.increment(" + p + ", \"b\")";
            }).append(";\n");
        }
        e.longs = longs;
        pointer = false;
        if (random.nextBoolean()) s.append(indent).append("} else {\n").append(in).append(pick("x0", "x1")).append(" += hm.update(").append(hashKey()).append(", vv);\n");
        s.append(indent).append("}\n");
    }

    /** Text compared with literals: the struct's name or the local buffer, after a new word or a changed byte. */
    private void text(StringBuilder s, String indent, int depth) {
        switch (random.nextInt(4)) {
            case 0 -> s.append(indent).append("word(st, ").append(e.intExpr(1)).append(");\n");
            case 1 -> s.append(indent).append("System.arraycopy(st.name, 0, w, 0, 8);\n");
            case 2 -> s.append(indent).append("w[(").append(e.intExpr(1)).append(") & 7] = (byte) '").append(pick("a", "b", "h", "s", "v")).append("';\n");
            default -> {
                String buf = pick("st.name", "w");
                s.append(indent).append("if (Strings.").append(pick("equals", "startsWith")).append('(').append(buf).append(", \"")
                        .append(random.nextBoolean() ? pick(words) : pick(WORDS)).append("\")) {\n");
                statement(s, depth - 1, indent + "    ");
                s.append(indent).append("} else if (Strings.startsWith(").append(pick("st.name", "w")).append(", \"").append(pick("b", "ja", "s", "bp")).append("\")) {\n");
                s.append(indent).append("    ").append(pick("x0", "x1", "x2")).append(" += ").append(e.longExpr(1)).append(";\n");
                s.append(indent).append("}\n");
            }
        }
    }

    /** A {@code Loops.numbers} loop, left by {@code break} and closed after it; with {@code repeat}, a {@code Loops.repeat} inside. */
    private void numbersLoop(StringBuilder s, int depth, String indent, boolean repeat) {
        String it = "it" + names++, v = "n" + names++, in = indent + "    ";
        String to = random.nextBoolean() ? Integer.toString(1 + random.nextInt(8)) : "(" + e.intExpr(1) + ") & 7";
        s.append(indent).append("Loops.Numbers ").append(it).append(" = Loops.numbers(").append(random.nextInt(3)).append(", ").append(to).append(");\n");
        s.append(indent).append("while (").append(it).append(".next()) {\n");
        s.append(in).append("int ").append(v).append(" = ").append(it).append(".value();\n");
        e.ints.add(v);
        boolean outer = numbers;
        numbers = true;
        if (random.nextInt(3) == 0) s.append(in).append("if (").append(e.condition(1)).append(") break;\n");
        if (repeat) s.append(in).append(pick("y0", "y1")).append(" += Loops.repeat((").append(v).append(" + ").append(e.intExpr(1)).append(") & 7, ")
                .append(name).append("::step, st);\n");
        statement(s, depth - 1, in);
        s.append(in).append(pick("x0", "x1", "x2")).append(" += ").append(v).append(" * ").append(e.longExpr(1)).append(";\n");
        numbers = outer;
        e.ints.remove(v);
        s.append(indent).append("}\n").append(indent).append(it).append(".close();\n");
    }

    /** A counted loop that may break, continue, or return from f early. */
    private void loop(StringBuilder s, int depth, String indent) {
        String i = "i" + names++, in = indent + "    ";
        String bound = random.nextBoolean() ? Integer.toString(1 + random.nextInt(5)) : "(" + pick("y0", "y1") + " & " + pick("3", "7") + ")";
        s.append(indent).append("for (int ").append(i).append(" = 0; ").append(i).append(" < ").append(bound).append("; ").append(i).append("++) {\n");
        e.ints.add(i);
        statement(s, depth - 1, in);
        if (!numbers && random.nextBoolean())
            s.append(in).append("if (").append(e.condition(1)).append(") return ").append(e.longExpr(1)).append(" ^ st.l + ").append(i).append(";\n");
        else if (random.nextBoolean()) s.append(in).append("if (").append(e.condition(1)).append(") ").append(pick("break", "continue")).append(";\n");
        s.append(in).append(pick("x0", "x1", "x2")).append(" += ").append(i).append(" * ").append(e.longExpr(1)).append(";\n");
        e.ints.remove(i);
        s.append(indent).append("}\n");
    }

    /** A record to the ring: reserved, every field written, submitted; or a local record output by copy. */
    private void record(StringBuilder s, String indent) {
        String ev = "ev" + names++, in = indent + "    ";
        boolean reserved = random.nextBoolean();
        s.append(indent).append("Ev ").append(ev).append(" = ").append(reserved ? "ring.reserve(Ev.class)" : "new Ev()").append(";\n");
        if (reserved) s.append(indent).append("if (").append(ev).append(" != null) {\n");
        String at = reserved ? in : indent;
        s.append(at).append(ev).append(".k = ").append(e.longExpr(2)).append(";\n");
        s.append(at).append(ev).append(".n = ").append(e.intExpr(1)).append(";\n");
        s.append(at).append(ev).append(".s = (short) ").append(RandomExpressions.paren(e.intExpr(1))).append(";\n");
        s.append(at).append(ev).append(".t = (byte) ").append(RandomExpressions.paren(e.intExpr(1))).append(";\n");
        s.append(at).append(ev).append(".c = (char) ").append(RandomExpressions.paren(e.intExpr(1))).append(";\n");
        s.append(at).append(ev).append(".z = ").append(e.condition(1)).append(";\n");
        s.append(at).append(random.nextBoolean() ? "System.arraycopy(" + pick("st.name", "w") + ", 0, " + ev + ".tag, 0, 8)" : "java.util.Arrays.fill(" + ev + ".tag, (byte) " + random.nextInt(100) + ")").append(";\n");
        if (random.nextBoolean()) s.append(at).append(ev).append(".tag[(").append(e.intExpr(1)).append(") & 7] = (byte) ").append(RandomExpressions.paren(e.intExpr(1))).append(";\n");
        if (deep) deepShapes.recordArrays(s, ev, at, names++);
        if (reserved) s.append(in).append("ring.submit(").append(ev).append(");\n").append(indent).append("}\n");
        else s.append(indent).append(pick("x0", "x1")).append(" += ring.output(").append(ev).append(");\n");
    }

    private String pick(String... options) { return options[random.nextInt(options.length)]; }
}
