package org.jbpf.it.semantics;

import java.util.List;
import java.util.Random;

/**
 * The shapes of {@link RandomData}'s third mode: a hash map whose {@code @Struct} values hold an array of structs and an
 * int array, addressed through variable indexes the program checks itself (and through masks); the long array of the
 * hash map's values read and written through checked variable indexes; an enum whose constants carry final fields,
 * switched on and compared; the unsigned conversions and compares of {@code Short}, {@code Byte}, {@code Integer} and
 * {@code Long}; {@code Loops.repeat} with a non-capturing lambda as its body, which may stop the loop; and ring records
 * holding a long array and an array of structs, every element written before the record goes.
 */
final class RandomDeepShapes {
    static final int KINDS = 5;
    private final Random random;
    private final RandomExpressions e;
    private final boolean java;

    RandomDeepShapes(Random random, RandomExpressions e, boolean java) {
        this.random = random;
        this.e = e;
        this.java = java;
    }

    /** The struct, enum and map declarations, and the Java copy's models. */
    void declarations(StringBuilder s, String name) {
        s.append("    @Struct\n    public static final class Slot {\n        public long k;\n        public int c;\n        public short t;\n    }\n");
        s.append("    @Struct\n    public static final class Box {\n        public long n;\n        @Size(4) public Slot[] slots = new Slot[4];\n");
        s.append("        @Size(6) public int[] h = new int[6];\n");
        s.append("        public Box() {\n            for (int i = 0; i < slots.length; i++) slots[i] = new Slot();\n        }\n    }\n");
        s.append("    public enum Lv {\n        LOW(1, 'l'), MID(5, 'm'), HIGH(-9, 'h');\n        final int w;\n        final char t;\n");
        s.append("        Lv(int w, char t) {\n            this.w = w;\n            this.t = t;\n        }\n    }\n");
        if (java) {
            s.append("    public static final StateModels.Hash<Box> sm = new StateModels.Hash<>(Box::new, ").append(name).append("::assignBox);\n");
            s.append("    static void assignBox(Box to, Box from) {\n        to.n = from.n;\n        System.arraycopy(from.h, 0, to.h, 0, 6);\n");
            s.append("        for (int i = 0; i < 4; i++) {\n            to.slots[i].k = from.slots[i].k;\n            to.slots[i].c = from.slots[i].c;\n");
            s.append("            to.slots[i].t = from.slots[i].t;\n        }\n    }\n");
        } else s.append("    public static final HashMap<Integer, Box> sm = new HashMap<>(Integer.class, Box.class, 64);\n");
    }

    /** The ring record's extra fields, declared in {@code Ev}. */
    static void recordFields(StringBuilder s) {
        s.append("        @Size(3) public long[] vals = new long[3];\n        @Size(2) public Slot[] pts = new Slot[2];\n");
        s.append("        public Ev() {\n            for (int i = 0; i < pts.length; i++) pts[i] = new Slot();\n        }\n");
    }

    /** Writes every element of record {@code ev}'s extra fields, then maybe one more through a checked index. */
    void recordArrays(StringBuilder s, String ev, String at, int n) {
        for (int j = 0; j < 3; j++) s.append(at).append(ev).append(".vals[").append(j).append("] = ").append(e.longExpr(1)).append(";\n");
        for (int j = 0; j < 2; j++) {
            s.append(at).append(ev).append(".pts[").append(j).append("].k = ").append(e.longExpr(1)).append(";\n");
            s.append(at).append(ev).append(".pts[").append(j).append("].c = ").append(e.intExpr(1)).append(";\n");
            s.append(at).append(ev).append(".pts[").append(j).append("].t = (short) ").append(RandomExpressions.paren(e.intExpr(1))).append(";\n");
        }
        if (random.nextBoolean()) {
            String ix = "rx" + n;
            boolean vals = random.nextBoolean();
            s.append(at).append("int ").append(ix).append(" = ").append(e.intExpr(1)).append(";\n");
            s.append(at).append("if (").append(ix).append(" >= 0 && ").append(ix).append(" < ").append(ev).append(vals ? ".vals" : ".pts").append(".length) ")
                    .append(ev).append(vals ? ".vals[" + ix + "] += " + e.longExpr(1) : ".pts[" + ix + "].c += " + e.intExpr(1)).append(";\n");
        }
    }

