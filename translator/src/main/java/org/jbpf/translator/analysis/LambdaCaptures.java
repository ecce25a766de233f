package org.jbpf.translator.analysis;

import static org.objectweb.asm.Opcodes.H_INVOKESTATIC;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.translator.frontend.ValueType;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;

/**
 * The values a lambda captures. Java captures effectively final locals by value and objects by reference; a
 * {@code Loops.repeat} body gets them the same way through bpf_loop's context argument: numbers (and the numbers of
 * boxes, which cannot change) are copied into a context area on the caller's stack, local structs and arrays and
 * struct references by their address, so the body's writes through them are the caller's, as in Java.
 */
public final class LambdaCaptures {
    private LambdaCaptures() {}

    /** A method reference or lambda (invokedynamic of LambdaMetafactory): its static method and what it captured, popped from f. */
    static Value.FuncRef reference(MethodAnalysis a, int i, InvokeDynamicInsnNode indy, Frame f) {
        if (!(indy.bsmArgs.length > 1 && indy.bsmArgs[1] instanceof Handle h) || h.getTag() != H_INVOKESTATIC)
            throw a.error(i, "only references to static methods (Probe::step) can be passed in BPF programs, which have no virtual calls");
        Type[] types = Type.getArgumentTypes(indy.desc);
        if (types.length == 0) return new Value.FuncRef(h.getOwner(), h.getName(), h.getDesc());
        if (types.length > SubprogramCalls.MAX_CAPTURES)
            throw a.error(i, "this lambda captures " + types.length + " variables, more than the " + SubprogramCalls.MAX_CAPTURES
                    + " a Loops.repeat body can be given; keep some of them in its state struct");
        List<Value> captured = new ArrayList<>();
        for (int k = types.length - 1; k >= 0; k--) captured.add(0, f.pop());
        for (int k = 0; k < captured.size(); k++) {
            String why = refusal(captured.get(k));
            if (why != null) throw a.error(i, why);
        }
        return new Value.FuncRef(h.getOwner(), h.getName(), h.getDesc(), a.site(i), List.copyOf(captured));
    }

    /** Why a captured value cannot be handed to a loop body, or null when it can. */
    private static String refusal(Value v) {
        if (v instanceof Value.Scalar || v instanceof Value.Boxed) return null;
        if (v instanceof Value.Ptr p && p.nullable())
            return "this lambda captures " + p.origin() + ", which may be null here; test it against null before the lambda "
                    + "(and return early), so the loop body is given its number";
        if (v instanceof Value.Ptr p && !p.ringRecord()) return null;
        if (v instanceof Value.StackObj so && !(so.type() instanceof ValueType.Prim)
                && !(so.type() instanceof ValueType.Struct s && s.internalName().equals(Value.ITERATOR_CLASS))) return null;
        return "this lambda captures " + v.describe() + ", which a Loops.repeat body cannot be given; capture numbers, boxed "
                + "numbers, local @Struct objects or arrays, or keep the value in the loop's state struct";
    }

    /**
     * What the loop body's parameter k sees of captured value v: any number of its kind; a box's number (a boxed map
     * value is copied, as Java's box keeps its number when the map changes); a reference of its own to a struct or array.
     */
    static Value parameter(Value v, String method, int k) {
        if (v instanceof Value.Scalar s) return new Value.Scalar(s.isLong(), null);
        if (v instanceof Value.Boxed b) return new Value.Boxed(b.type());
        if (v instanceof Value.Ptr p && p.target() instanceof ValueType.Prim prim) return new Value.Boxed(prim);
        String origin = "parameter " + (k + 1) + " of " + method;
        if (v instanceof Value.StackObj so) return new Value.Ptr(so.type(), false, 1L << 40 | k, origin, false);
        Value.Ptr p = (Value.Ptr) v;
        return new Value.Ptr(p.target(), false, 1L << 40 | k, origin, false);
    }

    /** True when the captured value is copied into the context as a 64-bit number or address, false for a 32-bit number. */
    public static boolean wide(Value v) {
        if (v instanceof Value.Scalar s) return s.isLong();
        if (v instanceof Value.Boxed b) return b.type().isLong();
        if (v instanceof Value.Ptr p && p.target() instanceof ValueType.Prim prim) return prim.isLong();
        return true;
    }
}
