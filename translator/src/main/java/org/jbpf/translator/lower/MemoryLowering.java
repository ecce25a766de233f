package org.jbpf.translator.lower;

import static org.jbpf.core.asm.Opcodes.*;
import static org.objectweb.asm.Opcodes.*;

import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Operand.Imm;
import org.jbpf.translator.lower.Operand.Known;
import org.jbpf.translator.lower.Operand.Reg;
import org.jbpf.translator.mir.Mir;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;

/**
 * Lowers struct fields and byte arrays: loads and stores at the object's address (r10 plus its frame offset for a
 * stack object, the pointer's register for a map value or ring buffer record). A byte array index that is not a
 * constant is checked against the length first: out of range, a read gives 0 and a write does nothing.
 */
final class MemoryLowering {
    private final BodyLowering body;
    private final Emitter out;

    MemoryLowering(BodyLowering body, Emitter out) {
        this.body = body;
        this.out = out;
    }

    /** Lowers instruction i when it reads or writes a field or array, or creates an array; false otherwise. */
    boolean lower(int i, AbstractInsnNode in) {
        switch (in.getOpcode()) {
            case BALOAD: {
                Value index = body.val(i, 0), array = body.val(i, 1);
                Operand idx = body.pop();
                Operand arr = body.pop();
                Addr base = body.address(i, arr, array);
                int t = out.newVreg();
                if (index instanceof Value.Scalar s && s.constant() != null) {
                    out.emit(LDX | MEMSX | B, t, base.reg(), base.off() + (int) (long) s.constant(), 0);
                } else {
                    Mir.Label skip = out.newLabel();
                    out.emit(ALU | MOV | K, t, 0, 0, 0);
                    int p = element(base, idx, lengthOf(array), skip);
                    out.emit(LDX | MEMSX | B, t, p, base.off(), 0);
                    out.placeLabel(skip);
                }
                body.push(new Reg(t, true));
                return true;
            }
            case BASTORE: {
                Operand value = body.pop();
                Value index = body.val(i, 1), array = body.val(i, 2);
                Operand idx = body.pop();
                Operand arr = body.pop();
                Addr base = body.address(i, arr, array);
                if (index instanceof Value.Scalar s && s.constant() != null) {
                    out.store(1, base.reg(), base.off() + (int) (long) s.constant(), value);
                } else {
                    Mir.Label skip = out.newLabel();
                    int p = element(base, idx, lengthOf(array), skip);
                    out.store(1, p, base.off(), value);
                    out.placeLabel(skip);
                }
                return true;
            }
            case GETFIELD: {
                FieldInsnNode fi = (FieldInsnNode) in;
                Value ov = body.val(i, 0);
                Operand obj = body.pop();
                if (ov instanceof Value.CtxView view) {
                    // one load at the field's record offset, straight from the context register
                    StructLayout.Field fld = view.type().layout().field(fi.name);
                    int t = out.newVreg();
                    out.load(t, fld.kind(), ((Reg) obj).reg(), fld.offset());
                    body.push(new Reg(t, true));
                    return true;
                }
                StructLayout.Field fld = structOf(ov).layout().field(fi.name);
                Addr base = body.address(i, obj, ov);
                int t = out.newVreg();
                if (fld.kind() == StructLayout.Kind.BYTES) {
                    out.mov64(t, base.reg());
                    out.emit(ALU64 | ADD | K, t, 0, 0, base.off() + fld.offset());
                } else {
                    out.load(t, fld.kind(), base.reg(), base.off() + fld.offset());
                }
                body.push(new Reg(t, true));
                return true;
            }
            case PUTFIELD: {
                FieldInsnNode fi = (FieldInsnNode) in;
                Value ov = body.val(i, 1);
                Operand value = body.pop();
                Operand obj = body.pop();
                StructLayout.Field fld = structOf(ov).layout().field(fi.name);
                Addr base = body.address(i, obj, ov);
                out.store(fld.size(), base.reg(), base.off() + fld.offset(), value);
                return true;
            }
            case NEWARRAY: {
                body.pop();
                Value.StackObj so = (Value.StackObj) body.a.frames[i + 1].peek(0);
                out.zero(out.objectOffset(so));
                body.push(new Known());
                return true;
            }
            case ARRAYLENGTH: {
                body.pop();
                Value.Scalar len = (Value.Scalar) body.a.frames[i + 1].peek(0);
                body.push(new Imm(len.constant()));
                return true;
            }
            default: return false;
        }
    }

    /**
     * The address (plus base.off()) of element idx of a byte array of the given length, or a jump to skip when idx is
     * out of range: one unsigned 32-bit compare covers negative indexes too, and gives the verifier the bounds it needs.
     */
    private int element(Addr base, Operand idx, int length, Mir.Label skip) {
        int ri = body.toReg(idx, false);
        out.jumpIf(JMP32 | JGE | K, ri, 0, length, skip);
        int offset = out.newVreg(), p = out.newVreg();
        out.emit(ALU | MOV | X, offset, ri, 0, 0); // the index zero-extended to 64 bits
        out.mov64(p, base.reg());
        out.emit(ALU64 | ADD | X, p, offset, 0, 0);
        return p;
    }

    private static int lengthOf(Value array) {
        ValueType t = array instanceof Value.StackObj so ? so.type() : ((Value.Ptr) array).target();
        return ((ValueType.Bytes) t).length();
    }

    private static ValueType.Struct structOf(Value v) {
        if (v instanceof Value.StackObj so) return (ValueType.Struct) so.type();
        return (ValueType.Struct) ((Value.Ptr) v).target();
    }
}
