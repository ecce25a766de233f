package org.jbpf.it.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.newuser.ComputingProbesKernelTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What jbpf promises for a division by a variable that is zero, where Java throws: the quotient is 0 and the remainder
 * the dividend, as BPF divides (signed and unsigned, int and long, floorDiv/floorMod and narrow divisors alike). The
 * kernel's results are those of {@code DivisionByZeroVariable.reference}, which is the JVM's {@code compute} wherever
 * no divisor is zero.
 */
class DivisionByZeroKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aZeroDivisorGivesZeroAndTheRemainderTheDividend(Backend backend) {
        var object = backend.translate(DivisionByZeroVariable.class);
        KernelCheck.require();
        int runs = 0, zero = 0;
        try (BPF bpf = BPF.load(object, DivisionByZeroVariable.class)) {
            var in = bpf.map(DivisionByZeroVariable.in);
            for (long[] ab : ComputingProbesKernelTest.INPUTS) {
                long a = ab[0], b = ab[1];
                boolean anyZero = (int) b == 0 || (short) b == 0;
                if (anyZero) {
                    zero++;
                    assertThrows(ArithmeticException.class, () -> DivisionByZeroVariable.compute(a, b), "Java throws for " + b);
                } else {
                    assertEquals(DivisionByZeroVariable.compute(a, b), DivisionByZeroVariable.reference(a, b), "the reference is Java's");
                }
                in.put(0, a);
                in.put(1, b);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(DivisionByZeroVariable.reference(a, b), bpf.map(DivisionByZeroVariable.out).get(0), "compute(" + a + ", " + b + ")");
                runs++;
            }
        }
        assertEquals(ComputingProbesKernelTest.INPUTS.size(), runs);
        assertEquals(145, zero, "inputs with a zero int, short or long divisor");
    }
}
