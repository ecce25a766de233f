package org.jbpf.it.semantics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random probes of two programs that share their state, as entry and exit probes do: {@code put} writes global
 * variables of every width, global tables ({@code int[]}, {@code long[]}, {@code short[]}, {@code char[]} with
 * constant initialisers, and a byte array), a hash map, a per-CPU array and ring buffer records, and {@code run} reads
 * what {@code put} left there (and writes some of it too). Both compute with byte, short, char, int and long locals
 * whose compound assignments narrow and overflow, read the task's command name with {@code Helpers.comm} and compare
 * it with {@code Strings}, copy it into the global byte array and into records, call a chain of {@code @NoInline}
 * functions of five arguments of mixed widths, run {@code Loops.repeat} bodies that read and write the tables and
 * globals from the kernel's callback, and walk the tables with {@code Loops.numbers}. Each program stores its result in {@code out}; the
 * Java copy (package {@code ref}) runs {@code put} and {@code f} on the JVM with the maps as models and the command
 * name of the thread that runs the kernel's test run ({@link DataModels#comm}).
 *
 * <p>Indexes into the tables are checked or masked by the program itself, as Java would throw where BPF reads 0;
 * per-CPU values are only added to (their sum over CPUs is compared); map keys stay below 16.
 */
final class RandomShared {
    private static final String[] WORDS = {"java", "ja", "j", "main", "jav", "bash", "", "java\\0"};
    private static final String[] NARROW = {"b0", "s0", "c0"};
    private static final String[] COMPOUND = {"+=", "-=", "*=", "&=", "|=", "^=", "<<=", ">>=", ">>>="};
    /** The global tables: name, element type, length. */
    private static final String[][] TABLES = {{"ti", "int", "5"}, {"tl", "long", "4"}, {"ts", "short", "4"}, {"tc", "char", "3"}};

    private final long seed;
    private String name;
    private Random random;
    private RandomExpressions e;
    private boolean java;
    private int names;

    RandomShared(long seed) { this.seed = seed; }

    /** The source of probe {@code gen.P<i>}, or with {@code java} of its copy {@code ref.P<i>}. */
    String source(int i, boolean java) {
        this.java = java;
        random = new Random(seed ^ (i + 1) * 0xD6E8FEB86659FD93L);
        e = new RandomExpressions(random, java);
        e.edges = true;
        names = 0;
        name = "P" + i;
        StringBuilder s = new StringBuilder();
        s.append("package ").append(java ? "ref" : "gen").append(";\n");
        s.append("import org.jbpf.*;\nimport org.jbpf.maps.*;\nimport org.jbpf.it.semantics.*;\n");
        s.append("@Bpf(license = \"GPL\")\npublic final class ").append(name).append(" {\n");
        s.append("    @Struct\n    public static final class Ev {\n        public long k;\n        public int n;\n        public short s;\n");
        s.append("        public byte t;\n        public char c;\n        public boolean z;\n        @Size(16) public byte[] name = new byte[16];\n    }\n");
        s.append("    @Struct\n    public static final class Acc {\n        public long sum;\n        public int hits;\n    }\n");
        s.append("    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);\n");
        s.append("    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 2);\n");
        if (java) {
            s.append("    public static final StateModels.Longs pa = new StateModels.Longs(4);\n");
            s.append("    public static final JavaSemantics.MapModel hm = new JavaSemantics.MapModel();\n");
            s.append("    public static final DataModels.Ring ring = new DataModels.Ring();\n");
        } else {
            s.append("    public static final PerCpuArray<Long> pa = new PerCpuArray<>(Long.class, 4);\n");
            s.append("    public static final HashMap<Long, Long> hm = new HashMap<>(Long.class, Long.class, 64);\n");
            s.append("    public static final RingBuffer ring = new RingBuffer(1 << 16);\n");
        }
        s.append("    static long gl;\n    static int gi = ").append(random.nextInt(2000) - 1000).append(";\n    static short gs = ")
                .append(random.nextInt(65536) - 32768).append(";\n    static byte gt;\n    static char gc = 'j';\n    static boolean gz;\n");
        s.append("    static int[] ti = {").append(random.nextInt(100)).append(", -1, ").append(Integer.MIN_VALUE).append(", 7, ").append(random.nextInt()).append("};\n");
        s.append("    static long[] tl = new long[4];\n    static short[] ts = {-32768, 32767, ").append(random.nextInt(300)).append(", 0};\n");
        s.append("    static char[] tc = {'a', 65535, ").append(random.nextInt(65536)).append("};\n    static byte[] gname = new byte[16];\n");
        functions(s);
        scan(s);
        method(s, "put", true);
        method(s, "f", false);
        for (String[] p : new String[][] {{"write", "put", "1"}, {"run", "f", "0"}}) {
            s.append("    @Section(\"xdp/").append(p[0]).append("\")\n    public static int ").append(p[0]).append("(XdpContext ctx) {\n");
            s.append("        Long a = in.lookup(0), b = in.lookup(1);\n        if (a == null || b == null) return XdpContext.XDP_ABORTED;\n");
            s.append("        out.update(").append(p[2]).append(", ").append(p[1]).append("(a, b));\n        return XdpContext.XDP_PASS;\n    }\n");
        }
        return s.append("}\n").toString();
    }

