package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jbpf.BPF;
import org.jbpf.Loops;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.maps.SimMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * bpf_loop from Java: {@link LoopCounts} runs 100,000 iterations on the kernel and counts exactly what the JVM counts
 * running the same {@link Loops#repeat}; the same loop as a Java for loop ({@link PlainLoop}) is refused by the
 * kernel, whose verifier gives up after 8,192 of its iterations. The verifier simulation accepts the loop bodies and its interpreter agrees.
 */
class LoopsKernelTest {
    static final long[] LIMITS = {0, 1, 45, 4_999_950_000L, 4_999_950_001L, Long.MAX_VALUE, 123_456_789};

    /** What the JVM computes for {@link LoopCounts#run} with {@code limit}: out[0..6]. */
    static long[] expected(long limit) {
        LoopCounts.State all = new LoopCounts.State(), some = new LoopCounts.State();
        int ran = Loops.repeat(100_000, LoopCounts::count, all);
        some.limit = limit;
        int stopped = Loops.repeat(100_000, LoopCounts::addUntil, some);
        return new long[] {all.count, ran, some.sum, some.count, stopped,
                Loops.repeat(Loops.MAX_ITERATIONS + 1, LoopCounts::count, all), Loops.repeat(1000, LoopCounts::nothing, null)};
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void hundredThousandIterationsCountExactly(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(LoopCounts.class), LoopCounts.class)) {
            BpfMap<Integer, Long> in = bpf.map(LoopCounts.in), out = bpf.map(LoopCounts.out);
            for (long limit : LIMITS) {
                in.put(0, limit);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                long[] want = expected(limit);
                for (int slot = 0; slot < want.length; slot++) assertEquals(want[slot], out.get(slot), "slot " + slot + " limit " + limit);
            }
            assertEquals(100_000, out.get(0));
            assertEquals(-7, out.get(5));
        }
        assertEquals(100_000, expected(Long.MAX_VALUE)[3]);
        assertEquals(100_000, expected(4_999_950_000L)[3]);   // 0 + 1 + … + 99,999 reaches the limit on the last step
        assertEquals(100_000, expected(4_999_950_001L)[4]);
        assertEquals(10, expected(45)[4]);
    }

    @Test
    void theSameLoopInJavaIsTooLargeForTheKernel() {
        KernelCheck.require();
        RuntimeException e = assertThrows(RuntimeException.class, () -> BPF.load(Backend.DIRECT.translate(PlainLoop.class), PlainLoop.class).close());
        // the verifier follows the loop iteration by iteration until its limit on one path's branches
        assertTrue(e.getMessage().contains("the kernel verifier rejected program \"run\" (section xdp/plain) at PlainLoop.java:22"), e.getMessage());
        assertTrue(e.getMessage().contains("The sequence of 8193 jumps is too complex."), e.getMessage());
    }

    @Test
    void verifierSimulationAcceptsAndInterpreterCounts() {
        BpfObject obj = Backend.DIRECT.translate(LoopCounts.class);
        for (VerifierResult r : Verifier.verifyAll(obj)) assertTrue(r.ok(), r.toString());
        Interpreter sim = new Interpreter(obj);
        long limit = 123_456_789;
        sim.map("in").update(SimMap.u32(0), SimMap.u64(limit), SimMap.ANY);
        assertEquals(2, sim.runPacket("run", new byte[64]));
        long[] want = expected(limit);
        for (int slot = 0; slot < want.length; slot++) assertEquals(want[slot], sim.map("out").getLong(slot), "slot " + slot);
    }
}
