package org.jbpf.translator.lower;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.analysis.LambdaCaptures;
import org.jbpf.translator.analysis.Subprogram;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ValueType;

/**
 * A lambda's captures on their way to its {@code Loops.repeat} body. Where the lambda is made, each captured value
 * is stored in the context area of its site on the caller's stack (8 bytes each, after 8 for the state's address),
 * as Java captures it then; the call passes the area's address as bpf_loop's context; the body loads each capture
 * back (a struct or array as its address, so its writes are the caller's) and the state's address.
 */
final class CaptureLowering {
    private CaptureLowering() {}

    /** At the lambda's invokedynamic: pops the captured operands into the area of the lambda's site. */
    static void capture(BodyLowering body, Emitter out, int i, Value.FuncRef ref) {
        List<Value> captured = ref.captured();
        int area = body.program.captureArea(ref.site(), captured.size());
        for (int k = captured.size() - 1; k >= 0; k--) {
            Value v = captured.get(k);
            Operand o = body.pop();
            int off = area + 8 * (k + 1);
            if (v instanceof Value.Ptr p && p.target() instanceof ValueType.Prim prim) {
                // a boxed map value: its number now, as Java's box keeps it
                int t = out.newVreg();
                out.load(t, prim.kind(), ((Operand.Reg) o).reg(), 0);
                o = new Operand.Reg(t, true);
            } else if (o instanceof Operand.Known known && known.object() != null) {
                int t = out.newVreg();
                out.moveInto(t, o, v);
                o = new Operand.Reg(t, true);
            }
            out.store(LambdaCaptures.wide(v) ? 8 : 4, R10, off, o);
        }
        body.push(new Operand.Known());
    }

    /** Before bpf_loop: the state's address (or 0) into the first 8 bytes of the area, the area's address into r3. */
    static void pass(BodyLowering body, Emitter out, int i, Value.FuncRef ref, Operand state, Value stateValue) {
        int area = body.program.captureArea(ref.site(), ref.captured().size());
        if (stateValue instanceof Value.StackObj) {
            Addr a = body.address(i, state, stateValue);
            int t = out.newVreg();
            out.mov64(t, a.reg());
            if (a.off() != 0) out.emit(ALU64 | ADD | K, t, 0, 0, a.off());
            out.store(8, R10, area, new Operand.Reg(t, true));
        } else {
            out.store(8, R10, area, new Operand.Imm(0));
        }
        out.setArgAddr(R3, new Addr(R10, area));
    }

    /** At the body's entry (index in r1, the area's address in r2): its parameters, the captures first. */
    static void enter(Emitter out, Subprogram function, List<Operand> entryArgs) {
        int context = out.newVreg();
        out.mov64(context, R2);
        int n = function.captures;
        for (int k = 0; k < n; k++) {
            Value p = function.params.get(k);
            int r = out.newVreg();
            out.load(r, LambdaCaptures.wide(p) ? StructLayout.Kind.LONG : StructLayout.Kind.INT, context, 8 * (k + 1));
            entryArgs.add(new Operand.Reg(r, false));
        }
        int index = out.newVreg();
        out.mov64(index, R1);
        entryArgs.add(new Operand.Reg(index, false));
        if (!function.params.get(n + 1).inRegister()) {
            entryArgs.add(new Operand.Known());
            return;
        }
        int state = out.newVreg();
        out.load(state, StructLayout.Kind.LONG, context, 0);
        entryArgs.add(new Operand.Reg(state, false));
    }
}
