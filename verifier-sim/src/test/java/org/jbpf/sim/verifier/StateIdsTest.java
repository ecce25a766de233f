package org.jbpf.sim.verifier;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * States are compared as the kernel compares them, up to the numbering of their ids: an outer loop that opens a new
 * numbers iterator each round (random data seed 53 programs 77 and 142) holds a new reference each time, and its
 * rounds are the same state all the same, so the loop is found infinite, or covered, as the kernel finds it.
 */
class StateIdsTest {
    /** One frame holding an active iterator with reference {@code ref} at fp-8, and a lookup result of id {@code id} in r6. */
    private static VerifierState holding(int ref, int id) {
        RegState[] regs = new RegState[11];
        Arrays.fill(regs, RegState.NOT_INIT);
        regs[10] = RegState.stackPointer(0, 0);
        regs[6] = RegState.pointer(RegType.MAP_VALUE_OR_NULL, 0).withId(id);
        StackState stack = new StackState();
        stack.write(-8, 8, new RegState(RegType.ITER, ScalarBounds.constant(0), 0, null, 0, ref, 1, 0, 0));
        List<FrameState> frames = new ArrayList<>(List.of(new FrameState(regs, stack, -1, 0)));
        TreeMap<Integer, Integer> refs = new TreeMap<>();
        refs.put(ref, 3);
        return new VerifierState(frames, refs);
    }

    @Test
    void statesThatDifferOnlyInTheirIdsAreTheSame() {
        VerifierState round1 = holding(5, 6), round2 = holding(9, 10);
        assertTrue(round2.sameAs(round1), "a new iterator and a new lookup each round: the same state");
        assertTrue(round2.safeWhere(round1));
    }

    @Test
    void idsMustPairTheSameWayThroughout() {
        // the reference the iterator holds is the lookup's id in the other state: no renaming makes them the same
        VerifierState a = holding(5, 6), b = holding(6, 5);
        assertTrue(b.sameAs(a), "swapped ids still pair one to one");
        VerifierState c = holding(5, 5);
        assertFalse(c.sameAs(a), "one id of c would stand for two of a");
        assertFalse(c.safeWhere(a));
    }
}
