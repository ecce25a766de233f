package org.jbpf.translator.frontend;

import static org.objectweb.asm.Opcodes.*;

import java.util.Deque;
import java.util.Map;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Computes, while {@code <clinit>} is read symbolically, the static final values javac leaves to class loading although
 * they are known: {@code static final int TAG_LENGTH = TAG.length()}, {@code static final long NS = SECONDS * 1_000_000_000L
 * + EXTRA} over other such fields, casts and int/long arithmetic. Each step is Java's own operation on the constants, so
 * the value is the one the JVM gives the field; anything else is left for the caller (and a use of the field is refused).
 */
final class StaticInitFolding {
    private StaticInitFolding() {}

    /**
     * Steps {@code in} on the symbolic stack when its operands are constants; true when it did. {@code known} holds the
     * values of the class's static fields assigned so far.
     */
    static boolean step(AbstractInsnNode in, int op, Deque<Object> stack, String owner, Map<String, Object> known) {
        if (in instanceof MethodInsnNode mi && op == INVOKEVIRTUAL && mi.owner.equals("java/lang/String")
                && mi.name.equals("length") && !stack.isEmpty() && stack.peek() instanceof String s) {
            stack.pop();
            stack.push(s.length());
            return true;
        }
        if (in instanceof FieldInsnNode f && op == GETSTATIC && f.owner.equals(owner) && known.get(f.name) instanceof Number n) {
            stack.push(n);
            return true;
        }
        if (op >= IADD && op <= LXOR && stack.size() >= 2) {
            Object b = stack.pop(), a = stack.peek();
            Object r = binary(op, a, b);
            if (r == null) {
                stack.push(b);
                return false;
            }
            stack.pop();
            stack.push(r);
            return true;
        }
        if (stack.isEmpty()) return false;
        Object x = stack.peek();
        Object r = x instanceof Integer i ? unary(op, i) : x instanceof Long l ? unary(op, l) : null;
        if (r == null) return false;
        stack.pop();
        stack.push(r);
        return true;
    }

    private static Object unary(int op, int i) {
        switch (op) {
            case INEG: return -i;
            case I2L: return (long) i;
            case I2B: return (int) (byte) i;
            case I2S: return (int) (short) i;
            case I2C: return (int) (char) i;
            default: return null;
        }
    }

    private static Object unary(int op, long l) {
        switch (op) {
            case LNEG: return -l;
            case L2I: return (int) l;
            default: return null;
        }
    }

    private static Object binary(int op, Object a, Object b) {
        if (a instanceof Integer x && b instanceof Integer y) {
            switch (op) {
                case IADD: return x + y;
                case ISUB: return x - y;
                case IMUL: return x * y;
                case IDIV: return y == 0 ? null : x / y;
                case IREM: return y == 0 ? null : x % y;
                case ISHL: return x << y;
                case ISHR: return x >> y;
                case IUSHR: return x >>> y;
                case IAND: return x & y;
                case IOR: return x | y;
                case IXOR: return x ^ y;
                default: return null;
            }
        }
        if (a instanceof Long x && b instanceof Integer y) {  // long shifts take an int count
            switch (op) {
                case LSHL: return x << y;
                case LSHR: return x >> y;
                case LUSHR: return x >>> y;
                default: return null;
            }
        }
        if (a instanceof Long x && b instanceof Long y) {
            switch (op) {
                case LADD: return x + y;
                case LSUB: return x - y;
                case LMUL: return x * y;
                case LDIV: return y == 0 ? null : x / y;
                case LREM: return y == 0 ? null : x % y;
                case LAND: return x & y;
                case LOR: return x | y;
                case LXOR: return x ^ y;
                default: return null;
            }
        }
        return null;
    }
}
