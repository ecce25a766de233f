package org.jbpf.translator.analysis;

import static org.jbpf.translator.analysis.ValueChecks.*;
import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * The analysis of control flow: conditional jumps, switches and returns. A null test refines the value it tests on
 * each edge, so that only the edge where a map value is not null may read it; an edge that cannot be taken is not
 * followed.
 */
public final class BranchSteps {
    private final MethodAnalyzer analyzer;

    BranchSteps(MethodAnalyzer analyzer) { this.analyzer = analyzer; }

    /** Steps {@code in}, the instruction at i, when it jumps or returns, queueing its successors; false otherwise. */
    boolean step(MethodAnalysis a, int i, AbstractInsnNode in, int op, Frame f, Deque<Integer> work) {
        switch (op) {
            case IFEQ: case IFNE: case IFLT: case IFGE: case IFGT: case IFLE: {
                Value x = f.pop();
                scalar(a, i, x);
                Value zero = new Value.Scalar(false, 0L);
                Boolean taken = decided(op - IFEQ, x, zero);
                if (taken == null) {
                    int lcmp = KeyLocals.longCompare(a, i);
                    Frame compare = lcmp >= 0 ? a.frames[lcmp] : null;
                    if (compare != null ? unequalEdge(a, i, f, work, unequalOnJump(op - IFEQ), compare.peek(1), compare.peek(0))
                            : unequalEdge(a, i, f, work, unequalOnJump(op - IFEQ), x, zero)) return true;
                }
                branch(a, i, f, work, taken);
                return true;
            }
            case IF_ICMPEQ: case IF_ICMPNE: case IF_ICMPLT: case IF_ICMPGE: case IF_ICMPGT: case IF_ICMPLE: {
                Value b = f.pop(), x = f.pop();
                scalar(a, i, b); scalar(a, i, x);
                Boolean taken = decided(op - IF_ICMPEQ, x, b);
                if (taken == null && unequalEdge(a, i, f, work, unequalOnJump(op - IF_ICMPEQ), x, b)) return true;
                branch(a, i, f, work, taken);
                return true;
            }
            case IFNULL: case IFNONNULL: {
                Value v = f.pop();
                int target = indexOf(a, ((JumpInsnNode) in).label);
                Frame isNull = new Frame(f), notNull = new Frame(f);
                if (v instanceof Value.Ptr p) {
                    isNull.refine(p.id(), new Value.Null());
                    notNull.refine(p.id(), null);
                    // a null record is no reservation
                    if (p.ringRecord() && p.nullable()) isNull.reservations = Math.max(0, isNull.reservations - 1);
                } else if (!(v instanceof Value.Null || v instanceof Value.Scalar || v instanceof Value.StackObj || v instanceof Value.Boxed
                        || v instanceof Value.Ctx || v instanceof Value.MapRef || v instanceof Value.KernelRef)) {
                    throw a.error(i, "cannot test " + v.describe() + " against null");
                }
                boolean jumpsIfNull = op == IFNULL;
                // a kernel pointer read from memory may be null: both edges stay possible
                boolean mayBeNull = v instanceof Value.Null || v instanceof Value.Ptr p2 && p2.nullable() || v instanceof Value.KernelRef;
                boolean mayBeNonNull = !(v instanceof Value.Null);
                if (jumpsIfNull) {
                    if (mayBeNull) analyzer.flow(a, target, isNull, work);
                    if (mayBeNonNull) analyzer.flow(a, i + 1, notNull, work);
                } else {
                    if (mayBeNonNull) analyzer.flow(a, target, notNull, work);
                    if (mayBeNull) analyzer.flow(a, i + 1, isNull, work);
                }
                return true;
            }
            case IF_ACMPEQ: case IF_ACMPNE: {
                Value b = f.pop(), x = f.pop();
                // enum values are their ordinals: == compares those
                if (boxedNumber(x) || boxedNumber(b))
                    throw a.error(i, "== on boxed numbers compares objects in Java (equal or not by the box cache), not values; "
                            + "compare the values with x.equals(y), or unbox one side (x.longValue() == y)");
                if (!(x instanceof Value.Scalar) || !(b instanceof Value.Scalar))
                    throw a.error(i, "comparing references with == is not supported; test against null or compare fields");
                branch(a, i, f, work);
                return true;
            }
            case GOTO: analyzer.flow(a, indexOf(a, ((JumpInsnNode) in).label), f, work); return true;
            case JSR: case RET: throw a.error(i, "JSR/RET bytecode is not supported; compile with a current javac");
            case TABLESWITCH: case LOOKUPSWITCH: {
                Value key = f.pop();
                scalar(a, i, key);
                // a key constants decide (the case a type switch picks for a struct of known class) takes one edge, as an if does
                Long known = key instanceof Value.Scalar s ? s.constant() : null;
                if (known != null) { analyzer.flow(a, indexOf(a, switchTarget(in, (int) (long) known)), f, work); return true; }
                List<LabelNode> targets = new ArrayList<>(in instanceof TableSwitchInsnNode ts ? ts.labels : ((LookupSwitchInsnNode) in).labels);
                targets.add(in instanceof TableSwitchInsnNode ts ? ts.dflt : ((LookupSwitchInsnNode) in).dflt);
                for (LabelNode l : targets) analyzer.flow(a, indexOf(a, l), new Frame(f), work);
                return true;
            }
            case IRETURN: case LRETURN: case ARETURN: {
                Value v = f.pop();
                if (op != ARETURN) scalar(a, i, v);
                if (v instanceof Value.Uninit || v instanceof Value.Concat) throw a.error(i, "cannot return " + v.describe());
                a.returnValue = a.returnValue == null ? v : Value.merge(a.returnValue, v, a.site(i));
                // what each return gives, for a pointer merged from several (CopySteps: the caller notes what it may be)
                f.copies.held.choicesOf(v, a.returnedChoices);
                analyzer.leavesMethod(a, i, f);
                return true;
            }
            case RETURN:
                analyzer.leavesMethod(a, i, f);
                return true;
            default: return false;
        }
    }

