package org.jbpf.translator.lower;

import static org.jbpf.core.asm.Opcodes.*;
import static org.objectweb.asm.Opcodes.*;

import org.jbpf.core.asm.AluSemantics;
import org.jbpf.translator.analysis.Frame;
import org.jbpf.translator.analysis.JavaArithmetic;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.lower.Operand.Imm;
import org.jbpf.translator.lower.Operand.Reg;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Lowers integer arithmetic, negation, {@code iinc} and the int/long conversions. Results the analysis knows to be
 * constant become immediates; {@code v = v op b} is computed in v's own register when nothing else reads it.
 */
final class AluLowering {
    private final BodyLowering body;
    private final Emitter out;

    AluLowering(BodyLowering body, Emitter out) {
        this.body = body;
        this.out = out;
    }

    /** Lowers instruction i when it is arithmetic; false when it is not. */
    boolean lower(int i, AbstractInsnNode in, Frame f) {
        int op = in.getOpcode();
        if (JavaArithmetic.isBinary(op)) {
            binary(i, JavaArithmetic.bpfOp(op), JavaArithmetic.isLong(op), JavaArithmetic.isSigned(op));
            return true;
        }
        switch (op) {
            case INEG: case LNEG: {
                Operand x = body.pop();
                if (x instanceof Imm c) { body.push(new Imm(op == LNEG ? -c.value() : (long) -(int) c.value())); return true; }
                int t = body.ownedCopy(x, op == LNEG);
                out.emit((op == LNEG ? ALU64 : ALU) | NEG, t, 0, 0, 0);
                body.push(new Reg(t, true));
                return true;
            }
            case IINC: {
                IincInsnNode ii = (IincInsnNode) in;
                int r = body.local(ii.var);
                body.detachLocal(r);
                Value v = f.locals[ii.var];
                if (v instanceof Value.Scalar s && s.constant() != null && !out.hasDef(r)) {
                    out.emit(ALU | MOV | K, r, 0, 0, (int) (s.constant() + ii.incr));
                } else {
                    out.emit(ALU | ADD | K, r, 0, 0, ii.incr);
                }
                return true;
            }
            case I2L: {
                Operand x = body.pop();
                if (x instanceof Imm c) { body.push(new Imm((int) c.value())); return true; }
                int t = out.newVreg();
                out.emit(ALU64 | MOV | X, t, ((Reg) x).reg(), 32, 0);
                body.push(new Reg(t, true));
                return true;
            }
            case L2I: {
                Operand x = body.pop();
                if (x instanceof Imm c) { body.push(new Imm((int) c.value())); return true; }
                // an int read from another local's register gets a register of its own through a 32-bit move: as a plain
                // copy, the kernel would link the two and split the int's ranges at every test of the long, which in a
                // loop over a precise int keeps states from matching (the int only uses the low 32 bits either way)
                if (x instanceof Reg r && !r.owned()) {
                    int t = out.newVreg();
                    out.emit(ALU | MOV | X, t, r.reg(), 0, 0);
                    body.push(new Reg(t, true));
                } else {
                    body.push(x);   // a value computed here: truncation is free
                }
                return true;
            }
            case I2B: case I2S: {
                Operand x = body.pop();
                if (x instanceof Imm c) { body.push(new Imm(op == I2B ? (byte) c.value() : (short) c.value())); return true; }
                int t = out.newVreg();
                out.emit(ALU | MOV | X, t, ((Reg) x).reg(), op == I2B ? 8 : 16, 0);
                body.push(new Reg(t, true));
                return true;
            }
            case I2C: {
                Operand x = body.pop();
                if (x instanceof Imm c) { body.push(new Imm((char) c.value())); return true; }
                int t = body.ownedCopy(x, false);
                out.emit(ALU | AND | K, t, 0, 0, 0xffff);
                body.push(new Reg(t, true));
                return true;
            }
            default: return false;
        }
    }

    private void binary(int i, int aop, boolean isLong, boolean signed) {
        Operand b = body.pop(), x = body.pop();
        Value.Scalar result = (Value.Scalar) body.a.frames[i + 1].peek(0);
        if (result.constant() != null) { body.push(new Imm(result.constant())); return; }
        if (aop == LSH || aop == RSH || aop == ARSH) {
            if (b instanceof Imm c) b = new Imm(c.value() & (isLong ? 63 : 31));
        }
        int cls = isLong ? ALU64 : ALU;
        // commutative ops with the constant first: swap so the immediate form applies
        if (x instanceof Imm && b instanceof Reg && (aop == ADD || aop == MUL || aop == AND || aop == OR || aop == XOR)) {
            Operand tmp = x; x = b; b = tmp;
        }
        int t = x instanceof Reg xr && !xr.owned() && storesBackTo(i, xr.reg()) ? xr.reg() : body.ownedCopy(x, isLong);
        // BPF marks signed division and remainder with an offset (sdiv, smod)
        int off = signed ? AluSemantics.SIGNED : 0;
        if (b instanceof Imm c && Conditions.fitsImm(c.value(), isLong)) {
            out.emit(cls | aop | K, t, 0, off, isLong ? c.value() : (int) c.value());
        } else {
            int rb = body.toReg(b, isLong);
            out.emit(cls | aop | X, t, rb, off, 0);
        }
        body.push(new Reg(t, true));
    }

    /**
     * True when the instruction after {@code i} stores the result back into the local whose register is {@code reg}
     * and nothing else on the stack refers to that register, so {@code v = v op b} can be computed in place.
     */
    private boolean storesBackTo(int i, int reg) {
        int next = body.nextReal(i);
        if (next < 0 || !(body.a.insns[next] instanceof VarInsnNode vi)) return false;
        int op = vi.getOpcode();
        if (op != ISTORE && op != LSTORE) return false;
        if (body.locals[vi.var] != reg) return false;
        for (Operand o : body.stack) if (o instanceof Reg r && r.reg() == reg) return false;
        return true;
    }
}
