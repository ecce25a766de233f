package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link CountedAroundNumbers} loads on both backends (the kernel once refused the direct backend's code as an
 * "infinite loop", data seed 53 program 142) and gives the JVM's results for inputs that run the outer loop 0 to 3
 * times and leave the inner one early or not.
 */
class CountedAroundNumbersKernelTest {
    static final long[][] INPUTS = {{0, 0}, {1, 5}, {3, 6}, {2, 7}, {400, 3}, {-1, -1}, {7, 14}, {299, 4}};

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anOuterCountedLoopAroundANumbersLoopLoadsAndCountsAsTheJvm(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(CountedAroundNumbers.class), CountedAroundNumbers.class)) {
            BpfMap<Integer, Long> in = bpf.map(CountedAroundNumbers.in), out = bpf.map(CountedAroundNumbers.out);
            for (long[] ab : INPUTS) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(CountedAroundNumbers.inRegister(ab[0], ab[1]), out.get(0), "inRegister" + java.util.Arrays.toString(ab));
                assertEquals(CountedAroundNumbers.spilled(ab[0], ab[1]), out.get(1), "spilled" + java.util.Arrays.toString(ab));
            }
        }
        assertEquals(5, CountedAroundNumbers.inRegister(0, 5), "no pass round the outer loop");
    }
}
