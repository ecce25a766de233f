package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.LongBinaryOperator;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Differential test of the java.lang bit intrinsics and Helpers.log2: {@link Bits} runs in the kernel on edge and
 * random inputs, translated by each backend, and every result must be the JVM's.
 */
class BitsKernelTest {
    static final List<LongBinaryOperator> SLOTS = List.of(Bits::intCounts, Bits::longCounts, Bits::oneBits, Bits::rotations,
            Bits::byteOrder, Bits::signs, Bits::floors, Bits::histogram, Bits::constants);

    @ParameterizedTest
    @EnumSource(Backend.class)
    void bitMethodsComputeWhatTheJvmComputes(Backend backend) {
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(backend.translate(Bits.class), Bits.class)) {
            BpfMap<Integer, Long> in = bpf.map(Bits.in), out = bpf.map(Bits.out);
            for (long[] ab : SemanticsKernelTest.inputs()) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                for (int slot = 0; slot < SLOTS.size(); slot++) {
                    long expected = SLOTS.get(slot).applyAsLong(ab[0], ab[1]);
                    assertEquals(expected, out.get(slot), "slot " + slot + " on (" + ab[0] + ", " + ab[1] + ")");
                    runs++;
                }
            }
        }
        assertEquals(SemanticsKernelTest.inputs().size() * SLOTS.size(), runs);
        System.out.println("bits (" + backend + "): " + runs + " kernel results agreed with the JVM");
    }
}