    /** Statement {@code kind} (below {@link #KINDS}), folded into long {@code x} or int {@code y}; {@code n} names its locals. */
    void statement(StringBuilder s, int kind, String x, String y, String indent, int n, String name) {
        switch (kind) {
            case 0 -> box(s, x, indent, n);
            case 1 -> valueArray(s, x, indent, n);
            case 2 -> level(s, x, y, indent, n);
            case 3 -> unsigned(s, x, y, indent);
            default -> lambda(s, y, indent);
        }
    }

    private String key() { return "(int) (" + RandomExpressions.paren(e.longExpr(1)) + " & 15)"; }

    /** A map value holding structs: elements addressed through a checked variable index and a mask, or a new value stored. */
    private void box(StringBuilder s, String x, String indent, int n) {
        String b = "bx" + n, ix = "bi" + n, in = indent + "    ";
        s.append(indent).append("Box ").append(b).append(" = sm.lookup(").append(key()).append(");\n");
        s.append(indent).append("if (").append(b).append(" != null) {\n");
        s.append(in).append("int ").append(ix).append(" = ").append(e.intExpr(2)).append(";\n");
        s.append(in).append("if (").append(ix).append(" >= 0 && ").append(ix).append(" < ").append(b).append(".slots.length) {\n");
        s.append(in).append("    ").append(b).append(".slots[").append(ix).append("].k ").append(e.pick("+=", "^=", "=")).append(' ').append(e.longExpr(1)).append(";\n");
        s.append(in).append("    ").append(b).append(".slots[").append(ix).append("].c").append(e.pick("++", "--", " += 3")).append(";\n");
        s.append(in).append("}\n");
        s.append(in).append(b).append(".h[(").append(e.intExpr(1)).append(") & 3] += ").append(e.intExpr(1)).append(";\n");
        if (random.nextBoolean()) s.append(in).append(b).append(".n ").append(e.pick("+=", "-=", "^=")).append(' ').append(e.longExpr(1)).append(";\n");
        s.append(in).append(x).append(" += ").append(b).append(".slots[(").append(e.intExpr(1)).append(") & 3].k + ").append(b).append(".n + ")
                .append(b).append(".slots[").append(random.nextInt(4)).append("].t;\n");
        s.append(indent).append("} else {\n");
        String nb = "nb" + n;
        s.append(in).append("Box ").append(nb).append(" = new Box();\n");
        s.append(in).append(nb).append(".n = ").append(e.longExpr(1)).append(";\n");
        s.append(in).append(nb).append(".slots[(").append(e.intExpr(1)).append(") & 3].k = ").append(e.longExpr(1)).append(";\n");
        s.append(in).append(nb).append(".slots[").append(random.nextInt(4)).append("].t = (short) ").append(RandomExpressions.paren(e.intExpr(1))).append(";\n");
        s.append(in).append(nb).append(".h[").append(random.nextInt(6)).append("] = ").append(e.intExpr(1)).append(";\n");
        s.append(in).append(x).append(" += sm.update(").append(key()).append(", ").append(nb).append(");\n");
        s.append(indent).append("}\n");
    }

    /** The long array of a hash map value, read and written through variable indexes the program checks. */
    private void valueArray(StringBuilder s, String x, String indent, int n) {
        String p = "pw" + n, ix = "wi" + n, jx = "wj" + n, in = indent + "    ";
        s.append(indent).append("V ").append(p).append(" = hm.lookup(").append(key()).append(");\n");
        s.append(indent).append("if (").append(p).append(" != null) {\n");
        s.append(in).append("int ").append(ix).append(" = ").append(e.intExpr(2)).append(", ").append(jx).append(" = (").append(e.intExpr(1)).append(") & 7;\n");
        s.append(in).append("if (").append(ix).append(" >= 0 && ").append(ix).append(" < 4) ").append(p).append(".w[").append(ix).append("] ")
                .append(e.pick("+=", "^=", "=")).append(' ').append(e.longExpr(1)).append(";\n");
        s.append(in).append("if (").append(jx).append(" < ").append(p).append(".w.length) ").append(x).append(" += ").append(p).append(".w[").append(jx).append("];\n");
        s.append(indent).append("}\n");
    }

