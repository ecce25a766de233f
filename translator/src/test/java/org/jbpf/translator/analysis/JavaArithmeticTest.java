package org.jbpf.translator.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.objectweb.asm.Opcodes.*;

import org.jbpf.core.asm.Opcodes;
import org.junit.jupiter.api.Test;

/** Constant folding through core's AluSemantics gives what the JVM computes, corner cases included. */
class JavaArithmeticTest {
    static final int[] INTS = {0, 1, -1, 7, -7, 31, 32, 33, 65, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x12345678};
    static final long[] LONGS = {0, 1, -1, 7, -7, 63, 64, 65, Long.MAX_VALUE, Long.MIN_VALUE, 0x123456789abcdefL, 1L << 32};

    static Long fold(int op, long x, long y) {
        boolean wide = JavaArithmetic.isLong(op);
        return JavaArithmetic.fold(op, new Value.Scalar(wide, x), new Value.Scalar(wide, y));
    }

    @Test
    void intOperationsMatchTheJvm() {
        for (int a : INTS)
            for (int b : INTS) {
                assertEquals((long) (a + b), fold(IADD, a, b));
                assertEquals((long) (a - b), fold(ISUB, a, b));
                assertEquals((long) (a * b), fold(IMUL, a, b));
                assertEquals((long) (a << b), fold(ISHL, a, b));
                assertEquals((long) (a >> b), fold(ISHR, a, b));
                assertEquals((long) (a >>> b), fold(IUSHR, a, b));
                assertEquals((long) (a & b), fold(IAND, a, b));
                assertEquals((long) (a | b), fold(IOR, a, b));
                assertEquals((long) (a ^ b), fold(IXOR, a, b));
                if (b == 0) {
                    assertNull(fold(IDIV, a, b));
                    assertNull(fold(IREM, a, b));
                } else {
                    assertEquals((long) (a / b), fold(IDIV, a, b), a + " / " + b);
                    assertEquals((long) (a % b), fold(IREM, a, b), a + " % " + b);
                }
            }
    }

    @Test
    void longOperationsMatchTheJvm() {
        for (long a : LONGS)
            for (long b : LONGS) {
                assertEquals(a + b, fold(LADD, a, b));
                assertEquals(a * b, fold(LMUL, a, b));
                assertEquals(a << b, fold(LSHL, a, b));
                assertEquals(a >> b, fold(LSHR, a, b));
                assertEquals(a >>> b, fold(LUSHR, a, b));
                assertEquals(a ^ b, fold(LXOR, a, b));
                if (b != 0) {
                    assertEquals(a / b, fold(LDIV, a, b), a + " / " + b);
                    assertEquals(a % b, fold(LREM, a, b), a + " % " + b);
                }
            }
    }

    @Test
    void mappingToBpf() {
        assertEquals(Opcodes.ARSH, JavaArithmetic.bpfOp(ISHR));
        assertEquals(Opcodes.RSH, JavaArithmetic.bpfOp(LUSHR));
        assertEquals(Opcodes.MOD, JavaArithmetic.bpfOp(IREM));
        assertEquals(true, JavaArithmetic.isSigned(LDIV));
        assertEquals(false, JavaArithmetic.isSigned(IMUL));
        assertEquals(false, JavaArithmetic.isBinary(FADD));
        assertEquals(true, JavaArithmetic.isBinary(LXOR));
    }
}
