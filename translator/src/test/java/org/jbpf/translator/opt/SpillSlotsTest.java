package org.jbpf.translator.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.translator.backend.Encoder;
import org.jbpf.translator.backend.RegisterAllocator;
import org.jbpf.translator.backend.StackFrameLayout;
import org.junit.jupiter.api.Test;

/** Spilled values never needed at the same time share stack slots, as values share registers. */
class SpillSlotsTest {

    @Test
    void roundsOfSpilledValuesReuseTheFirstRoundsSlots() {
        StackFrameLayout one = new StackFrameLayout(), three = new StackFrameLayout();
        List<Insn> single = allocate(1, one), triple = allocate(3, three);
        assertTrue(one.used() >= 16, "one round of twelve live values spills: " + single);
        assertEquals(one.used(), three.used(), "three rounds, one after the other, need no more stack than one: " + triple);
        // round k holds 100k + 1 .. 100k + 12: their sums, 78 + 1200k, added up
        assertEquals(78, MirPassesTest.run(single));
        assertEquals(3 * 78 + 1200 * (0 + 1 + 2), MirPassesTest.run(triple), triple.toString());
    }

    /** {@code rounds} times: twelve values live at once, then summed into the total, which lives throughout. */
    private static List<Insn> allocate(int rounds, StackFrameLayout frame) {
        MirPassesTest.B b = new MirPassesTest.B();
        int total = b.v();
        b.movImm(total, 0);
        for (int k = 0; k < rounds; k++) {
            int[] v = new int[12];
            for (int i = 0; i < v.length; i++) b.movImm(v[i] = b.v(), 100L * k + i + 1);
            int sum = b.v();
            b.movImm(sum, 0);
            for (int x : v) b.addReg(sum, x);
            b.addReg(total, sum);
        }
        b.exit(total);
        new RegisterAllocator(b.mir, frame).run();
        Pipeline.cleanUp(b.mir);
        return Encoder.encode(b.mir);
    }
}
