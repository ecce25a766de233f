package org.jbpf.translator.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A map field's generic types against its constructor's classes, from the field's Signature attribute. */
class MapTypeArgumentsTest {
    static final String HASH = "Lorg/jbpf/maps/HashMap<Ljava/lang/Integer;Ljava/lang/Long;>;";

    @Test
    void readsTheFieldTypesArguments() {
        assertEquals(Arrays.asList("org/jbpf/maps/HashMap", "java/lang/Integer", "java/lang/Long"), MapTypeArguments.typeArguments(HASH));
        assertEquals(Arrays.asList("org/jbpf/maps/HashMap", "org/acme/Probe$Key", null),
                MapTypeArguments.typeArguments("Lorg/jbpf/maps/HashMap<Lorg/acme/Probe$Key;*>;"));
        assertEquals(Arrays.asList("org/jbpf/maps/HashMap", null, "java/lang/Long"),
                MapTypeArguments.typeArguments("Lorg/jbpf/maps/HashMap<+Ljava/lang/Number;Ljava/lang/Long;>;"));
        assertEquals(Arrays.asList("org/jbpf/maps/ArrayMap", null), MapTypeArguments.typeArguments("Lorg/jbpf/maps/ArrayMap<[J>;"));
        assertEquals(Arrays.asList("org/jbpf/maps/ArrayMap", "org/acme/Box"),
                MapTypeArguments.typeArguments("Lorg/jbpf/maps/ArrayMap<Lorg/acme/Box<Ljava/lang/Long;>;>;"));
    }

    @Test
    void agreeingRawOrWildcardTypesPass() {
        assertNull(MapTypeArguments.disagreement("m", HASH, "java/lang/Integer", "java/lang/Long"));
        assertNull(MapTypeArguments.disagreement("m", null, "java/lang/Long", "java/lang/Long"));
        assertNull(MapTypeArguments.disagreement("m", "Lorg/jbpf/maps/HashMap<**>;", "java/lang/Long", "java/lang/Long"));
        assertNull(MapTypeArguments.disagreement("m", "Lorg/jbpf/maps/ArrayMap<Ljava/lang/Long;>;", "java/lang/Integer", "java/lang/Long"));
        // a damaged Signature attribute declares nothing (the translation does not depend on it)
        assertNull(MapTypeArguments.disagreement("m", "Lorg/jbpf/maps/HashMap<Ljava/lang/Integer", "java/lang/Long", "java/lang/Long"));
    }

    @Test
    void namesTheFirstDisagreement() {
        assertEquals("map field counts is declared HashMap<Integer, Long> but made with Long.class as its key class, so Java "
                + "would misread its keys; pass Integer.class, or declare the field HashMap<Long, Long>",
                MapTypeArguments.disagreement("counts", HASH, "java/lang/Long", "java/lang/Long"));
        assertEquals("map field slots is declared ArrayMap<Stats> but made with Integer.class as its value class, so Java "
                + "would misread its values; pass Stats.class, or declare the field ArrayMap<Integer>",
                MapTypeArguments.disagreement("slots", "Lorg/jbpf/maps/ArrayMap<Lorg/acme/Probe$Stats;>;", "java/lang/Integer", "java/lang/Integer"));
        // a field of the common superclass declares the key of an array map too: its index, an Integer
        assertEquals("map field a is declared BpfMapDef<Long, Long> but made with Integer.class as its key class, so Java "
                + "would misread its keys; pass Long.class, or declare the field BpfMapDef<Integer, Long>",
                MapTypeArguments.disagreement("a", "Lorg/jbpf/maps/BpfMapDef<Ljava/lang/Long;Ljava/lang/Long;>;", "java/lang/Integer", "java/lang/Long"));
    }
}