    /** {@code n0} calls {@code n1}, which calls {@code n2}: each a BPF function of five arguments of mixed widths. */
    private void functions(StringBuilder s) {
        String[][] params = {{"long p0, int p1, short p2, byte p3, char p4", "p0", "p1, p2, p3, p4"},
                {"int q0, long q1, boolean q2, short q3, long q4", "q1, q4", "q0, q3"},
                {"char r0, byte r1, long r2, int r3, long r4", "r2, r4", "r0, r1, r3"}};
        for (int k = 2; k >= 0; k--) {
            e.inputs = List.of(params[k][1].split(", "));
            e.longs = e.inputs;
            e.ints = List.of(params[k][2].split(", "));
            e.booleans = k == 1 ? List.of("q2") : List.of();
            e.arrays = List.of();
            s.append("    @NoInline\n    static long n").append(k).append('(').append(params[k][0]).append(") {\n");
            s.append("        long t = ").append(e.longExpr(2)).append(";\n");
            s.append("        if (").append(e.condition(1)).append(") t ^= ").append(e.longExpr(1)).append(";\n");
            if (k < 2) s.append("        t += ").append(call(k + 1, 1)).append(";\n");
            s.append("        return t * 31 + ").append(e.longExpr(1)).append(";\n    }\n");
        }
    }

    /**
     * {@code static long scan(int i, Acc t)}, a {@code Loops.repeat} body (a bpf_loop callback): it reads and writes the
     * global tables at indexes made from {@code i}, adds to globals, and may stop the loop.
     */
    private void scan(StringBuilder s) {
        e.inputs = List.of("t.sum", "gl");
        e.longs = List.of("t.sum", "gl", "tl[i & 3]");
        e.ints = List.of("i", "t.hits", "ti[i % 5]", "ts[i & 3]", "tc[i % 3]", "gs");
        e.booleans = List.of("gz");
        e.arrays = List.of();
        s.append("    static long scan(int i, Acc t) {\n");
        for (int n = 1 + random.nextInt(3), k = 0; k < n; k++)
            s.append("        ").append(pick("t.sum " + pick("+=", "^=", "-=") + " " + e.longExpr(2), "t.hits " + pick("+=", "^=") + " " + e.intExpr(2),
                    "if (" + e.condition(1) + ") t.hits++", "gl += " + e.longExpr(1), "ts[i & 3] += (short) " + RandomExpressions.paren(e.intExpr(1)),
                    "tl[i & 3] ^= " + e.longExpr(1), "ti[i % 5] " + pick("+=", "*=") + " " + e.intExpr(1))).append(";\n");
        s.append("        return ").append(random.nextBoolean() ? "0" : e.condition(1) + " ? 1 : 0").append(";\n    }\n");
    }