    /** An enum value chosen at run time: its fields, ordinal and compare, and a switch over it. */
    private void level(StringBuilder s, String x, String y, String indent, int n) {
        String l = "lv" + n;
        s.append(indent).append("Lv ").append(l).append(" = ").append(e.condition(1)).append(" ? Lv.LOW : ").append(e.condition(1)).append(" ? Lv.MID : Lv.HIGH;\n");
        s.append(indent).append(x).append(" += ").append(l).append(".w * ").append(RandomExpressions.paren(e.longExpr(1))).append(" + ").append(l).append(".t + ")
                .append(l).append(".ordinal() * 7 + Lv.").append(e.pick("LOW", "MID", "HIGH")).append(".w;\n");
        s.append(indent).append("switch (").append(l).append(") {\n");
        s.append(indent).append("    case LOW -> ").append(y).append(" ^= ").append(e.intExpr(1)).append(";\n");
        s.append(indent).append("    case MID -> ").append(x).append(" -= ").append(l).append(".compareTo(Lv.").append(e.pick("LOW", "HIGH")).append(");\n");
        s.append(indent).append("    default -> ").append(y).append(" += ").append(l).append(" == Lv.HIGH ? ").append(l).append(".w : 2;\n");
        s.append(indent).append("}\n");
    }

    /** The unsigned conversions and compares. */
    private void unsigned(StringBuilder s, String x, String y, String indent) {
        String line = switch (random.nextInt(4)) {
            case 0 -> x + " += Short.toUnsignedInt((short) " + RandomExpressions.paren(e.intExpr(1)) + ") + Byte.toUnsignedLong((byte) "
                    + RandomExpressions.paren(e.intExpr(1)) + ")";
            case 1 -> y + " ^= Integer.compareUnsigned(" + e.intExpr(1) + ", " + e.intExpr(1) + ") + Byte.toUnsignedInt((byte) " + RandomExpressions.paren(e.intExpr(1)) + ")";
            case 2 -> x + " ^= Long.compareUnsigned(" + e.longExpr(1) + ", " + e.longExpr(1) + ") * Short.toUnsignedLong((short) "
                    + RandomExpressions.paren(e.intExpr(1)) + ") + Integer.toUnsignedLong(" + e.intExpr(1) + ") % 1000";
            default -> x + " += Long.remainderUnsigned(" + e.longExpr(1) + ", " + (1 + random.nextInt(1000)) + "L) + Integer.divideUnsigned("
                    + e.intExpr(1) + ", " + (1 + random.nextInt(50)) + ")";
        };
        s.append(indent).append(line).append(";\n");
    }

    /** {@code Loops.repeat} with a lambda body on the local struct, which may stop early. */
    private void lambda(StringBuilder s, String y, String indent) {
        List<String> inputs = e.inputs, longs = e.longs, ints = e.ints, booleans = e.booleans;
        List<String[]> arrays = e.arrays;
        e.inputs = List.of("(long) i");
        e.longs = new java.util.ArrayList<>(List.of("t.l", "(long) i"));
        e.ints = new java.util.ArrayList<>(List.of("i", "t.i", "t.s"));
        e.booleans = List.of("t.z");
        e.arrays = List.of();
        String body = "t.l " + e.pick("+=", "^=", "-=") + " " + e.longExpr(1) + "; t.i " + e.pick("+=", "^=") + " " + e.intExpr(1) + "; return "
                + e.condition(1) + " ? 1 : 0;";
        e.inputs = inputs;
        e.longs = longs;
        e.ints = ints;
        e.booleans = booleans;
        e.arrays = arrays;
        s.append(indent).append(y).append(" += Loops.repeat((").append(e.intExpr(1)).append(") & 7, (int i, St t) -> { ").append(body).append(" }, st);\n");
    }
}
