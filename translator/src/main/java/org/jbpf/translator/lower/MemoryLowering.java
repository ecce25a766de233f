package org.jbpf.translator.lower;

import static org.jbpf.core.asm.Opcodes.*;
import static org.objectweb.asm.Opcodes.*;

import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Operand.Imm;
import org.jbpf.translator.lower.Operand.Known;
import org.jbpf.translator.lower.Operand.Reg;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;

/**
 * Lowers struct fields and byte arrays: loads and stores at the object's address (r10 plus its frame offset for a
 * stack object, the pointer's register for a map value or ring buffer record). Array indexes are constants.
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
                long idx = body.constOf(body.val(i, 0));
                body.pop();
                Operand arr = body.pop();
                Addr base = body.address(i, arr, body.val(i, 1));
                int t = out.newVreg();
                out.emit(LDX | MEMSX | B, t, base.reg(), base.off() + (int) idx, 0);
                body.push(new Reg(t, true));
                return true;
            }
            case BASTORE: {
                Operand value = body.pop();
                long idx = body.constOf(body.val(i, 1));
                body.pop();
                Operand arr = body.pop();
                Addr base = body.address(i, arr, body.val(i, 2));
                out.store(1, base.reg(), base.off() + (int) idx, value);
                return true;
            }
            case GETFIELD: {
                FieldInsnNode fi = (FieldInsnNode) in;
                Value ov = body.val(i, 0);
                Operand obj = body.pop();
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

    private static ValueType.Struct structOf(Value v) {
        if (v instanceof Value.StackObj so) return (ValueType.Struct) so.type();
        return (ValueType.Struct) ((Value.Ptr) v).target();
    }
}
