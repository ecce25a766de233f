package org.jbpf.translator.frontend;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Enums as ints: a constant is its ordinal, and a switch over an enum becomes a switch over the ordinal. javac
 * compiles {@code switch (mode)} as {@code $SwitchMap$..[mode.ordinal()]}, a table a synthetic class fills in its
 * static initialiser; this reads that table from the class file and rewrites the switch to jump on the ordinals
 * directly, so no table exists in the program. A switch that names every constant of its enum gets from javac a
 * default that throws ({@code IncompatibleClassChangeError}, or {@code MatchException} from javac 21 on); an ordinal
 * is always one of the constants', so that default is sent to a case instead, leaving no throw in the program.
 */
public final class EnumSwitches {
    private EnumSwitches() {}

    /** The ordinal of enum constant {@code owner.name}, or null when it is not one. */
    public static Integer ordinal(StructRegistry classes, String owner, String name) {
        var cn = classes.read(owner);
        if (cn == null || (cn.access & ACC_ENUM) == 0) return null;
        int ordinal = 0;
        for (var f : cn.fields) {
            if ((f.access & ACC_ENUM) == 0) continue;
            if (f.name.equals(name)) return ordinal;
            ordinal++;
        }
        return null;
    }

    /** True when {@code call} is an enum's {@code compareTo} or {@code equals}, which compare ordinals. */
    public static boolean isOrdinalCompare(MethodInsnNode call) {
        return call.name.equals("compareTo") && call.desc.equals("(Ljava/lang/Enum;)I")
                || call.name.equals("equals") && call.desc.equals("(Ljava/lang/Object;)Z");
    }

    /** True when {@code owner} is an enum class of the project. */
    public static boolean isEnum(StructRegistry classes, String owner) {
        var cn = classes.read(owner);
        return cn != null && (cn.access & ACC_ENUM) != 0;
    }

    /**
     * Rewrites each {@code GETSTATIC $SwitchMap$..; <expression>; INVOKEVIRTUAL ordinal; IALOAD; switch} of {@code m} into
     * {@code <expression>; INVOKEVIRTUAL ordinal; switch on the ordinals}. Leaves any other use of a switch map alone
     * (the analysis then names it).
     */
    public static void rewrite(MethodNode m, StructRegistry classes) {
        for (AbstractInsnNode map : m.instructions.toArray()) {
            if (!isTable(map)) continue;
            AbstractInsnNode load = findIaload(map);
            if (load == null) continue;
            AbstractInsnNode sw = next(load);
            if (!(sw instanceof TableSwitchInsnNode) && !(sw instanceof LookupSwitchInsnNode)) continue;
            Map<Integer, Integer> caseOf = map instanceof FieldInsnNode f ? table(classes, f.owner, "<clinit>", f.name)
                    : table(classes, ((MethodInsnNode) map).owner, ((MethodInsnNode) map).name, null);
            if (caseOf == null) continue;
            TreeMap<Integer, LabelNode> byOrdinal = new TreeMap<>();
            Map<Integer, LabelNode> byCase = cases(sw);
            for (var e : caseOf.entrySet()) {
                LabelNode target = byCase.get(e.getValue());
                if (target != null) byOrdinal.put(e.getKey(), target);
            }
            int[] keys = byOrdinal.keySet().stream().mapToInt(Integer::intValue).toArray();
            LabelNode dflt = sw instanceof TableSwitchInsnNode t ? t.dflt : ((LookupSwitchInsnNode) sw).dflt;
            m.instructions.set(sw, new LookupSwitchInsnNode(dflt, keys, byOrdinal.values().toArray(new LabelNode[0])));
            m.instructions.remove(load);
            m.instructions.remove(map);
        }
        for (AbstractInsnNode in : m.instructions.toArray()) {
            if (in instanceof MethodInsnNode mi && mi.name.equals("ordinal") && mi.desc.equals("()I")) dropThrowingDefault(mi, classes);
            // E.values().length is the number of constants: no array of enum objects is needed for it
            if (in instanceof MethodInsnNode mi && mi.getOpcode() == INVOKESTATIC && mi.name.equals("values")
                    && mi.desc.equals("()[L" + mi.owner + ";") && next(mi) != null && next(mi).getOpcode() == ARRAYLENGTH
                    && isEnum(classes, mi.owner)) {
                m.instructions.remove(next(mi));
                m.instructions.set(mi, new org.objectweb.asm.tree.LdcInsnNode(constantCount(classes, mi.owner)));
            }
        }
    }

    /** Sends the throwing default of an exhaustive switch on {@code ordinal}'s result to the case of the last constant. */
    private static void dropThrowingDefault(MethodInsnNode ordinal, StructRegistry classes) {
        AbstractInsnNode sw = next(ordinal);
        if (!(sw instanceof TableSwitchInsnNode) && !(sw instanceof LookupSwitchInsnNode)) return;
        int constants = constantCount(classes, ordinal.owner);
        Map<Integer, LabelNode> byCase = cases(sw);
        if (constants == 0) return;
        for (int k = 0; k < constants; k++) if (!byCase.containsKey(k)) return;
        LabelNode dflt = sw instanceof TableSwitchInsnNode t ? t.dflt : ((LookupSwitchInsnNode) sw).dflt;
        if (!throwsSwitchFailure(dflt)) return;
        LabelNode last = byCase.get(constants - 1);
        if (sw instanceof TableSwitchInsnNode t) t.dflt = last; else ((LookupSwitchInsnNode) sw).dflt = last;
    }

