package org.jbpf.translator.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jbpf.core.obj.BpfObject;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A local object (a struct or array made by new) that a variable holds from an earlier round of a loop, used after its
 * new ran again, which reuses its stack area: refused at the use; objects nothing uses after that: translated.
 */
class NewInLoopTest {
    private static BpfObject translate(String probe) {
        return Translator.translate(NewInLoopProbes.class.getName() + "$" + probe,
                Translator.ClassSource.of(NewInLoopTest.class.getClassLoader()));
    }

    private static String refusal(String probe) {
        return assertThrows(TranslationException.class, () -> translate(probe)).getMessage();
    }

    private static String remade(int useLine, String name, String what, int newLine) {
        return "NewInLoopProbes.java:" + useLine + ": " + name + " holds " + what + " made by new at NewInLoopProbes.java:" + newLine
                + " in an earlier round of the loop (or a value inside one), whose storage the new one made there reuses: a local object "
                + "has one place on the stack for each new in the program; copy what you need from it into locals before that new runs "
                + "again, or make it once before the loop";
    }

    @Test
    void thePreviousRoundsStructReadAfterItsNewIsRefused() {
        assertEquals(remade(49, "prev", "a Pair", 48), refusal("PreviousRound"));
    }

    @Test
    void aNestedStructReadFromThePreviousRoundsObjectIsRefused() {
        assertEquals(remade(67, "keep", "a Pair", 66), refusal("InnerKept"));
    }

    @Test
    void thePreviousRoundsArrayIsRefused() {
        assertEquals(remade(85, "prev", "an array long[2]", 84), refusal("ArrayKept"));
    }

    @Test
    void anElementOfThePreviousRoundsStructArrayIsRefused() {
        assertEquals(remade(103, "keep", "an array Slot[2]", 102), refusal("SlotKept"));
    }

    @Test
    void aConstructorReadingTheObjectMadeThereBeforeIsRefused() {
        assertEquals(remade(33, "from", "a Link", 119), refusal("ConstructorReadsPrevious"));
    }

    @Test
    void anObjectAnInlinedFactoryMadeBeforeIsRefusedAfterTheNextCall() {
        assertEquals(remade(140, "prev", "a Pair", 139), refusal("FactoryThenRead"));
    }

    @Test
    void anObjectAnInlinedMethodChoseAmongItsReturnsIsRefused() {
        assertEquals(remade(215, "prev", "a Pair", 212), refusal("PickedAfterNew"));
    }

    /** Sent, copied into locals first, or read in the arguments before the call that makes the next one: translated. */
    @ParameterizedTest
    @ValueSource(strings = {"MadeFilledSent", "CopiedFirst", "ArgumentsFirst", "PickedEachRound"})
    void objectsNotUsedAfterTheirNewRanAgainAreTranslated(String probe) {
        assertEquals(1, translate(probe).programs().size());
    }
}
