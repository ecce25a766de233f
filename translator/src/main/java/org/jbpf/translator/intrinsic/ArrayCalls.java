package org.jbpf.translator.intrinsic;

import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Addr;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;

/**
 * {@code System.arraycopy}, {@code java.util.Arrays.fill}, {@code Arrays.copyOf} and {@code clone()} on primitive arrays (locals, {@code @Size} fields of structs
 * and map values, byte globals): positions and lengths are constants checked against the arrays' lengths at
 * translation, where Java would throw, and each element becomes one load and store, or one store, at a fixed offset.
 * A copy runs backwards when it moves elements to a higher position, so a copy within one array is Java's too;
 * {@code copyOf} (of a constant length) and {@code clone()} make a new local array on the stack, as {@code new} does.
 */
final class ArrayCalls implements Intrinsic {
    /** The largest local array a copy may make, as {@code new byte[n]} may. */
    private static final int MAX_COPY = 256;

    static boolean handles(String owner, String name) {
        return owner.equals("java/lang/System") && name.equals("arraycopy")
                || owner.equals("java/util/Arrays") && (name.equals("fill") || name.equals("copyOf"))
                || owner.startsWith("[") && name.equals("clone");
    }

    @Override
    public Value type(TypingCall c) {
        if (c.insn().name.equals("clone") || c.insn().name.equals("copyOf")) {
            boolean clone = c.insn().name.equals("clone");
            Value source = clone ? c.receiver() : c.args().get(0);
            if (source instanceof Value.Ptr p && p.nullable()) throw c.error(p.origin() + " may be null here; test it against null first");
            ValueType t = Arguments.target(source);
            if (ValueType.lengthOf(t) < 0)
                throw c.error(c.insn().name + " of " + source.describe() + ": only byte, short, char, int and long arrays can be copied");
            int n = clone ? ValueType.lengthOf(t) : constant(c, 1);
            StructLayout.Kind kind = ValueType.elementOf(t);
            if (n <= 0 || n * kind.size > MAX_COPY)
                throw c.error(c.insn().name + " makes a local array of " + n + " elements; its length must be from 1 to "
                        + MAX_COPY / kind.size + " (at most " + MAX_COPY + " of the 512 bytes of BPF stack)");
            ValueType copy = kind == StructLayout.Kind.BYTE ? new ValueType.Bytes(n) : new ValueType.PrimArray(kind, n);
            return new Value.StackObj(copy, (int) (c.site() & 0x7fffffff));
        }
        if (c.insn().name.equals("arraycopy")) {
            ValueType src = array(c, 0, "source"), dst = array(c, 2, "destination");
            if (ValueType.elementOf(src) != ValueType.elementOf(dst))
                throw c.error("System.arraycopy from a " + src.javaName() + " to a " + dst.javaName() + ": the element types must be the same");
            int from = constant(c, 1), to = constant(c, 3), n = constant(c, 4);
            inRange(c, from, n, ValueType.lengthOf(src), "source");
            inRange(c, to, n, ValueType.lengthOf(dst), "destination");
            return null;
        }
        ValueType a = array(c, 0, "array");
        if (c.args().size() == 4) {
            int from = constant(c, 1), to = constant(c, 2);
            if (to < from) throw c.error("Arrays.fill from " + from + " to " + to + ": the end is before the start");
            inRange(c, from, to - from, ValueType.lengthOf(a), "array");
        } else if (c.args().size() != 2) {
            throw c.error("Arrays.fill takes an array and a value, or an array, a range and a value");
        }
        if (!(c.args().get(c.args().size() - 1) instanceof Value.Scalar))
            throw c.error("Arrays.fill of an array of objects is not available: only primitive arrays exist in BPF programs");
        return null;
    }