    /** The number of constants of enum {@code owner}, or 0 when it is not an enum of the project. */
    private static int constantCount(StructRegistry classes, String owner) {
        var cn = classes.read(owner);
        if (cn == null || (cn.access & ACC_ENUM) == 0) return 0;
        int n = 0;
        for (var f : cn.fields) if ((f.access & ACC_ENUM) != 0) n++;
        return n;
    }

    /** True when the code at {@code target} is javac's {@code throw new IncompatibleClassChangeError()} or {@code MatchException}. */
    private static boolean throwsSwitchFailure(LabelNode target) {
        AbstractInsnNode n = next(target);
        if (!(n instanceof TypeInsnNode t) || n.getOpcode() != NEW
                || !(t.desc.equals("java/lang/IncompatibleClassChangeError") || t.desc.equals("java/lang/MatchException"))) return false;
        for (int k = 0; k < 5 && n != null; k++) {
            n = next(n);
            if (n != null && n.getOpcode() == ATHROW) return true;
        }
        return false;
    }

    /**
     * Whether {@code in} loads a switch map: javac's {@code GETSTATIC $SwitchMap$..}, or the Eclipse compiler's call of
     * its {@code static int[] $SWITCH_TABLE$..()}, which fills the table on its first call.
     */
    private static boolean isTable(AbstractInsnNode in) {
        return in instanceof FieldInsnNode f && f.getOpcode() == GETSTATIC && f.name.startsWith("$SwitchMap$")
                || in instanceof MethodInsnNode mi && mi.getOpcode() == INVOKESTATIC && mi.name.startsWith("$SWITCH_TABLE$") && mi.desc.equals("()[I");
    }

    /** The IALOAD right after the {@code ordinal()} call that indexes the map loaded at {@code map}, or null. */
    private static AbstractInsnNode findIaload(AbstractInsnNode map) {
        for (AbstractInsnNode n = map.getNext(); n != null; n = n.getNext()) {
            if (n instanceof MethodInsnNode mi && mi.name.equals("ordinal") && mi.desc.equals("()I")) {
                AbstractInsnNode load = next(mi);
                return load != null && load.getOpcode() == IALOAD ? load : null;
            }
            if (isTable(n)) return null;
        }
        return null;
    }

    private static AbstractInsnNode next(AbstractInsnNode n) {
        n = n.getNext();
        while (n != null && n.getOpcode() < 0) n = n.getNext();
        return n;
    }

    private static Map<Integer, LabelNode> cases(AbstractInsnNode sw) {
        Map<Integer, LabelNode> out = new HashMap<>();
        if (sw instanceof TableSwitchInsnNode t) for (int k = 0; k < t.labels.size(); k++) out.put(t.min + k, t.labels.get(k));
        else {
            LookupSwitchInsnNode l = (LookupSwitchInsnNode) sw;
            for (int k = 0; k < l.keys.size(); k++) out.put(l.keys.get(k), l.labels.get(k));
        }
        return out;
    }

    /**
     * Ordinal to case number, from the method {@code method} of {@code owner} that fills the table: javac's synthetic
     * class's {@code <clinit>} with {@code field[Enum.C.ordinal()] = n}, or (field null) the Eclipse compiler's
     * {@code $SWITCH_TABLE$..()} with {@code table[Enum.C.ordinal()] = n} on a local array.
     */
    private static Map<Integer, Integer> table(StructRegistry classes, String owner, String method, String field) {
        var cn = classes.read(owner);
        if (cn == null) return null;
        Map<Integer, Integer> out = new HashMap<>();
        for (MethodNode m : cn.methods) {
            if (!m.name.equals(method)) continue;
            List<AbstractInsnNode> real = new ArrayList<>();
            for (AbstractInsnNode n : m.instructions) if (n.getOpcode() >= 0) real.add(n);
            for (int k = 0; k + 4 < real.size(); k++) {
                boolean array = field == null ? real.get(k).getOpcode() == ALOAD
                        : real.get(k) instanceof FieldInsnNode f && f.name.equals(field) && f.getOpcode() == GETSTATIC;
                if (!array) continue;
                if (!(real.get(k + 1) instanceof FieldInsnNode c) || c.getOpcode() != GETSTATIC) continue;
                Integer ordinal = ordinal(classes, c.owner, c.name);
                Integer value = intConstant(real.get(k + 3));
                if (ordinal == null || value == null || real.get(k + 4).getOpcode() != IASTORE) return null;
                out.put(ordinal, value);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static Integer intConstant(AbstractInsnNode n) {
        int op = n.getOpcode();
        if (op >= ICONST_M1 && op <= ICONST_5 && n instanceof InsnNode) return op - ICONST_0;
        if (op == BIPUSH || op == SIPUSH) return ((IntInsnNode) n).operand;
        if (n instanceof LdcInsnNode l && l.cst instanceof Integer v) return v;
        return null;
    }
}
