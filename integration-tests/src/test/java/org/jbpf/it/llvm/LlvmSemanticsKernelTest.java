package org.jbpf.it.llvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.semantics.Semantics;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.api.Test;

/**
 * The differential probe {@link Semantics} translated through LLVM: every computation runs in the kernel on edge and
 * random inputs and must give what the JVM gives, as the direct backend's translation does.
 */
class LlvmSemanticsKernelTest {
    record Case(String program, int slot, String javaMethod) {}

    static final List<Case> CASES = List.of(
            new Case("runIntArithmetic", 0, "intArithmetic"),
            new Case("runLongArithmetic", 1, "longArithmetic"),
            new Case("runDivision", 2, "division"),
            new Case("runUnsigned", 3, "unsigned"),
            new Case("runComparisons", 4, "comparisons"),
            new Case("runLoops", 5, "loops"),
            new Case("runNarrowing", 6, "narrowing"),
            new Case("runStructs", 7, "structs"),
            new Case("runSwitches", 8, "switches"),
            new Case("runHelperCalls", 9, "helperCalls"));

    static List<long[]> inputs() {
        long[] edges = {0, 1, -1, 2, -2, 3, 5, 7, -7, 100, 1 << 20, 31, 32, 63, 64, 255, 256, 65535, Integer.MAX_VALUE, Integer.MIN_VALUE,
                0xffffffffL, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32, -(1L << 33) + 5};
        List<long[]> out = new ArrayList<>();
        for (long a : edges) for (long b : edges) out.add(new long[] {a, b});
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) out.add(new long[] {r.nextLong(), r.nextInt(3) == 0 ? r.nextInt(100) - 50 : r.nextLong()});
        return out;
    }

    /** The JVM's answer: the probe's own Java method (package-private in the probe class). */
    private static long java(Case c, long a, long b) throws Exception {
        Method m = Semantics.class.getDeclaredMethod(c.javaMethod(), long.class, long.class);
        m.setAccessible(true);
        return (long) m.invoke(null, a, b);
    }

    @Test
    void kernelComputesWhatTheJvmComputesThroughLlvm() throws Exception {
        LlvmObjects.require();
        BpfObject object = LlvmObjects.translate(Semantics.class);
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
                    assertEquals(java(c, ab[0], ab[1]), out.get(c.slot()), c.program() + "(" + ab[0] + ", " + ab[1] + ") through LLVM");
                    runs++;
                }
            }
        }
        System.out.println("semantics through LLVM: " + runs + " kernel runs agreed with the JVM");
    }
}
