package org.jbpf.translator.lower;

import static org.jbpf.core.asm.Opcodes.*;
import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.translator.analysis.BranchSteps;
import org.jbpf.translator.analysis.Frame;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.lower.Operand.Imm;
import org.jbpf.translator.lower.Operand.Reg;
import org.jbpf.translator.mir.Mir;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * Lowers comparisons and control flow: conditional jumps, goto and switches. A three-way compare ({@code lcmp},
 * {@code compareUnsigned}) directly followed by an {@code if} becomes one BPF conditional jump.
 */
public final class BranchLowering {
    /** A compare whose operands were left on the stack for the {@code if} that follows it. */
    private boolean fusedCompare, fusedSigned, fusedLong;

    private final BodyLowering body;
    private final Emitter out;

    BranchLowering(BodyLowering body, Emitter out) {
        this.body = body;
        this.out = out;
    }

    /** True when the next instruction after i is an {@code if} against zero, so a compare before it can be fused. */
    public boolean nextIsIfZero(int i) {
        int next = body.nextReal(i);
        return next >= 0 && Conditions.isIfZero(body.a.insns[next].getOpcode());
    }

    /** Leaves the compare's two operands on the stack for the next {@code if} to compare directly. */
    public void fuseWithNextBranch(boolean signed, boolean isLong) {
        fusedCompare = true;
        fusedSigned = signed;
        fusedLong = isLong;
    }

    /** Lowers instruction i when it compares or branches; false when it does not. */
    boolean lower(int i, AbstractInsnNode in) {
        int op = in.getOpcode();
        switch (op) {
            case LCMP: {
                if (nextIsIfZero(i)) { fuseWithNextBranch(true, true); return true; }
                Operand b = body.pop(), x = body.pop();
                body.push(compare3(x, b, true, true));
                return true;
            }
            case IFEQ: case IFNE: case IFLT: case IFGE: case IFGT: case IFLE: {
                int target = body.a.method.instructions.indexOf(((JumpInsnNode) in).label);
                int cond = Conditions.condOf(op - IFEQ);
                if (fusedCompare) {
                    fusedCompare = false;
                    Operand b = body.pop(), x = body.pop();
                    if (!fusedSigned) cond = Conditions.unsignedOf(cond);
                    condJump(i, cond, x, b, fusedLong, target);
                } else {
                    Operand x = body.pop();
                    condJump(i, cond, x, new Imm(0), false, target);
                }
                return true;
            }
            case IF_ICMPEQ: case IF_ICMPNE: case IF_ICMPLT: case IF_ICMPGE: case IF_ICMPGT: case IF_ICMPLE:
            case IF_ACMPEQ: case IF_ACMPNE: {   // references compared are enum ordinals
                int target = body.a.method.instructions.indexOf(((JumpInsnNode) in).label);
                Operand b = body.pop(), x = body.pop();
                condJump(i, Conditions.condOf(op >= IF_ACMPEQ ? op - IF_ACMPEQ : op - IF_ICMPEQ), x, b, false, target);
                return true;
            }
            case IFNULL: case IFNONNULL: {
                int target = body.a.method.instructions.indexOf(((JumpInsnNode) in).label);
                Value v = body.val(i, 0);
                Operand x = body.pop();
                if (!(v instanceof Value.Ptr p && p.nullable()) && !(v instanceof Value.Null) && !(v instanceof Value.KernelRef)) {
                    // a stack object, map or boxed value is never null, nor a pointer the analysis knows is not: its null edge is dead code
                    if (op == IFNONNULL) { body.flushStack(body.a.frames[target]); out.jump(body.label(target)); }
                    return true;
                }
                condJump(i, op == IFNULL ? JEQ : JNE, x, new Imm(0), true, target);
                return true;
            }
            case GOTO: {
                int target = body.a.method.instructions.indexOf(((JumpInsnNode) in).label);
                body.flushStack(body.a.frames[target]);
                out.jump(body.label(target));
                body.reachable = false;
                return true;
            }
            case TABLESWITCH: case LOOKUPSWITCH: {
                Long known = body.val(i, 0) instanceof Value.Scalar s ? s.constant() : null;
                Operand x = body.pop();
                List<long[]> cases = new ArrayList<>();
                LabelNode dflt;
                if (in instanceof TableSwitchInsnNode ts) {
                    for (int k = 0; k < ts.labels.size(); k++) cases.add(new long[] {ts.min + k, body.a.method.instructions.indexOf(ts.labels.get(k))});
                    dflt = ts.dflt;
                } else {
                    LookupSwitchInsnNode ls = (LookupSwitchInsnNode) in;
                    for (int k = 0; k < ls.keys.size(); k++) cases.add(new long[] {ls.keys.get(k), body.a.method.instructions.indexOf(ls.labels.get(k))});
                    dflt = ls.dflt;
                }
                if (x instanceof Imm k) known = k.value();
                if (known != null) {   // the analysis took only this edge
                    int target = body.a.method.instructions.indexOf(BranchSteps.switchTarget(in, (int) (long) known));
                    body.flushStack(body.a.frames[target]);
                    out.jump(body.label(target));
                    body.reachable = false;
                    return true;
                }
                int r = body.toReg(x, false);
                int d = body.a.method.instructions.indexOf(dflt);
                for (long[] c : cases) {
                    if (c[1] == d) continue;   // a table's gap goes where the default goes anyway
                    body.flushStack(body.a.frames[(int) c[1]]);
                    out.jumpIf(JMP32 | JEQ | K, r, 0, c[0], body.label((int) c[1]));
                }
                body.flushStack(body.a.frames[d]);
                out.jump(body.label(d));
                body.reachable = false;
                return true;
            }
            default: return false;
        }
    }