    /** A call of {@code n<k>} with arguments from the current scope, cast to the parameters' widths. */
    private String call(int k, int depth) {
        String[][] types = {{"long", "int", "short", "byte", "char"}, {"int", "long", "boolean", "short", "long"}, {"char", "byte", "long", "int", "long"}};
        StringBuilder c = new StringBuilder("n").append(k).append('(');
        for (int j = 0; j < 5; j++) {
            String t = types[k][j];
            c.append(j == 0 ? "" : ", ").append(switch (t) {
                case "long" -> e.longExpr(depth);
                case "int" -> e.intExpr(depth);
                case "boolean" -> e.condition(depth);
                default -> "(" + t + ") " + RandomExpressions.paren(e.intExpr(depth));
            });
        }
        return c.append(')').toString();
    }

    /** {@code static long <name>(long a, long b)}: the writer's ({@code put}) or the reader's body. */
    private void method(StringBuilder s, String name, boolean writer) {
        s.append("    public static long ").append(name).append("(long a, long b) {\n");
        s.append("        long x0 = a, x1 = b;\n        int y0 = (int) a, y1 = (int) (b >>> 7);\n");
        s.append("        short s0 = (short) b;\n        byte b0 = (byte) a;\n        char c0 = (char) (a >>> 16);\n");
        s.append("        byte[] cm = new byte[16];\n        ").append(java ? "DataModels" : "Helpers").append(".comm(cm);\n");
        e.inputs = List.of("a", "b");
        e.longs = new ArrayList<>(List.of("x0", "x1", "gl"));
        e.ints = new ArrayList<>(List.of("y0", "y1", "s0", "b0", "c0", "gi", "gs", "gt", "gc"));
        e.booleans = List.of("gz", "Strings.startsWith(cm, \"" + pick(WORDS) + "\")", "Strings.equals(gname, \"" + pick(WORDS) + "\")");
        List<String[]> arrays = new ArrayList<>(List.of(TABLES));
        arrays.add(new String[] {"cm", "byte", "16"});
        arrays.add(new String[] {"gname", "byte", "16"});
        e.arrays = arrays;
        for (int n = 3 + random.nextInt(5), k = 0; k < n; k++) statement(s, 2 + random.nextInt(2), "        ", writer);
        s.append("        long r = x0 * 31 + x1 ^ y0 * 3L + y1 + s0 * 5L + b0 * 7L + c0 * 11L;\n");
        s.append("        r = r * 31 + gl + gi * 3L + gs * 5 + gt * 7 + gc * 11 + (gz ? 13 : 0);\n");
        for (String[] t : TABLES) s.append("        for (").append(t[1]).append(" v : ").append(t[0]).append(") r = r * 31 + v;\n");
        s.append("        for (byte v : gname) r = r * 31 + v;\n        return r;\n    }\n");
    }

