package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ScalarBoundsTest {
    @Test
    void tnumArithmetic() {
        Tnum x = Tnum.range(0, 7);
        assertEquals(new Tnum(0, 7), x);
        assertEquals(new Tnum(0, 0xf), x.add(x));
        assertEquals(Tnum.constant(12), Tnum.constant(3).mul(Tnum.constant(4)));
        assertEquals(new Tnum(0, 3), Tnum.UNKNOWN.and(Tnum.constant(3)));
        assertTrue(Tnum.constant(5).within(x));
        assertFalse(x.within(Tnum.constant(5)));
    }

    @Test
    void maskingBoundsAValue() {
        ScalarBounds v = ScalarBounds.UNKNOWN.alu(AND, ScalarBounds.constant(0xff));
        assertEquals(0, v.umin());
        assertEquals(0xff, v.umax());
        assertEquals(0, v.smin());
        assertEquals(0xff, v.smax());
    }

    @Test
    void branchesRefineBothEdges() {
        ScalarBounds[] taken = BranchBounds.refine(JLT, true, ScalarBounds.UNKNOWN, ScalarBounds.constant(10));
        assertEquals(9, taken[0].umax());
        ScalarBounds[] fall = BranchBounds.refine(JLT, false, ScalarBounds.UNKNOWN, ScalarBounds.constant(10));
        assertEquals(10, fall[0].umin());
        assertNull(BranchBounds.refine(JGT, true, ScalarBounds.unsignedRange(0, 5), ScalarBounds.constant(5)),
                "x <= 5 can never be > 5");
        assertNull(BranchBounds.refine(JEQ, true, ScalarBounds.constant(1), ScalarBounds.constant(2)));
    }

    @Test
    void overflowingAddLosesBounds() {
        ScalarBounds big = ScalarBounds.unsignedRange(0, -1L);
        assertEquals(ScalarBounds.UNKNOWN.umax(), big.add(ScalarBounds.constant(1)).umax());
        assertEquals(ScalarBounds.constant(0), ScalarBounds.constant(-1).add(ScalarBounds.constant(1)));
    }

    @Test
    void lowHalfKeepsItsSignedRange() {
        // w = [0,7] + (-1) in 32 bits: the zero-extended value is anywhere in [0, 2^32-1], its low half in [-1,6]
        ScalarBounds w = ScalarBounds.U32.withS32(-1, 6);
        assertEquals(-1, w.s32min());
        assertEquals(6, w.s32max());
        assertEquals(0xffffffffL, w.umax());
        // a range of one sign, with the upper half known to be zero, is also the 64-bit range
        ScalarBounds positive = w.withS32(1, Integer.MAX_VALUE);
        assertEquals(1, positive.umin());
        assertEquals(6, positive.umax());
        assertEquals(6, positive.smax());
        // derived from the 64-bit facts and from constants
        assertEquals(-1, ScalarBounds.constant(0xffffffffL).s32min());
        assertEquals(-16, ScalarBounds.unsignedRange(0xfffffff0L, 0xfffffffeL).s32min());
        // kept through zero-extension, compared in pruning, contradictions are empty
        assertEquals(-1, ScalarBounds.UNKNOWN.withS32(-1, 6).truncate(4).s32min());
        assertTrue(positive.within(w));
        assertFalse(w.within(positive));
        assertTrue(w.withS32(7, 9).isEmpty());
    }
}
