package org.jbpf.translator.analysis;

import static org.objectweb.asm.Opcodes.*;

/**
 * The JVM's stack shuffles (POP, POP2, DUP, DUP_X1, DUP_X2, DUP2, DUP2_X1, DUP2_X2, SWAP) written once for any model of the
 * operand stack: the analysis moves {@link Value}s with it, the lowering moves its register operands. Both keep one
 * entry per value, so a long is one entry where the JVM counts two slots; {@code wideAt} tells them apart.
 */
public final class StackShuffle {
    private StackShuffle() {}

    /**
     * An operand stack of T entries. (Its own methods rather than lambdas passed beside it: each lambda links method
     * handles at its first call, a share of a cold translate.)
     */
    public interface Stack<T> {
        T pop();

        void push(T v);

        /** Whether the entry {@code depth} below the top, before the instruction, is a long. */
        boolean wideAt(int depth);

        /** The entry for the second place of a duplicated value. */
        T copy(T entry);
    }

    /** True for the shuffles {@link #apply} performs. */
    public static boolean handles(int opcode) {
        return opcode >= POP && opcode <= SWAP;
    }

    /**
     * Performs {@code opcode} on {@code s}.
     */
    public static <T> void apply(int opcode, Stack<T> s) {
        switch (opcode) {
            case POP: s.pop(); return;
            case POP2: {
                boolean wide = s.wideAt(0);
                s.pop();
                if (!wide) s.pop();
                return;
            }
            case DUP: { T v1 = s.copy(s.pop()); s.push(v1); s.push(v1); return; }
            case DUP_X1: { T v1 = s.copy(s.pop()), v2 = s.pop(); s.push(v1); s.push(v2); s.push(v1); return; }
            case DUP_X2: {
                boolean wide = s.wideAt(1);
                T v1 = s.copy(s.pop()), v2 = s.pop();
                if (wide) { s.push(v1); s.push(v2); s.push(v1); }
                else { T v3 = s.pop(); s.push(v1); s.push(v3); s.push(v2); s.push(v1); }
                return;
            }
            case DUP2: {
                if (s.wideAt(0)) { T v1 = s.copy(s.pop()); s.push(v1); s.push(v1); }
                else { T v1 = s.copy(s.pop()), v2 = s.copy(s.pop()); s.push(v2); s.push(v1); s.push(v2); s.push(v1); }
                return;
            }
            case DUP2_X1: {
                if (s.wideAt(0)) { T v1 = s.copy(s.pop()), v2 = s.pop(); s.push(v1); s.push(v2); s.push(v1); }
                else {
                    T v1 = s.copy(s.pop()), v2 = s.copy(s.pop()), v3 = s.pop();
                    s.push(v2); s.push(v1); s.push(v3); s.push(v2); s.push(v1);
                }
                return;
            }
            case DUP2_X2: {
                // javac's x[i]++ or x[i] += v used as a value, on a long[]: the long goes under the array and index
                if (s.wideAt(0) && s.wideAt(1)) { T v1 = s.copy(s.pop()), v2 = s.pop(); s.push(v1); s.push(v2); s.push(v1); }
                else if (s.wideAt(0)) {
                    T v1 = s.copy(s.pop()), v2 = s.pop(), v3 = s.pop();
                    s.push(v1); s.push(v3); s.push(v2); s.push(v1);
                } else if (s.wideAt(2)) {
                    T v1 = s.copy(s.pop()), v2 = s.copy(s.pop()), v3 = s.pop();
                    s.push(v2); s.push(v1); s.push(v3); s.push(v2); s.push(v1);
                } else {
                    T v1 = s.copy(s.pop()), v2 = s.copy(s.pop()), v3 = s.pop(), v4 = s.pop();
                    s.push(v2); s.push(v1); s.push(v4); s.push(v3); s.push(v2); s.push(v1);
                }
                return;
            }
            case SWAP: { T v1 = s.pop(), v2 = s.pop(); s.push(v1); s.push(v2); return; }
            default: throw new IllegalArgumentException("not a stack shuffle: opcode " + opcode);
        }
    }
}
