package org.jbpf.translator.analysis;

import static org.jbpf.translator.analysis.ValueChecks.*;
import static org.objectweb.asm.Opcodes.*;

import org.jbpf.translator.frontend.StructRegistry;
import org.jbpf.translator.frontend.ValueType;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The analysis of primitive arrays: local arrays made with a constant length on the BPF stack, element loads and
 * stores (a variable index is checked where it is used), lengths; arrays of objects are refused here.
 */
final class ArraySteps {
    private ArraySteps() {}

    /** How the origin of a pointer to a {@code @Constant} byte array starts, so that stores into it can be refused. */
    static final String CONSTANT_ARRAY = Value.CONSTANT_ARRAY;

    /** Bytes of BPF stack one local array may take. */
    static final int MAX_LOCAL_ARRAY = 256;

    /** Steps {@code in}, the instruction at i, when it makes, reads or writes an array; false when it does not. */
    static boolean step(MethodAnalysis a, int i, AbstractInsnNode in, int op, Frame f) {
        switch (op) {
            case IALOAD: case LALOAD: case BALOAD: case CALOAD: case SALOAD: {
                Value idx = f.pop();
                Value arr = f.pop();
                checkArray(a, i, arr, idx, op);
                f.push(new Value.Scalar(op == LALOAD, null));
                break;
            }
            case IASTORE: case LASTORE: case BASTORE: case CASTORE: case SASTORE: {
                f.pop();
                Value idx = f.pop();
                Value arr = f.pop();
                checkArray(a, i, arr, idx, op);
                if (arr instanceof Value.Ptr p && p.origin().startsWith(CONSTANT_ARRAY))
                    throw a.error(i, "@Constant " + (p.target() instanceof ValueType.Bytes ? "byte array " : "table ") + p.origin().substring(CONSTANT_ARRAY.length())
                            + " is read-only in programs; its " + (p.target() instanceof ValueType.Bytes ? "bytes are" : "numbers are") + " set from Java before loading");
                break;
            }
            case AALOAD: case AASTORE: {
                // the ordinals of an enum's values() (EnumCalls): an int[] javac reads and writes as an array of objects
                if (!EnumCalls.isOrdinals(f.peek(op == AALOAD ? 1 : 2))) throw a.error(i, StructRegistry.OBJECT_ARRAYS);
                if (op == AASTORE) f.pop();
                Value idx = f.pop();
                Value arr = f.pop();
                checkArray(a, i, arr, idx, IALOAD);
                if (op == AALOAD) f.push(new Value.Scalar(false, null));
                break;
            }
            case NEWARRAY: {
                Value len = f.pop();
                ValueType.Prim element = arrayElement(((IntInsnNode) in).operand);
                if (element == null)
                    throw a.error(i, "only boolean, byte, short, char, int and long arrays can be created in a BPF program; float and double do not exist there");
                // an empty array (javac's for a varargs call without arguments) has no element to reach: every index is out of range
                if (!(len instanceof Value.Scalar s) || s.constant() == null || s.constant() < 0 || s.constant() * element.size() > MAX_LOCAL_ARRAY)
                    throw a.error(i, "array length must be a constant from 0 to " + MAX_LOCAL_ARRAY / element.size() + " (a " + element.javaName()
                            + " array may take at most " + MAX_LOCAL_ARRAY + " of the 512 bytes of BPF stack)"
                            + (len instanceof Value.Scalar v && v.constant() == null ? "; for a length known only when the program runs, make "
                               + "the array as long as it may need to be and keep the count in use in an int" : ""));
                int n = (int) (long) s.constant();
                ValueType t = element.kind() == org.jbpf.core.layout.StructLayout.Kind.BYTE ? new ValueType.Bytes(n) : new ValueType.PrimArray(element.kind(), n);
                f.push(new Value.StackObj(t, (int) (a.site(i) & 0x7fffffff)));
                break;
            }
            case ANEWARRAY: case MULTIANEWARRAY: {
                // new long[2][3] (or new long[2][]): an array of arrays, not of structs, so the struct advice does not fit
                String desc = in instanceof MultiANewArrayInsnNode m ? m.desc.substring(1) : ((TypeInsnNode) in).desc;
                Type element = desc.startsWith("[") ? Type.getType(desc).getElementType() : null;
                if (desc.equals("java/lang/Object"))
                    throw a.error(i, "arrays of objects are not supported; javac makes one here for the arguments of a call with "
                            + "variable arguments (Objects.hash, String.format): compute the value from the numbers instead, e.g. 31 * a + b");
                if (element == null || element.getSort() == Type.OBJECT) throw a.error(i, StructRegistry.OBJECT_ARRAYS);
                throw a.error(i, "arrays of arrays (" + Type.getType("[" + desc).getClassName() + ") are not supported; use one "
                        + element.getClassName() + "[] of rows * columns elements and index it with row * columns + column");
            }
            case ARRAYLENGTH: {
                Value arr = f.pop();
                f.push(new Value.Scalar(false, (long) ValueType.lengthOf(arrayOf(a, i, arr))));
                break;
            }
            default: return false;
        }
        return true;
    }

    /** The element type of a NEWARRAY operand (a boolean array is the JVM's byte array of 0 and 1), or null for float and double arrays. */
    private static ValueType.Prim arrayElement(int type) {
        switch (type) {
            case T_BYTE: case T_BOOLEAN: return (ValueType.Prim) ValueType.BYTE;
            case T_SHORT: return (ValueType.Prim) ValueType.SHORT;
            case T_CHAR: return new ValueType.Prim(org.jbpf.core.layout.StructLayout.Kind.CHAR);
            case T_INT: return (ValueType.Prim) ValueType.INT;
            case T_LONG: return (ValueType.Prim) ValueType.LONG;
            default: return null;
        }
    }
}
