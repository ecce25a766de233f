package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.BranchLowering;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;
import org.jbpf.translator.mir.Mir;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Compares of boxed numbers as Java writes them: {@code v.equals(x)} and {@code v.compareTo(x)} on an Integer, Long,
 * Short or Byte, and {@code Objects.equals(a, b)}. A boxed number is either the number itself ({@code valueOf}) or a
 * pointer to it (a map value, possibly null); equals is true only for the same box class and the same number, as in
 * Java, so {@code aLong.equals(5)} (an Integer) is false.
 */
final class BoxedCalls implements Intrinsic {
    static final String OBJECTS = "java/util/Objects";

    /** True when {@code call} is one of the compares this family implements. */
    static boolean handles(MethodInsnNode call) {
        if (call.owner.equals(OBJECTS)) return call.name.equals("equals");
        return boxClass(call.owner) && (call.name.equals("equals") && call.desc.equals("(Ljava/lang/Object;)Z")
                || call.name.equals("compareTo") && (call.owner.endsWith("Integer") || call.owner.endsWith("Long")));
    }

    private static boolean boxClass(String owner) {
        return owner.equals("java/lang/Integer") || owner.equals("java/lang/Long") || owner.equals("java/lang/Short") || owner.equals("java/lang/Byte")
                || owner.equals("java/lang/Character");
    }

    @Override
    public Value type(TypingCall c) {
        MethodInsnNode mi = c.insn();
        if (mi.owner.equals(OBJECTS)) {
            for (Value v : c.args()) if (!(v instanceof Value.Null) && kind(v) == null)
                throw c.error("Objects.equals compares boxed numbers here, not " + v.describe() + "; compare numbers with ==");
            return new Value.Scalar(false, null);
        }
        Value receiver = c.receiver();
        if (receiver instanceof Value.Ptr p && p.nullable())
            throw c.error(p.origin() + " may be null here; test it against null before you call ." + mi.name + "()");
        if (kind(receiver) == null) throw c.error("cannot call " + mi.name + " on " + receiver.describe());
        Value arg = c.args().get(0);
        if (!(arg instanceof Value.Null) && kind(arg) == null)
            throw c.error(mi.name + " compares boxed numbers here, not " + arg.describe() + "; compare numbers with ==");
        if (mi.name.equals("compareTo") && (arg instanceof Value.Null || arg instanceof Value.Ptr p && p.nullable()))
            throw c.error("the argument of compareTo may be null here; test it against null first");
        return new Value.Scalar(false, null);
    }

    /** The number kind a boxed value holds, or null when {@code v} is no boxed number. */
    private static StructLayout.Kind kind(Value v) {
        if (v instanceof Value.Boxed b) return b.type().kind();
        if (v instanceof Value.Ptr p && p.target() instanceof ValueType.Prim t) return t.kind();
        return null;
    }

    private static boolean nullable(Value v) { return v instanceof Value.Ptr p && p.nullable(); }

    @Override
    public void lower(LoweringCall c) {
        MethodInsnNode mi = c.insn();
        Emitter out = c.out();
        if (mi.name.equals("compareTo")) {
            boolean wide = mi.owner.endsWith("Long");
            Operand x = number(c, c.receiver(), c.receiverValue()), y = number(c, c.args().get(0), c.values().get(0));
            c.body().push(c.body().branches().compare3(x, y, true, wide));
            return;
        }
        Operand a = mi.owner.equals(OBJECTS) ? c.args().get(0) : c.receiver();
        Value av = mi.owner.equals(OBJECTS) ? c.values().get(0) : c.receiverValue();
        Operand b = c.args().get(mi.owner.equals(OBJECTS) ? 1 : 0);
        Value bv = c.values().get(mi.owner.equals(OBJECTS) ? 1 : 0);
        if (av instanceof Value.Null || bv instanceof Value.Null) {
            // only a pointer can be null: equal when the other is null too
            Value other = av instanceof Value.Null ? bv : av;
            Operand otherOp = av instanceof Value.Null ? b : a;
            if (other instanceof Value.Null) c.body().push(new Operand.Imm(1));
            else if (!nullable(other)) c.body().push(new Operand.Imm(0));
            else c.pushResult(isZero(c, ((Operand.Reg) otherOp).reg()));
            return;
        }
        BranchLowering branches = c.body().branches();
        int t = out.newVreg();
        out.loadImm(t, 0, false);
        Mir.Label done = out.newLabel();
        if (kind(av) != kind(bv)) {
            // different box classes are never equal, but two nulls are (Objects.equals)
            if (!nullable(av) || !nullable(bv)) { c.body().push(new Operand.Imm(0)); return; }
            branches.emitCompare(JNE, ((Operand.Reg) a).reg(), new Operand.Imm(0), true, done);
            branches.emitCompare(JNE, ((Operand.Reg) b).reg(), new Operand.Imm(0), true, done);
            out.loadImm(t, 1, false);
            out.placeLabel(done);
            c.pushResult(t);
            return;
        }
        Mir.Label aNull = out.newLabel();
        if (nullable(av)) branches.emitCompare(JEQ, ((Operand.Reg) a).reg(), new Operand.Imm(0), true, aNull);
        if (nullable(bv)) branches.emitCompare(JEQ, ((Operand.Reg) b).reg(), new Operand.Imm(0), true, done);
        boolean wide = kind(av) == StructLayout.Kind.LONG;
        Operand x = number(c, a, av), y = number(c, b, bv);
        branches.emitCompare(JNE, c.body().toReg(x, wide), y, wide, done);
        out.loadImm(t, 1, false);
        out.jump(done);
        out.placeLabel(aNull);
        if (nullable(av)) {
            // a is null: equal only when b is null too
            if (nullable(bv)) {
                branches.emitCompare(JNE, ((Operand.Reg) b).reg(), new Operand.Imm(0), true, done);
                out.loadImm(t, 1, false);
            }
        }
        out.placeLabel(done);
        c.pushResult(t);
    }

    /** 1 when {@code reg} is 0, else 0. */
    private static int isZero(LoweringCall c, int reg) {
        Emitter out = c.out();
        int t = out.newVreg();
        Mir.Label done = out.newLabel();
        out.loadImm(t, 1, false);
        c.body().branches().emitCompare(JEQ, reg, new Operand.Imm(0), true, done);
        out.loadImm(t, 0, false);
        out.placeLabel(done);
        return t;
    }

    /** The number a boxed value holds: the value itself, or a load through its (non-null here) pointer. */
    private static Operand number(LoweringCall c, Operand op, Value v) {
        if (v instanceof Value.Boxed) return op;
        StructLayout.Kind k = kind(v);
        int t = c.out().newVreg();
        c.out().load(t, k, ((Operand.Reg) op).reg(), 0);
        return new Operand.Reg(t, true);
    }
}
