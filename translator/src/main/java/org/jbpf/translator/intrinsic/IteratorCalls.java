package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.analysis.Frame;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Addr;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;
import org.jbpf.translator.mir.Mir;

/**
 * The kernel's open-coded numeric iterator ({@code Loops.numbers}): {@code struct bpf_iter_num} in an 8-byte slot of
 * the frame, driven by the kfuncs {@code bpf_iter_num_new}, {@code _next} and {@code _destroy}. {@code next()} reads
 * the number through the pointer the kernel returns into a register kept per iterator, which {@code value()} copies;
 * when an {@code ifeq} tests {@code next()} right away (a {@code while} loop), the null test of that pointer is the
 * loop's exit jump, as clang writes {@code bpf_for}.
 */
final class IteratorCalls implements Intrinsic {
    static final String LOOPS = "org/jbpf/Loops", NUMBERS = "org/jbpf/Loops$Numbers";
    static final String NEW = "bpf_iter_num_new", NEXT = "bpf_iter_num_next", DESTROY = "bpf_iter_num_destroy";
    /** Iterators open at once before the analysis calls it a leak (one made in a loop and never closed). */
    private static final int MAX_OPEN = 8;
    /** The iterator's type: 8 opaque bytes, 8-aligned, as {@code struct bpf_iter_num}. */
    static final ValueType.Struct ITERATOR = new ValueType.Struct(NUMBERS,
            StructLayout.of("bpf_iter_num", List.of(new StructLayout.FieldDecl("opaque", StructLayout.Kind.LONG, 0))));

    static boolean handles(String owner, String name) { return owner.equals(NUMBERS) || owner.equals(LOOPS) && name.equals("numbers"); }

    @Override
    public Value type(TypingCall c) {
        String name = c.insn().name;
        Frame f = c.frame();
        if (c.insn().owner.equals(LOOPS)) {
            if (f.iterators >= MAX_OPEN)
                throw c.error("more than " + MAX_OPEN + " numbers iterators are open here (the last made at " + f.iteratorAt
                        + "); close each one before making the next");
            f.iterators++;
            f.iteratorAt = c.method().position(c.index());
            return new Value.StackObj(ITERATOR, (int) (c.site() & 0x7fffffff));
        }
        if (!(c.receiver() instanceof Value.StackObj so) || !so.type().equals(ITERATOR))
            throw c.error("it." + name + "() needs one iterator made by Loops.numbers in this program, not " + c.receiver().describe()
                    + "; keep each iterator in its own local variable");
        switch (name) {
            case "next": return new Value.Scalar(false, null);
            case "value": return new Value.Scalar(false, null);
            case "close":
                f.iterators = Math.max(0, f.iterators - 1);
                return null;
            default: throw c.error("cannot call Loops.Numbers." + name + " in a BPF program");
        }
    }

    @Override
    public void lower(LoweringCall c) {
        Emitter out = c.out();
        if (c.insn().owner.equals(LOOPS)) {
            Value.StackObj it = (Value.StackObj) c.result();
            out.setArgAddr(R1, new Addr(R10, out.objectOffset(it)));
            out.setArg(R2, c.args().get(0), false);
            out.setArg(R3, c.args().get(1), false);
            out.callKernelFunction(NEW, 3);
            out.loadImm(out.iteratorValue(it), 0, false);   // value() before the first next() is 0, as on the JVM
            c.body().push(new Operand.Known());
            return;
        }
        Value.StackObj it = (Value.StackObj) c.receiverValue();
        Addr slot = c.body().address(c.index(), c.receiver(), it);
        switch (c.insn().name) {
            case "next": next(c, out, it, slot); return;
            case "value": {
                int copy = out.newVreg();
                out.mov64(copy, out.iteratorValue(it));
                c.pushResult(copy);
                return;
            }
            default:
                out.setArgAddr(R1, slot);
                out.callKernelFunction(DESTROY, 1);
        }
    }

    /** bpf_iter_num_next: null at the end, else a pointer to the next number, which is read into the iterator's register. */
    private static void next(LoweringCall c, Emitter out, Value.StackObj it, Addr slot) {
        out.setArgAddr(R1, slot);
        out.callKernelFunction(NEXT, 1);
        int p = out.newVreg();
        out.mov64(p, R0);
        if (c.body().branches().jumpToNextIfeqWhenZero(c.index(), p)) {
            out.load(out.iteratorValue(it), StructLayout.Kind.INT, p, 0);
            c.body().push(new Operand.Imm(1));   // the ifeq after the call falls through here
            return;
        }
        int more = out.newVreg();
        Mir.Label end = out.newLabel();
        out.loadImm(more, 0, false);
        out.jumpIf(JMP | JEQ | K, p, 0, 0, end);
        out.load(out.iteratorValue(it), StructLayout.Kind.INT, p, 0);
        out.loadImm(more, 1, false);
        out.placeLabel(end);
        c.pushResult(more);
    }
}