    /** Java's three-way compare (-1, 0, 1) of x and b as a value. */
    public Operand compare3(Operand x, Operand b, boolean signed, boolean isLong) {
        int t = out.newVreg();
        Mir.Label done = out.newLabel();
        int rx = body.toReg(x, isLong);
        out.emit(ALU | MOV | K, t, 0, 0, 0);
        emitCompare(JEQ, rx, b, isLong, done);
        out.emit(ALU | MOV | K, t, 0, 0, 1);
        emitCompare(signed ? JSGT : JGT, rx, b, isLong, done);
        out.emit(ALU | MOV | K, t, 0, 0, -1);
        out.placeLabel(done);
        return new Reg(t, true);
    }

    /**
     * For a call whose boolean result an {@code ifeq} right after it tests: jumps to that {@code ifeq}'s target when
     * {@code reg} is 0 and returns true, so the call can push a constant true and the {@code ifeq} falls through.
     * Only where the analysis reached both of the {@code ifeq}'s successors: a jump to code it never reached would land
     * on nothing, and a constant true pushed before an edge it never took would fall into nothing.
     */
    public boolean jumpToNextIfeqWhenZero(int i, int reg) {
        int next = body.nextReal(i);
        if (next < 0 || body.a.insns[next].getOpcode() != IFEQ) return false;
        int target = body.a.method.instructions.indexOf(((JumpInsnNode) body.a.insns[next]).label);
        if (body.a.frames[target] == null || body.a.frames[nextIndexAfter(next)] == null) return false;
        body.flushStack(body.a.frames[target]);
        emitCompare(JEQ, reg, new Imm(0), true, body.label(target));
        return true;
    }

    /** Jumps to target when {@code rx cond b}. */
    public void emitCompare(int cond, int rx, Operand b, boolean isLong, Mir.Label target) {
        int cls = isLong ? JMP : JMP32;
        if (b instanceof Imm c && Conditions.fitsImm(c.value(), isLong)) out.jumpIf(cls | cond | K, rx, 0, c.value(), target);
        else out.jumpIf(cls | cond | X, rx, body.toReg(b, isLong), 0, target);
    }

    /**
     * Jumps to instruction targetIndex when {@code x cond b}; decided now when both are constants, or when the analysis
     * took one edge only (a constant it knows and the lowering keeps in a register). The stack is put into its
     * per-depth registers for both successors first.
     */
    private void condJump(int i, int cond, Operand x, Operand b, boolean isLong, int targetIndex) {
        Frame tf = body.a.frames[targetIndex];
        if (x instanceof Imm cx && b instanceof Imm cb) {
            if (Conditions.holds(cond, cx.value(), cb.value(), isLong)) {
                body.flushStack(tf);
                out.jump(body.label(targetIndex));
                body.reachable = false;
            }
            return;
        }
        // the analysis follows only the edges its known values allow; a jump to code it never reached would have no
        // code to land on, and one at a function's end would leave the function
        if (tf == null) return;
        Frame fall = body.a.frames[nextIndexAfter(i)];
        if (fall == null) {
            body.flushStack(tf);
            out.jump(body.label(targetIndex));
            body.reachable = false;
            return;
        }
        if (x instanceof Imm) { Operand tmp = x; x = b; b = tmp; cond = Conditions.swapped(cond); }
        body.flushStack(tf);
        body.flushStack(fall);
        emitCompare(cond, ((Reg) x).reg(), b, isLong, body.label(targetIndex));
    }

    private int nextIndexAfter(int i) { return Math.min(i + 1, body.a.insns.length - 1); }
}
