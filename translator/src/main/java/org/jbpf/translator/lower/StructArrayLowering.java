package org.jbpf.translator.lower;

import static org.jbpf.core.asm.Opcodes.*;
import static org.objectweb.asm.Opcodes.*;

import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Operand.Known;
import org.jbpf.translator.lower.Operand.Reg;
import org.jbpf.translator.mir.Mir;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * Lowers arrays of structs, local ones and {@code @Size(n)} fields: a local array is zeroed on the stack where it is
 * made, an element read is the element's address, and an element store copies the struct there. A variable index is
 * checked: out of range, a read gets a zeroed element (a local array's spare element after its last one, a field's
 * stack area of one element), zeroed just then, so its fields read 0 and stores to it are never seen; a store does
 * nothing.
 */
final class StructArrayLowering {
    private final BodyLowering body;
    private final Emitter out;

    private final MemoryLowering memory;
    /**
     * The stack area an index out of range of a field's array reaches, one per element type, zeroed at each such use:
     * shared as a local array's spare element is shared by all its indexes out of range.
     */
    private final java.util.Map<ValueType.Struct, Integer> spares = new java.util.HashMap<>();

    StructArrayLowering(BodyLowering body, Emitter out, MemoryLowering memory) {
        this.body = body;
        this.out = out;
        this.memory = memory;
    }

    /** Lowers instruction i when it makes, reads or writes a local struct array; false otherwise. */
    boolean lower(int i, AbstractInsnNode in) {
        switch (in.getOpcode()) {
            case ANEWARRAY: {
                if (memory.newInPlace(i, in)) return true;
                if (!(body.a.frames[i + 1].peek(0) instanceof Value.StackObj so) || !(so.type() instanceof ValueType.StructArray)) return false;
                body.pop();
                out.zero(out.objectOffset(so));
                body.push(new Known(so));
                return true;
            }
            case AALOAD: {
                Value index = body.val(i, 0), array = body.val(i, 1);
                ValueType.StructArray t = structArray(array);
                if (t == null) return false;
                Operand idx = body.pop();
                Addr base = body.address(i, body.pop(), array);
                int p = out.newVreg();
                int size = t.element().size();
                if (index instanceof Value.Scalar s && s.constant() != null) {
                    out.mov64(p, base.reg());
                    out.emit(ALU64 | ADD | K, p, 0, 0, base.off() + (int) (long) s.constant() * size);
                } else {
                    int offset = out.newVreg();
                    Mir.Label inRange = out.newLabel();
                    out.emit(ALU | MOV | X, offset, body.toReg(idx, false), 0, 0);
                    out.jumpIf(JMP32 | JLT | K, offset, 0, t.length(), inRange);
                    if (t.spare()) {
                        zeroSpare(base, t);
                        out.emit(ALU | MOV | K, offset, 0, 0, t.length());
                        out.placeLabel(inRange);
                    } else {
                        // a field's array has no spare element: out of range, the element is a zeroed stack area
                        Mir.Label done = out.newLabel();
                        StructLayout layout = t.element().layout();
                        Integer spare = spares.get(t.element());
                        if (spare == null) spares.put(t.element(), spare = out.allocate(layout.size(), Math.max(layout.alignment(), 8)));
                        for (int k = 0; k < layout.size(); k += layout.alignment()) out.store(layout.alignment(), R10, spare + k, new Operand.Imm(0));
                        out.mov64(p, R10);
                        out.emit(ALU64 | ADD | K, p, 0, 0, spare);
                        out.jump(done);
                        out.placeLabel(inRange);
                        scale(offset, size);
                        out.mov64(p, base.reg());
                        out.emit(ALU64 | ADD | X, p, offset, 0, 0);
                        if (base.off() != 0) out.emit(ALU64 | ADD | K, p, 0, 0, base.off());
                        out.placeLabel(done);
                        body.push(new Reg(p, true));
                        return true;
                    }
                    scale(offset, size);
                    out.mov64(p, base.reg());
                    out.emit(ALU64 | ADD | X, p, offset, 0, 0);
                    if (base.off() != 0) out.emit(ALU64 | ADD | K, p, 0, 0, base.off());
                }
                body.push(new Reg(p, true));
                return true;
            }
            case AASTORE: {
                Value value = body.val(i, 0), index = body.val(i, 1), array = body.val(i, 2);
                ValueType.StructArray t = structArray(array);
                if (t == null) return false;
                Operand v = body.pop();
                Operand idx = body.pop();
                Addr base = body.address(i, body.pop(), array);
                Addr from = body.address(i, v, value);
                int size = t.element().size();
                if (index instanceof Value.Scalar s && s.constant() != null) {
                    copy(from, new Addr(base.reg(), base.off() + (int) (long) s.constant() * size), t.element().layout());
                    return true;
                }
                int offset = out.newVreg(), p = out.newVreg();
                Mir.Label skip = out.newLabel();
                out.emit(ALU | MOV | X, offset, body.toReg(idx, false), 0, 0);
                out.jumpIf(JMP32 | JGE | K, offset, 0, t.length(), skip);
                scale(offset, size);
                out.mov64(p, base.reg());
                out.emit(ALU64 | ADD | X, p, offset, 0, 0);
                copy(from, new Addr(p, base.off()), t.element().layout());
                out.placeLabel(skip);
                return true;
            }
            default: return false;
        }
    }

    private static ValueType.StructArray structArray(Value array) {
        ValueType t = array instanceof Value.StackObj so ? so.type() : array instanceof Value.Ptr p ? p.target() : null;
        return t instanceof ValueType.StructArray s ? s : null;
    }

    /** offset *= size: a shift for a power of two. */
    private void scale(int offset, int size) {
        if (Integer.bitCount(size) == 1) {
            if (size > 1) out.emit(ALU64 | LSH | K, offset, 0, 0, Integer.numberOfTrailingZeros(size));
        } else {
            out.emit(ALU64 | MUL | K, offset, 0, 0, size);
        }
    }

    /** Zeroes the spare element after the last, in stores as wide as the element's alignment. */
    private void zeroSpare(Addr base, ValueType.StructArray t) {
        StructLayout layout = t.element().layout();
        int piece = layout.alignment(), at = base.off() + t.length() * layout.size();
        for (int k = 0; k < layout.size(); k += piece) out.store(piece, base.reg(), at + k, new Operand.Imm(0));
    }

    /** Copies a struct of {@code layout} from one address to another, in pieces as wide as its alignment. */
    private void copy(Addr from, Addr to, StructLayout layout) {
        int piece = layout.alignment();
        StructLayout.Kind kind = piece == 8 ? StructLayout.Kind.LONG : piece == 4 ? StructLayout.Kind.INT : piece == 2 ? StructLayout.Kind.CHAR : StructLayout.Kind.BOOLEAN;
        for (int k = 0; k < layout.size(); k += piece) {
            int t = out.newVreg();
            out.load(t, kind, from.reg(), from.off() + k);
            out.store(piece, to.reg(), to.off() + k, new Reg(t, true));
        }
    }
}
