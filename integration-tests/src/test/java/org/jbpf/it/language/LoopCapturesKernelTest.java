package org.jbpf.it.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.newuser.ComputingProbesKernelTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Loops.repeat lambdas that capture map values: a captured Long keeps its number while the body updates its key, and
 * a captured struct map value is written in place, run after run, as the JVM computes it.
 */
class LoopCapturesKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void capturedMapValuesKeepJavasMeaning(Backend backend) {
        var object = backend.translate(LoopCapturedLookup.class);
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(object, LoopCapturedLookup.class)) {
            long sum = 0;
            int count = 0;
            for (long[] ab : ComputingProbesKernelTest.INPUTS) {
                bpf.map(LoopCapturedLookup.in).put(0, ab[0]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                long[] want = LoopCapturedLookup.expected(ab[0], sum, count);
                sum = want[2];
                count = (int) want[3];
                assertEquals(want[0], bpf.map(LoopCapturedLookup.out).get(0), "total for " + ab[0]);
                assertEquals(want[1], bpf.map(LoopCapturedLookup.out).get(1), "key 0 after the loop for " + ab[0]);
                LoopCapturedLookup.Totals t = bpf.map(LoopCapturedLookup.totals).get(0);
                assertEquals(sum, t.sum, "sum after " + ab[0]);
                assertEquals(count, t.runs, "runs after " + ab[0]);
                runs++;
            }
        }
        assertEquals(ComputingProbesKernelTest.INPUTS.size(), runs);
    }
}
