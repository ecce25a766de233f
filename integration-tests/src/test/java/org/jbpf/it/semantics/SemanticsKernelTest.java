package org.jbpf.it.semantics;

import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongBinaryOperator;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.runtime.BpfMap;
import org.jbpf.translator.Translator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Differential test of the translator against the JVM: every computation in {@link Semantics} runs in the kernel
 * (translated, verified and executed with BPF_PROG_TEST_RUN) on edge and random inputs and must give the JVM's result.
 */
class SemanticsKernelTest {
    record Case(String program, int slot, LongBinaryOperator java) {}

    static final List<Case> CASES = List.of(
            new Case("runIntArithmetic", 0, Semantics::intArithmetic),
            new Case("runLongArithmetic", 1, Semantics::longArithmetic),
            new Case("runDivision", 2, Semantics::division),
            new Case("runUnsigned", 3, Semantics::unsigned),
            new Case("runComparisons", 4, Semantics::comparisons),
            new Case("runLoops", 5, Semantics::loops),
            new Case("runNarrowing", 6, Semantics::narrowing),
            new Case("runStructs", 7, Semantics::structs),
            new Case("runSwitches", 8, Semantics::switches),
            new Case("runHelperCalls", 9, Semantics::helperCalls));

    static List<long[]> inputs() {
        long[] edges = {0, 1, -1, 2, -2, 3, 5, 7, -7, 100, 1 << 20, 31, 32, 63, 64, 255, 256, 65535, Integer.MAX_VALUE, Integer.MIN_VALUE,
                0xffffffffL, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32, -(1L << 33) + 5};
        List<long[]> out = new ArrayList<>();
        for (long a : edges) for (long b : edges) out.add(new long[] {a, b});
        Random r = new Random(42);
        for (int i = 0; i < 200; i++) out.add(new long[] {r.nextLong(), r.nextInt(3) == 0 ? r.nextInt(100) - 50 : r.nextLong()});
        return out;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void kernelComputesWhatTheJvmComputes(Backend backend) {
        org.jbpf.it.KernelCheck.require();
        BpfObject object = backend.translate(Semantics.class);
        int runs = 0;
        try (BPF bpf = BPF.load(object, Semantics.class)) {
            BpfMap<Integer, Long> in = bpf.map(Semantics.in);
            BpfMap<Integer, Long> out = bpf.map(Semantics.out);
            for (long[] ab : inputs()) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                for (Case c : CASES) {
                    LoadedProgram p = bpf.program(c.program());
                    int ret = p.testRun(new byte[64], 1).retval();
                    assertEquals(2, ret, c.program() + " returned " + ret);
                    long expected = c.java().applyAsLong(ab[0], ab[1]);
                    assertEquals(expected, out.get(c.slot()), c.program() + "(" + ab[0] + ", " + ab[1] + ")");
                    runs++;
                }
            }
        }
        System.out.println("semantics (" + backend + "): " + runs + " kernel runs agreed with the JVM");
    }
}
