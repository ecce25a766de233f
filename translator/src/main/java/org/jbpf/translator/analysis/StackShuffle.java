package org.jbpf.translator.analysis;

import static org.objectweb.asm.Opcodes.*;

import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;

/**
 * The JVM's stack shuffles (POP, POP2, DUP, DUP_X1, DUP_X2, DUP2, DUP2_X1, SWAP) written once for any model of the
 * operand stack: the analysis moves {@link Value}s with it, the lowering moves its register operands. Both keep one
 * entry per value, so a long is one entry where the JVM counts two slots; {@code wideAt} tells them apart.
 */
public final class StackShuffle {
    private StackShuffle() {}

    /** An operand stack of T entries. */
    public interface Stack<T> {
        T pop();

        void push(T v);
    }

    /** True for the shuffles {@link #apply} performs (DUP2_X2 is not one: the analysis rejects it). */
    public static boolean handles(int opcode) {
        return opcode >= POP && opcode <= SWAP && opcode != DUP2_X2;
    }

    /**
     * Performs {@code opcode} on {@code s}. {@code wideAt.test(d)} says whether the entry {@code d} below the top
     * before the instruction is a long; {@code copy} gives the entry for the second place of a duplicated value.
     */
    public static <T> void apply(int opcode, Stack<T> s, IntPredicate wideAt, UnaryOperator<T> copy) {
        switch (opcode) {
            case POP: s.pop(); return;
            case POP2: {
                boolean wide = wideAt.test(0);
                s.pop();
                if (!wide) s.pop();
                return;
            }
            case DUP: { T v1 = copy.apply(s.pop()); s.push(v1); s.push(v1); return; }
            case DUP_X1: { T v1 = copy.apply(s.pop()), v2 = s.pop(); s.push(v1); s.push(v2); s.push(v1); return; }
            case DUP_X2: {
                boolean wide = wideAt.test(1);
                T v1 = copy.apply(s.pop()), v2 = s.pop();
                if (wide) { s.push(v1); s.push(v2); s.push(v1); }
                else { T v3 = s.pop(); s.push(v1); s.push(v3); s.push(v2); s.push(v1); }
                return;
            }
            case DUP2: {
                if (wideAt.test(0)) { T v1 = copy.apply(s.pop()); s.push(v1); s.push(v1); }
                else { T v1 = copy.apply(s.pop()), v2 = copy.apply(s.pop()); s.push(v2); s.push(v1); s.push(v2); s.push(v1); }
                return;
            }
            case DUP2_X1: {
                if (wideAt.test(0)) { T v1 = copy.apply(s.pop()), v2 = s.pop(); s.push(v1); s.push(v2); s.push(v1); }
                else {
                    T v1 = copy.apply(s.pop()), v2 = copy.apply(s.pop()), v3 = s.pop();
                    s.push(v2); s.push(v1); s.push(v3); s.push(v2); s.push(v1);
                }
                return;
            }
            case SWAP: { T v1 = s.pop(), v2 = s.pop(); s.push(v1); s.push(v2); return; }
            default: throw new IllegalArgumentException("not a stack shuffle: opcode " + opcode);
        }
    }
}
