package org.jbpf.translator.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jbpf.core.obj.BpfObject;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A map value a variable holds from an earlier round of a loop: refused where an update (or a delete and an update)
 * since may have changed its element in place, which Java's copy does not see; translated where nothing did.
 */
class HeldAcrossRoundsTest {
    private static BpfObject translate(String probe) {
        return Translator.translate(HeldAcrossRoundsProbes.class.getName() + "$" + probe,
                Translator.ClassSource.of(HeldAcrossRoundsTest.class.getClassLoader()));
    }

    private static String refusal(String probe) {
        return assertThrows(TranslationException.class, () -> translate(probe)).getMessage();
    }

    private static String inPlace(int line, String map, String name, int useLine, String call) {
        return "HeldAcrossRoundsProbes.java:" + line + ": the value of " + map + " is replaced here while " + name + " refers to the "
                + "value it held: in Java " + name + " keeps the old one, but the map holds its values in place, so " + name
                + " would see the new one at line " + useLine + " in a later round of the loop; copy what you need from " + name
                + " first, or look the value up again after " + call;
    }

    @org.junit.jupiter.api.Test
    void aForLoopsPreviousValueUpdatedSinceIsRefused() {
        assertEquals(inPlace(40, "cells", "prev", 37, "update"), refusal("PreviousRoundArray"));
    }

    @org.junit.jupiter.api.Test
    void aWhileLoopsPreviousHashValueUpdatedSinceIsRefused() {
        assertEquals(inPlace(62, "cells", "prev", 59, "update"), refusal("PreviousRoundWhileHash"));
    }

    @org.junit.jupiter.api.Test
    void aNumbersLoopsPreviousValueIncrementedSinceIsRefused() {
        assertEquals(inPlace(85, "cells", "prev", 82, "increment"), refusal("PreviousRoundNumbers"));
    }

    @org.junit.jupiter.api.Test
    void aPreviousStructValueReplacedSinceIsRefused() {
        assertEquals(inPlace(110, "pairs", "prev", 105, "update"), refusal("PreviousRoundStruct"));
    }

    @org.junit.jupiter.api.Test
    void aStructReadFromThePreviousValueIsRefusedOnceItsKeyIsUpdated() {
        assertEquals(inPlace(135, "outers", "prev", 131, "update"), refusal("PreviousRoundNested"));
    }

    @org.junit.jupiter.api.Test
    void anElementWrittenByTheRoundThatLookedItUpIsRefusedInTheNext() {
        assertEquals(inPlace(152, "values", "previous", 152, "update"), refusal("PreviousElementWritten"));
    }

    @org.junit.jupiter.api.Test
    void aPreviousHashValueDeletedAndWrittenAgainIsRefused() {
        // the same key: its element is written in place, whether a delete freed it before or not
        assertEquals(inPlace(176, "cells", "prev", 171, "update"), refusal("PreviousRoundDeleted"));
    }

    @org.junit.jupiter.api.Test
    void aPreviousValueAnInlinedMethodLookedUpIsRefused() {
        assertEquals(inPlace(200, "cells", "prev", 197, "update"), refusal("PreviousRoundInlined"));
    }

    @org.junit.jupiter.api.Test
    void anInlinedMethodReturningThePreviousValueItWasGivenIsRefused() {
        assertEquals(inPlace(312, "cells", "cur", 310, "update"), refusal("InlinedReturnsGiven"));
    }

    @org.junit.jupiter.api.Test
    void aNestedStructAnInlinedMethodReadIsRefusedWhenUsedAfterTheUpdate() {
        assertEquals("HeldAcrossRoundsProbes.java:340: the value of outers is replaced here while in refers to the value it held: in "
                + "Java in keeps the old one, but the map holds its values in place, so in would see the new one at line 341; copy "
                + "what you need from in first, or look the value up again after update", refusal("InlinedNestedAfterUpdate"));
    }

    @org.junit.jupiter.api.Test
    void aValueChosenBetweenTwoMapsIsRefusedAfterAnUpdateOfEither() {
        assertEquals("HeldAcrossRoundsProbes.java:362: the value of cells is replaced here while v refers to the value it held: in "
                + "Java v keeps the old one, but the map holds its values in place, so v would see the new one at line 363; copy "
                + "what you need from v first, or look the value up again after update", refusal("ChosenBetweenMaps"));
    }

    /** Values copied, looked up again, or of keys nothing wrote: translated (the kernel test checks their numbers). */
    @ParameterizedTest
    @ValueSource(strings = {"CopiedBeforeUpdate", "OtherKeyWritten", "PreviousNullTest", "InlinedLookupEachRound"})
    void valuesNothingWroteSinceAreTranslated(String probe) {
        assertEquals(1, translate(probe).programs().size());
    }
}
