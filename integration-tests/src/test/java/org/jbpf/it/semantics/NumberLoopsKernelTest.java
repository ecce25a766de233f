package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jbpf.BPF;
import org.jbpf.Loops;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.sim.maps.SimMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Numeric iterators from Java: {@link NumberLoops} runs 100,000 iterations of a {@code Loops.numbers} loop on the kernel
 * and counts exactly what the JVM counts running the same loops, on both backends; the verifier simulation accepts the
 * program and its interpreter agrees.
 */
class NumberLoopsKernelTest {
    /** (from, to, stop) inputs: a plain range, one stopped early, a negative one, an empty one. */
    static final long[][] INPUTS = {{0, 10, -1}, {5, 1000, 300}, {-50, 50, 1000}, {7, 7, 0}, {100, 3, 0}};

    /** What the JVM computes for {@link NumberLoops#run}: out[0..6]. */
    static long[] expected(long from, long to, long stop) {
        long sum = 0, count = 0;
        Loops.Numbers it = Loops.numbers(0, 100_000);
        while (it.next()) { sum += it.value(); count++; }
        it.close();
        long sumUntil = 0, last = -1;
        Loops.Numbers range = Loops.numbers((int) from, (int) to);
        while (range.next()) {
            int v = range.value();
            if (v == stop) break;
            sumUntil += v;
            last = v;
        }
        range.close();
        long empty = 0;
        Loops.Numbers backwards = Loops.numbers(10, 5);
        while (backwards.next()) empty++;
        Loops.Numbers huge = Loops.numbers(0, Loops.MAX_ITERATIONS + 1);
        while (huge.next()) empty++;
        return new long[] {sum, count, sumUntil, last, empty, NumberLoops.pairs((int) to & 63), NumberLoops.sumBelow((int) to)};
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void hundredThousandIterationsCountExactly(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(NumberLoops.class), NumberLoops.class)) {
            BpfMap<Integer, Long> in = bpf.map(NumberLoops.in), out = bpf.map(NumberLoops.out);
            for (long[] input : INPUTS) {
                for (int k = 0; k < 3; k++) in.put(k, input[k]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                long[] want = expected(input[0], input[1], input[2]);
                for (int slot = 0; slot < want.length; slot++)
                    assertEquals(want[slot], out.get(slot), "slot " + slot + " input " + java.util.Arrays.toString(input));
            }
            assertEquals(100_000, out.get(1));
            assertEquals(4_999_950_000L, out.get(0));
        }
        assertEquals(45, expected(0, 10, -1)[2]);
        assertEquals(9, expected(0, 10, -1)[3]);
        assertEquals(299, expected(5, 1000, 300)[3]);
        assertEquals(0, expected(5, 1000, 300)[4]);
        assertEquals(40 * 39 / 2, expected(5, 1000, 300)[5]);
        assertEquals(999 * 1000 / 2, expected(5, 1000, 300)[6]);
    }

    /** How many numbers a range gives on the JVM, and the last one. */
    static long[] countAndLast(int from, int to) {
        Loops.Numbers it = Loops.numbers(from, to);
        long count = 0;
        while (it.next()) count++;
        long last = it.value();
        it.close();
        return new long[] {count, last};
    }

    /** The JVM's Loops.numbers follows the kernel's rules: backward or too long ranges are empty, next stays false. */
    @Test
    void numbersRunInJavaAsInTheKernel() {
        assertEquals(0, Loops.numbers(3, 9).value(), "before the first next");
        assertArrayEquals(new long[] {6, 8}, countAndLast(3, 9));
        assertArrayEquals(new long[] {5, -1}, countAndLast(-5, 0));
        assertArrayEquals(new long[] {0, 0}, countAndLast(9, 3));
        assertArrayEquals(new long[] {0, 0}, countAndLast(4, 4));
        assertArrayEquals(new long[] {Loops.MAX_ITERATIONS, Loops.MAX_ITERATIONS - 1}, countAndLast(0, Loops.MAX_ITERATIONS));
        assertArrayEquals(new long[] {0, 0}, countAndLast(0, Loops.MAX_ITERATIONS + 1));
        assertArrayEquals(new long[] {2, Integer.MAX_VALUE - 1}, countAndLast(Integer.MAX_VALUE - 2, Integer.MAX_VALUE));
        Loops.Numbers it = Loops.numbers(0, 1);
        assertTrue(it.next());
        assertFalse(it.next());
        assertFalse(it.next(), "a used-up iterator stays used up");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void verifierSimulationAcceptsAndInterpreterCounts(Backend backend) {
        BpfObject obj = backend.translate(NumberLoops.class);
        for (VerifierResult r : Verifier.verifyAll(obj)) assertTrue(r.ok(), r.toString());
        for (long[] input : INPUTS) {
            Interpreter sim = new Interpreter(obj);
            for (int k = 0; k < 3; k++) sim.map("in").update(SimMap.u32(k), SimMap.u64(input[k]), SimMap.ANY);
            assertEquals(2, sim.runPacket("run", new byte[64]));
            long[] want = expected(input[0], input[1], input[2]);
            for (int slot = 0; slot < want.length; slot++) assertEquals(want[slot], sim.map("out").getLong(slot), "slot " + slot);
        }
    }
}