    private void statement(StringBuilder s, int depth, String indent, boolean writer) {
        int kind = depth <= 0 ? random.nextInt(4) : random.nextInt(writer ? 16 : 14);
        if (kind >= 12 && !writer) kind += 2;   // the reader neither updates the hash map nor sends records
        String x = pick("x0", "x1"), y = pick("y0", "y1");
        switch (kind) {
            case 0 -> s.append(indent).append(pick(NARROW)).append(' ').append(pick(pick(COMPOUND), "+=", "-=")).append(' ')
                    .append(random.nextBoolean() ? e.intExpr(2) : e.longExpr(1)).append(";\n");
            case 1 -> s.append(indent).append(pick(x + " += b0 * c0 - s0", y + " = s0 * c0 + b0", x + " ^= (long) " + pick(NARROW) + " << " + pick(NARROW),
                    pick(NARROW) + pick("++", "--"), y + " " + pick(COMPOUND) + " " + e.intExpr(2), x + " " + pick("=", "+=", "^=") + " " + e.longExpr(2))).append(";\n");
            case 2 -> global(s, indent);
            case 3 -> tableStore(s, indent);
            case 4 -> s.append(indent).append(x).append(" += ").append(call(random.nextInt(3), 1)).append(";\n");
            case 5 -> {
                String v = "v" + names++;
                s.append(indent).append("Long ").append(v).append(" = hm.lookup(").append(key()).append(");\n");
                s.append(indent).append("if (").append(v).append(" != null) ").append(x).append(" ^= ").append(v).append(";\n");
            }
            case 6 -> {
                s.append(indent).append("if (Strings.").append(pick("equals", "startsWith")).append('(').append(pick("cm", "gname")).append(", \"")
                        .append(pick(WORDS)).append("\")) {\n");
                statement(s, depth - 1, indent + "    ", writer);
                s.append(indent).append("} else {\n");
                statement(s, depth - 1, indent + "    ", writer);
                s.append(indent).append("}\n");
            }
            case 7 -> {
                String i = "i" + names++;
                String[] t = table();
                s.append(indent).append("for (int ").append(i).append(" = 0; ").append(i).append(" < ").append(t[0]).append(".length; ").append(i).append("++) {\n");
                e.ints.add(i);
                if (random.nextBoolean()) s.append(indent).append("    if (").append(e.condition(1)).append(") ").append(pick("break", "continue")).append(";\n");
                s.append(indent).append("    ").append(x).append(" += ").append(t[0]).append('[').append(i).append("] * ").append(e.longExpr(1)).append(";\n");
                statement(s, depth - 1, indent + "    ", writer);
                e.ints.remove(i);
                s.append(indent).append("}\n");
            }
            case 8 -> {
                s.append(indent).append("if (").append(e.condition(2)).append(") {\n");
                statement(s, depth - 1, indent + "    ", writer);
                s.append(indent).append("}\n");
            }
            case 9 -> s.append(indent).append(x).append(" -= hm.").append(pick("increment(" + key() + ")", "add(" + key() + ", " + e.longExpr(1) + ")")).append(";\n");
            case 10 -> s.append(indent).append(x).append(" -= pa.add(").append(pick("0", "1", "2", "3", "(int) (" + e.longExpr(1) + " & 3)")).append(", ")
                    .append(e.longExpr(1)).append(");\n");
            case 11 -> s.append(indent).append("System.arraycopy(cm, 0, gname, 0, 16);\n");
            case 12 -> s.append(indent).append(x).append(" -= hm.update(").append(key()).append(", ").append(e.longExpr(2)).append(");\n");
            case 13 -> record(s, indent);
            case 14 -> {
                String acc = "acc" + names++;
                s.append(indent).append("Acc ").append(acc).append(" = new Acc();\n").append(indent).append(acc).append(".sum = ").append(e.longExpr(1)).append(";\n");
                s.append(indent).append(y).append(" += Loops.repeat(").append(random.nextBoolean() ? Integer.toString(random.nextInt(10)) : "(" + e.intExpr(1) + ") & 15")
                        .append(", ").append(name).append("::scan, ").append(acc).append(");\n");
                s.append(indent).append(x).append(" += ").append(acc).append(".sum * 3 + ").append(acc).append(".hits;\n");
            }
            default -> numbers(s, depth, indent, writer);
        }
    }

    /** A {@code Loops.numbers} loop over a table's indexes, which may leave early, and closed after it. */
    private void numbers(StringBuilder s, int depth, String indent, boolean writer) {
        String it = "it" + names++, k = "k" + names++, in = indent + "    ";
        String[] t = table();
        s.append(indent).append("Loops.Numbers ").append(it).append(" = Loops.numbers(").append(random.nextInt(2)).append(", ").append(t[0]).append(".length);\n");
        s.append(indent).append("while (").append(it).append(".next()) {\n").append(in).append("int ").append(k).append(" = ").append(it).append(".value();\n");
        e.ints.add(k);
        if (random.nextBoolean()) s.append(in).append("if (").append(e.condition(1)).append(") break;\n");
        s.append(in).append(pick("x0", "x1")).append(" += ").append(t[0]).append('[').append(k).append("] * ").append(e.longExpr(1)).append(";\n");
        if (random.nextBoolean()) s.append(in).append(t[0]).append('[').append(k).append("] ").append(t[1].equals("long") || t[1].equals("int") ? "^= " + e.intExpr(1)
                : "+= " + e.intExpr(1)).append(";\n");
        statement(s, 0, in, writer);
        e.ints.remove(k);
        s.append(indent).append("}\n").append(indent).append(it).append(".close();\n");
    }

