package org.jbpf.sim.verifier;

import java.util.HashMap;
import java.util.Map;

/**
 * The pairing of ids (pointer, link and reference ids) between two states compared exactly, as the kernel's id map:
 * an id of one state stands for one id of the other throughout, 0 only for 0. Two states that differ only in how
 * their ids were numbered are then the same state.
 */
final class IdPairs {
    private final Map<Integer, Integer> forward = new HashMap<>(), backward = new HashMap<>();

    /** Pairs {@code a} of the first state with {@code b} of the second; false when either is already paired otherwise. */
    boolean pair(int a, int b) {
        if (a == 0 || b == 0) return a == b;
        Integer x = forward.get(a), y = backward.get(b);
        if (x == null && y == null) {
            forward.put(a, b);
            backward.put(b, a);
            return true;
        }
        return x != null && x == b && y != null && y == a;
    }
}
