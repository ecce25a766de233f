package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jbpf.BPF;
import org.jbpf.Helpers;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** int[], long[], short[] and char[] arrays ({@link PrimitiveArrays}) in the kernel with both backends, against the JVM. */
class PrimitiveArraysKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void arraysComputeWhatTheJvmComputes(Backend backend) {
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(backend.translate(PrimitiveArrays.class), PrimitiveArrays.class)) {
            BpfMap<Integer, Long> in = bpf.map(PrimitiveArrays.in), out = bpf.map(PrimitiveArrays.out);
            for (long[] ab : SemanticsKernelTest.inputs()) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("runLoops").testRun(new byte[64], 1).retval());
                assertEquals(PrimitiveArrays.loops(ab[0], ab[1]), out.get(0), "loops(" + ab[0] + ", " + ab[1] + ")");
                assertEquals(2, bpf.program("runOutOfRange").testRun(new byte[64], 1).retval());
                assertEquals(PrimitiveArrays.outOfRangeInKernel(ab[0], ab[1]), out.get(1), "outOfRange(" + ab[0] + ", " + ab[1] + ")");
                runs++;
            }
            // in range the kernel agrees with the JVM itself
            in.put(0, 3L);
            in.put(1, 1L);
            bpf.program("runOutOfRange").testRun(new byte[64], 1);
            assertEquals(PrimitiveArrays.outOfRange(3, 1), out.get(1));
            assertEquals(12 * 1000L + 1 + 8 + 500, out.get(1));
            in.put(0, -1L);
            in.put(1, 9L);
            bpf.program("runOutOfRange").testRun(new byte[64], 1);
            assertEquals(0L + 1 + 8, out.get(1), "index -1 writes nothing and index 9 reads 0");
        }
        assertEquals(SemanticsKernelTest.inputs().size(), runs);
        System.out.println("primitive arrays (" + backend + "): " + runs + " inputs agreed with the JVM");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void histogramBucketsCountInPlace(Backend backend) {
        KernelCheck.require();
        long[] values = {0, 1, 2, 3, 5, 1000, 1023, 1024, 1L << 40, -1, Long.MAX_VALUE, 7, 7, 7};
        long[] buckets = new long[64];
        int[] low = new int[4];
        try (BPF bpf = BPF.load(backend.translate(PrimitiveArrays.class), PrimitiveArrays.class)) {
            BpfMap<Integer, Long> in = bpf.map(PrimitiveArrays.in);
            for (long v : values) {
                in.put(0, v);
                assertEquals(2, bpf.program("runHist").testRun(new byte[64], 1).retval());
                buckets[Helpers.log2(v)]++;
                low[(int) (v & 3)]++;
            }
            PrimitiveArrays.Hist h = bpf.map(PrimitiveArrays.hists).get(0);
            assertEquals(values.length, h.count);
            assertArrayEquals(buckets, h.buckets);
            assertArrayEquals(low, h.low);
            assertEquals(4, h.buckets[2], "5 and three 7s fell into bucket 2");
            for (long v : values) {
                in.put(0, v);
                assertEquals(2, bpf.program("runAtomic").testRun(new byte[64], 1).retval());
                buckets[Helpers.log2(v)]++;
                int index = (int) v;
                if (index >= 0 && index < 4) low[index] += 100;
            }
            h = bpf.map(PrimitiveArrays.hists).get(0);
            assertArrayEquals(buckets, h.buckets, "Atomic.increment counted each value once more");
            assertArrayEquals(low, h.low, "Atomic.add reached low[(int) v] only where (int) v is from 0 to 3");
            assertEquals(204, h.low[0], "four values with v & 3 == 0, and 100 each for v = 0 and v = 1 << 40 (int 0)");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void verifierSimulationAcceptsWhatTheKernelAccepts(Backend backend) {
        for (VerifierResult r : Verifier.verifyAll(backend.translate(PrimitiveArrays.class)))
            assertTrue(r.ok(), r.toString());
    }
}