    private void branch(MethodAnalysis a, int i, Frame f, Deque<Integer> work) { branch(a, i, f, work, null); }

    /**
     * Whether the numbers compare {@code cond} (EQ, NE, LT, GE, GT, LE in opcode order) tests are unequal where it
     * jumps (!=, <, >) rather than where it falls through (==, >=, <=): a number found below or above another differs
     * from it.
     */
    private static boolean unequalOnJump(int cond) {
        return cond == 1 || cond == 2 || cond == 4;
    }

    /**
     * Follows both edges of a compare of locals (or of a local and a constant, {@code left} and {@code right}
     * being the values compared; equality or order), noting on the edge where they differ that they do, so a map write under one key
     * leaves a value looked up under the other (HeldFields); false when the test compares anything else.
     */
    private boolean unequalEdge(MethodAnalysis a, int i, Frame f, Deque<Integer> work, boolean jumpsIfUnequal, Value left, Value right) {
        int[] locals = KeyLocals.compared(a, i);
        Long lc = left instanceof Value.Scalar s ? s.constant() : null, rc = right instanceof Value.Scalar s ? s.constant() : null;
        HeldFields h = f.copies.held, known;
        if (locals[0] != KeyLocals.NONE && locals[1] != KeyLocals.NONE) known = h.differing(a, locals[0], locals[1], null);
        else if (locals[0] != KeyLocals.NONE && rc != null) known = h.differing(a, locals[0], KeyLocals.NONE, rc);
        else if (locals[1] != KeyLocals.NONE && lc != null) known = h.differing(a, locals[1], KeyLocals.NONE, lc);
        else return false;
        Frame jump = new Frame(f);
        Frame unequal = jumpsIfUnequal ? jump : f;
        unequal.copies = unequal.copies.withHeld(known);
        analyzer.flow(a, indexOf(a, ((JumpInsnNode) a.insns[i]).label), jump, work);
        analyzer.flow(a, i + 1, f, work);
        return true;
    }


    /** The label switch {@code in} jumps to for {@code key}. */
    public static LabelNode switchTarget(AbstractInsnNode in, int key) {
        if (in instanceof TableSwitchInsnNode ts)
            return key >= ts.min && key <= ts.max ? ts.labels.get(key - ts.min) : ts.dflt;
        LookupSwitchInsnNode ls = (LookupSwitchInsnNode) in;
        int at = ls.keys.indexOf(key);
        return at >= 0 ? ls.labels.get(at) : ls.dflt;
    }

    /**
     * Follows the jump's edges: both, or with {@code taken} known only that one, so that code behind a test that
     * constants decide is dead, as on the JVM (an index out of range there is never used).
     */
    private void branch(MethodAnalysis a, int i, Frame f, Deque<Integer> work, Boolean taken) {
        if (taken == null || taken) analyzer.flow(a, indexOf(a, ((JumpInsnNode) a.insns[i]).label), new Frame(f), work);
        if (taken == null || !taken) analyzer.flow(a, i + 1, f, work);
    }

    /** Whether int compare {@code cond} (EQ, NE, LT, GE, GT, LE in opcode order) holds for x and y, when both are constants. */
    private static Boolean decided(int cond, Value x, Value y) {
        if (!(x instanceof Value.Scalar sx) || !(y instanceof Value.Scalar sy) || sx.constant() == null || sy.constant() == null) return null;
        int l = (int) (long) sx.constant(), r = (int) (long) sy.constant();
        switch (cond) {
            case 0: return l == r;
            case 1: return l != r;
            case 2: return l < r;
            case 3: return l >= r;
            case 4: return l > r;
            default: return l <= r;
        }
    }

    private static int indexOf(MethodAnalysis a, LabelNode label) { return a.method.instructions.indexOf(label); }

    /** A boxed number: one made by valueOf or a reference to a number in a map. */
    private static boolean boxedNumber(Value v) {
        return v instanceof Value.Boxed || v instanceof Value.Ptr p && p.target() instanceof org.jbpf.translator.frontend.ValueType.Prim;
    }
}
