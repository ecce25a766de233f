package org.jbpf.translator.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JVM's stack shuffles on a stack of names; names starting with J are longs (one entry, two JVM slots). */
class StackShuffleTest {

    /** Runs opcode on a stack given bottom first; copies are marked with a quote. */
    static List<String> after(int opcode, String... bottomFirst) {
        List<String> stack = new ArrayList<>(List.of(bottomFirst));
        StackShuffle.apply(opcode, new StackShuffle.Stack<String>() {
            @Override public String pop() { return stack.remove(stack.size() - 1); }
            @Override public void push(String v) { stack.add(v); }
            @Override public boolean wideAt(int depth) { return stack.get(stack.size() - 1 - depth).startsWith("J"); }
            @Override public String copy(String v) { return v + "'"; }
        });
        return stack;
    }

    @Test
    void dupAndSwap() {
        assertEquals(List.of("a", "b'", "b'"), after(DUP, "a", "b"));
        assertEquals(List.of("b", "a"), after(SWAP, "a", "b"));
        assertEquals(List.of("b'", "a", "b'"), after(DUP_X1, "a", "b"));
    }

    @Test
    void twoSlotFormsTreatALongAsOneValue() {
        assertEquals(List.of("a", "J'", "J'"), after(DUP2, "a", "J"));
        assertEquals(List.of("a'", "b'", "a'", "b'"), after(DUP2, "a", "b"));
        assertEquals(List.of("J'", "a", "J'"), after(DUP2_X1, "a", "J"));
        assertEquals(List.of("b'", "c'", "a", "b'", "c'"), after(DUP2_X1, "a", "b", "c"));
        assertEquals(List.of("c'", "J", "c'"), after(DUP_X2, "J", "c"));
        assertEquals(List.of("c'", "a", "b", "c'"), after(DUP_X2, "a", "b", "c"));
        assertEquals(List.of("a"), after(POP2, "a", "J"));
        assertEquals(List.of("x"), after(POP2, "x", "a", "b"));
        assertEquals(List.of("a"), after(POP, "a", "b"));
    }

    @Test
    void dup2x2InAllFourForms() {
        assertEquals(List.of("c'", "d'", "a", "b", "c'", "d'"), after(DUP2_X2, "a", "b", "c", "d"));
        assertEquals(List.of("J'", "a", "b", "J'"), after(DUP2_X2, "a", "b", "J"));
        assertEquals(List.of("b'", "c'", "Ja", "b'", "c'"), after(DUP2_X2, "Ja", "b", "c"));
        assertEquals(List.of("x", "Jb'", "Ja", "Jb'"), after(DUP2_X2, "x", "Ja", "Jb"));
    }

    @Test
    void everyShuffleIsPerformed() {
        assertTrue(StackShuffle.handles(DUP2_X2));
        assertTrue(StackShuffle.handles(POP) && StackShuffle.handles(SWAP) && StackShuffle.handles(DUP2_X1));
        assertFalse(StackShuffle.handles(IADD));
    }
}