    private void global(StringBuilder s, String indent) {
        String line = switch (random.nextInt(8)) {
            case 0 -> "gl " + pick("=", "+=", "^=", "*=") + " " + e.longExpr(2);
            case 1 -> "gi " + pick(COMPOUND) + " " + e.intExpr(2);
            case 2 -> "gs " + pick("+=", "*=", "-=", ">>=") + " " + e.intExpr(1);
            case 3 -> "gt " + pick("+=", "=(byte)", "^=") + " " + RandomExpressions.paren(e.intExpr(2));
            case 4 -> "gz = " + pick("!gz", e.condition(1));
            case 5 -> "gc" + pick("++", " += 2", "--", " *= 3");
            case 6 -> "gname[(" + e.intExpr(1) + ") & 15] += (byte) " + RandomExpressions.paren(e.intExpr(1));
            default -> "gl += gi * gs + gt - gc";
        };
        s.append(indent).append(line).append(";\n");
    }

    /** A store into a global table through an index the program checks, or masks into range. */
    private void tableStore(StringBuilder s, String indent) {
        String[] t = table();
        boolean wide = t[1].equals("long") || t[1].equals("int");
        String value = t[1].equals("long") ? e.longExpr(2) : (wide ? "" : "(" + t[1] + ") ") + RandomExpressions.paren(e.intExpr(2));
        String op = wide ? pick("=", "+=", "^=", "*=") : pick("=", "+=", "-=");
        if (random.nextBoolean()) {
            String ix = "ix" + names++;
            s.append(indent).append("int ").append(ix).append(" = ").append(e.intExpr(2)).append(";\n");
            s.append(indent).append("if (").append(ix).append(" >= 0 && ").append(ix).append(" < ").append(t[0]).append(".length) ")
                    .append(t[0]).append('[').append(ix).append("] ").append(op).append(' ').append(value).append(";\n");
        } else {
            int mask = Integer.highestOneBit(Integer.parseInt(t[2])) - 1;
            s.append(indent).append(t[0]).append("[(").append(e.intExpr(1)).append(") & ").append(mask).append("] ").append(op).append(' ').append(value).append(";\n");
        }
    }

    /** A record to the ring with the command name in it: reserved, every field written, submitted; or output by copy. */
    private void record(StringBuilder s, String indent) {
        String ev = "ev" + names++, in = indent + "    ";
        boolean reserved = random.nextBoolean();
        s.append(indent).append("Ev ").append(ev).append(" = ").append(reserved ? "ring.reserve(Ev.class)" : "new Ev()").append(";\n");
        if (reserved) s.append(indent).append("if (").append(ev).append(" != null) {\n");
        String at = reserved ? in : indent;
        s.append(at).append(ev).append(".k = ").append(e.longExpr(2)).append(";\n");
        s.append(at).append(ev).append(".n = ").append(e.intExpr(1)).append(";\n");
        s.append(at).append(ev).append(".s = ").append(pick("s0", "(short) " + RandomExpressions.paren(e.intExpr(1)))).append(";\n");
        s.append(at).append(ev).append(".t = ").append(pick("b0", "gt", "(byte) " + RandomExpressions.paren(e.intExpr(1)))).append(";\n");
        s.append(at).append(ev).append(".c = ").append(pick("c0", "gc", "(char) " + RandomExpressions.paren(e.intExpr(1)))).append(";\n");
        s.append(at).append(ev).append(".z = ").append(e.condition(1)).append(";\n");
        s.append(at).append("System.arraycopy(").append(pick("cm", "gname")).append(", 0, ").append(ev).append(".name, 0, 16);\n");
        if (reserved) s.append(in).append("ring.submit(").append(ev).append(");\n").append(indent).append("}\n");
        else s.append(indent).append(pick("x0", "x1")).append(" += ring.output(").append(ev).append(");\n");
    }

    private String key() { return "(long) " + RandomExpressions.paren(e.longExpr(1)) + " & 15"; }

    private String pick(String... options) { return options[random.nextInt(options.length)]; }

    private String[] table() { return TABLES[random.nextInt(TABLES.length)]; }
}