    private static ValueType array(TypingCall c, int k, String what) {
        Value v = c.args().get(k);
        if (v instanceof Value.Ptr p && p.nullable()) throw c.error(p.origin() + " may be null here; test it against null first");
        ValueType t = Arguments.target(v);
        if (ValueType.lengthOf(t) < 0)
            throw c.error(c.insn().name + "'s " + what + " must be a byte, short, char, int or long array, not " + v.describe());
        if (!what.equals("source") && v instanceof Value.Ptr p && p.origin().startsWith(Value.CONSTANT_ARRAY))
            throw c.error("@Constant " + (p.target() instanceof ValueType.Bytes ? "byte array " : "table ") + p.origin().substring(Value.CONSTANT_ARRAY.length())
                    + " is read-only in programs; its " + (p.target() instanceof ValueType.Bytes ? "bytes are" : "numbers are") + " set from Java before loading");
        return t;
    }

    private static int constant(TypingCall c, int k) {
        if (!(c.args().get(k) instanceof Value.Scalar s) || s.constant() == null)
            throw c.error(c.insn().name + " needs constant positions and lengths here; copy or fill element by element in a loop for "
                    + "variable ones");
        return (int) (long) s.constant();
    }

    private static void inRange(TypingCall c, int at, int n, int length, String what) {
        if (at < 0 || n < 0 || at + n > length)
            throw c.error(c.insn().name + " reaches elements " + at + " to " + (at + n - 1) + " of the " + length + "-element "
                    + what + ", outside it (Java would throw here)");
    }

    @Override
    public void lower(LoweringCall c) {
        Emitter out = c.out();
        if (c.insn().name.equals("clone") || c.insn().name.equals("copyOf")) {
            // a new local array, zeroed, then as many of the source's elements as both hold
            boolean clone = c.insn().name.equals("clone");
            Value.StackObj copy = (Value.StackObj) c.result();
            Value sourceValue = clone ? c.receiverValue() : c.values().get(0);
            ValueType source = Arguments.target(sourceValue);
            StructLayout.Kind kind = ValueType.elementOf(source);
            Addr from = clone ? c.body().address(c.index(), c.receiver(), sourceValue) : c.address(0);
            int at = out.objectOffset(copy);
            out.zero(at);
            int n = Math.min(ValueType.lengthOf(source), ValueType.lengthOf(copy.type()));
            for (int i = 0; i < n; i++) {
                int t = out.newVreg();
                out.load(t, kind, from.reg(), from.off() + i * kind.size);
                out.store(kind.size, org.jbpf.core.asm.Opcodes.R10, at + i * kind.size, new Operand.Reg(t, true));
            }
            c.body().push(new Operand.Known(copy));
            return;
        }
        if (c.insn().name.equals("arraycopy")) {
            ValueType src = Arguments.target(c.values().get(0));
            StructLayout.Kind kind = ValueType.elementOf(src);
            int size = kind.size;
            Addr from = c.address(0), to = c.address(2);
            int s = (int) c.body().constOf(c.values().get(1)), d = (int) c.body().constOf(c.values().get(3));
            int n = (int) c.body().constOf(c.values().get(4));
            boolean backwards = d > s;
            for (int k = 0; k < n; k++) {
                int i = backwards ? n - 1 - k : k;
                int t = out.newVreg();
                out.load(t, kind, from.reg(), from.off() + (s + i) * size);
                out.store(size, to.reg(), to.off() + (d + i) * size, new Operand.Reg(t, true));
            }
            return;
        }
        ValueType a = Arguments.target(c.values().get(0));
        int size = ValueType.elementOf(a).size;
        Addr at = c.address(0);
        int last = c.args().size() - 1;
        int from = last == 3 ? (int) c.body().constOf(c.values().get(1)) : 0;
        int to = last == 3 ? (int) c.body().constOf(c.values().get(2)) : ValueType.lengthOf(a);
        Operand value = c.args().get(last);
        for (int i = from; i < to; i++) out.store(size, at.reg(), at.off() + i * size, value);
    }
}
