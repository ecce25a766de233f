package org.jbpf.translator.lower;

import static org.jbpf.core.asm.Opcodes.*;
import static org.objectweb.asm.Opcodes.*;

import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.analysis.FieldArrayInits;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Operand.Imm;
import org.jbpf.translator.lower.Operand.Known;
import org.jbpf.translator.lower.Operand.Reg;
import org.jbpf.translator.mir.Mir;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;

/**
 * Lowers struct fields and arrays: loads and stores at the object's address (r10 plus its frame offset for a stack
 * object, the pointer's register for a map value or ring buffer record). An array index that is not a constant is
 * checked against the length first: out of range, a read gives 0 and a write does nothing. An array or struct field
 * is used in place, through its address.
 */
final class MemoryLowering {
    private final BodyLowering body;
    private final Emitter out;
    /** For an array store that completes an update in place, by its instruction: the label after it, and the element's address. */
    private final java.util.Map<Integer, Mir.Label[]> updates = new java.util.HashMap<>();
    private final java.util.Map<Integer, Integer> elements = new java.util.HashMap<>();

    MemoryLowering(BodyLowering body, Emitter out) {
        this.body = body;
        this.out = out;
    }

    /** Lowers instruction i when it reads or writes a field or array, or creates an array; false otherwise. */
    boolean lower(int i, AbstractInsnNode in) {
        switch (in.getOpcode()) {
            // AALOAD and AASTORE that reach here read and write the ordinals of an enum's values(), an int[]
            case BALOAD: case SALOAD: case CALOAD: case IALOAD: case LALOAD: case AALOAD: {
                Value index = body.val(i, 0), array = body.val(i, 1);
                Operand idx = body.pop();
                Operand arr = body.pop();
                Addr base = body.address(i, arr, array);
                StructLayout.Kind element = ValueType.elementOf(typeOf(array));
                int t = out.newVreg();
                if (index instanceof Value.Scalar s && s.constant() != null) {
                    out.load(t, element, base.reg(), base.off() + (int) (long) s.constant() * element.size);
                } else {
                    Mir.Label skip = out.newLabel();
                    int store = UpdateInPlace.storeOf(body, i);
                    if (store < 0) out.loadImm(t, 0, element == StructLayout.Kind.LONG);
                    int p = element(base, idx, array, skip);
                    out.load(t, element, p, base.off());
                    // a[i]++ and the like: one check covers the load and the store, which skips along with it
                    if (store >= 0) {
                        updates.put(store, new Mir.Label[] {skip});
                        elements.put(store, p);
                    } else {
                        out.placeLabel(skip);
                    }
                }
                body.push(new Reg(t, true));
                return true;
            }
            case BASTORE: case SASTORE: case CASTORE: case IASTORE: case LASTORE: case AASTORE: {
                Operand value = body.pop();
                Value index = body.val(i, 1), array = body.val(i, 2);
                Operand idx = body.pop();
                Operand arr = body.pop();
                Addr base = body.address(i, arr, array);
                int size = ValueType.elementOf(typeOf(array)).size;
                if (updates.containsKey(i)) {
                    out.store(size, elements.remove(i), base.off(), value);
                    out.placeLabel(updates.remove(i)[0]);
                } else if (index instanceof Value.Scalar s && s.constant() != null) {
                    out.store(size, base.reg(), base.off() + (int) (long) s.constant() * size, value);
                } else {
                    Mir.Label skip = out.newLabel();
                    int p = element(base, idx, array, skip);
                    out.store(size, p, base.off(), value);
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
                    if (!fld.kind().scalar()) {
                        Value.StackObj copy = (Value.StackObj) body.a.frames[i + 1].peek(0);
                        copyFromContext(((Reg) obj).reg(), fld.offset(), out.objectOffset(copy), fld.size());
                        body.push(new Known(copy));
                        return true;
                    }
                    int t = out.newVreg();
                    out.load(t, fld.kind(), ((Reg) obj).reg(), fld.offset());
                    body.push(new Reg(t, true));
                    return true;
                }
                long[] byOrdinal = body.a.enumFields.get(i);
                if (byOrdinal != null) {
                    enumField(i, obj, byOrdinal, fi.desc.equals("J"));
                    return true;
                }
                StructLayout.Field fld = structOf(ov).layout().field(fi.name);
                Addr base = body.address(i, obj, ov);
                int t = out.newVreg();
                if (!fld.kind().scalar()) {
                    // an array or nested struct is used in place: its address
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
                if (FieldArrayInits.inPlace(body.val(i, 0))) return true;   // made in place, zeroed there
                StructLayout.Field fld = structOf(ov).layout().field(fi.name);
                Addr base = body.address(i, obj, ov);
                if (fld.kind().scalar()) out.store(fld.size(), base.reg(), base.off() + fld.offset(), value);
                else copy(body.address(i, value, body.val(i, 0)), new Addr(base.reg(), base.off() + fld.offset()), fld);
                return true;
            }
            case NEWARRAY: {
                if (newInPlace(i, in)) return true;
                body.pop();
                Value.StackObj so = (Value.StackObj) body.a.frames[i + 1].peek(0);
                out.zero(out.objectOffset(so));
                body.push(new Known(so));
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

    /** The field of an enum value as the constant of its ordinal: the last constant's, replaced by the one whose ordinal it is. */
    private void enumField(int i, Operand ordinal, long[] byOrdinal, boolean isLong) {
        if (body.a.frames[i + 1].peek(0) instanceof Value.Scalar s && s.constant() != null) {
            body.push(new Imm(s.constant()));
            return;
        }
        int ord = body.toReg(ordinal, false), t = out.newVreg();
        out.loadImm(t, byOrdinal[byOrdinal.length - 1], isLong);
        for (int k = 0; k < byOrdinal.length - 1; k++) {
            Mir.Label other = out.newLabel();
            out.jumpIf(JMP32 | JNE | K, ord, 0, k, other);
            out.loadImm(t, byOrdinal[k], isLong);
            out.placeLabel(other);
        }
        body.push(new Reg(t, true));
    }

    /**
     * Lowers a new array that the next instruction stores into its struct field ({@link FieldArrayInits}): the field is
     * zeroed in place and its address pushed; false for any other new array.
     */
    boolean newInPlace(int i, AbstractInsnNode in) {
        if (!FieldArrayInits.inPlace(body.a.frames[i + 1].peek(0))) return false;
        Value length = body.val(i, 0), ov = body.val(i, 1);
        StructLayout.Field fld = FieldArrayInits.target(in, ov, length);
        body.pop();
        Operand obj = body.pop();
        body.push(obj);
        Addr base = body.address(i, obj, ov);
        int align = structOf(ov).layout().alignment(), piece = 8;
        while (piece > 1 && (fld.offset() % piece != 0 || align % piece != 0 || fld.size() % piece != 0)) piece /= 2;
        for (int k = 0; k < fld.size(); k += piece) out.store(piece, base.reg(), base.off() + fld.offset() + k, new Imm(0));
        int t = out.newVreg();
        out.mov64(t, base.reg());
        out.emit(ALU64 | ADD | K, t, 0, 0, base.off() + fld.offset());
        body.push(new Reg(t, true));
        return true;
    }

    /**
     * Copies {@code size} bytes of the context at {@code from} to the frame at {@code to}, in pieces both offsets'
     * alignment allows ({@link Emitter#copyBytes}), the rest of the copy zeroed.
     */
    private void copyFromContext(int ctx, int from, int to, int size) {
        out.zero(to);
        out.copyBytes(new Addr(ctx, from), 8, new Addr(R10, to), size);
    }

    /**
     * The address (plus base.off()) of element idx of an array, or a jump to skip when idx is out of range: the index
     * zero-extended to 64 bits and compared unsigned in 32 bits covers negative indexes too, and gives the verifier
     * the bounds of the very register that moves the address (its upper half is known zero).
     */
    private int element(Addr base, Operand idx, Value arrayValue, Mir.Label skip) {
        ValueType array = typeOf(arrayValue);
        int ri = body.toReg(idx, false);
        int offset = out.newVreg(), p = out.newVreg();   // offset: the index, then its byte offset
        out.emit(ALU | MOV | X, offset, ri, 0, 0);
        out.jumpIf(JMP32 | JGE | K, offset, 0, ValueType.lengthOf(array), skip);
        int size = ValueType.elementOf(array).size;
        String origin = arrayValue instanceof Value.Ptr ptr ? ptr.origin() : "";
        boolean inPacket = origin.startsWith("header(");
        // a header passed in was checked against an end this function never loaded
        if (inPacket && (!out.hasPacketEnd() || origin.contains(" as parameter "))) return packetElement(base, offset, ValueType.lengthOf(array), size);
        if (size > 1) out.emit(ALU64 | LSH | K, offset, 0, 0, Integer.numberOfTrailingZeros(size));
        out.mov64(p, base.reg());
        out.emit(ALU64 | ADD | X, p, offset, 0, 0);
        if (inPacket) {
            // the kernel forgets what a packet pointer may read once a variable is added to it: check the element
            // against the packet's end again (it always fits, as the index is in range of a header that does)
            int last = out.newVreg();
            out.mov64(last, p);
            out.emit(ALU64 | ADD | K, last, 0, 0, base.off() + size);
            out.jumpIf(JMP | JGT | X, last, out.packetEnd(), 0, skip);
        }
        return p;
    }

    /**
     * The address of element {@code index} (checked to be below {@code length}) of a header's array in a function that
     * holds no packet end, or one the header was passed to: built from constant steps, a binary search on the
     * index, so that the pointer keeps the range the header's check gave it.
     */
    private int packetElement(Addr base, int index, int length, int size) {
        int p = out.newVreg();
        out.mov64(p, base.reg());
        for (int step = Integer.highestOneBit(Math.max(length - 1, 1)); step >= 1; step >>= 1) {
            if (step >= length) continue;
            Mir.Label smaller = out.newLabel();
            out.jumpIf(JMP | JLT | K, index, 0, step, smaller);
            out.emit(ALU64 | ADD | K, p, 0, 0, (long) step * size);
            out.emit(ALU64 | SUB | K, index, 0, 0, step);
            out.placeLabel(smaller);
        }
        return p;
    }

    /** Copies an array or struct into a field that holds one in place, in the widest pieces both sides' alignment allows. */
    private void copy(Addr from, Addr to, StructLayout.Field fld) {
        int piece = fld.kind() == StructLayout.Kind.STRUCT || fld.kind() == StructLayout.Kind.STRUCTS ? fld.nested().alignment()
                : fld.kind() == StructLayout.Kind.ARRAY ? fld.element().size : 1;
        StructLayout.Kind kind = piece == 8 ? StructLayout.Kind.LONG : piece == 4 ? StructLayout.Kind.INT : piece == 2 ? StructLayout.Kind.CHAR : StructLayout.Kind.BOOLEAN;
        for (int k = 0; k < fld.size(); k += piece) {
            int t = out.newVreg();
            out.load(t, kind, from.reg(), from.off() + k);
            out.store(piece, to.reg(), to.off() + k, new Reg(t, true));
        }
    }

    private static ValueType typeOf(Value array) {
        return array instanceof Value.StackObj so ? so.type() : ((Value.Ptr) array).target();
    }

    private static ValueType.Struct structOf(Value v) {
        if (v instanceof Value.StackObj so) return (ValueType.Struct) so.type();
        return (ValueType.Struct) ((Value.Ptr) v).target();
    }
}
