package org.jbpf.core.btf;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CO-RE relocations spelled for messages: kind, type, access string and the field path or enumerator it selects. */
class CoreRelocationsTest {
    private static final Btf BTF = new Btf();
    private static final int INT, STRUCT, UNION, ENUM, TYPEDEF;
    static {
        INT = BTF.add(new BtfType.IntType("int", 4, BtfType.INT_SIGNED));
        int arr = BTF.add(new BtfType.Array(INT, INT, 4));
        UNION = BTF.add(new BtfType.Union("", 4, List.of(new BtfType.Member("a", INT, 0), new BtfType.Member("b", INT, 0))));
        STRUCT = BTF.add(new BtfType.Struct("sample", 24, List.of(new BtfType.Member("x", INT, 0),
                new BtfType.Member("values", arr, 32), new BtfType.Member("", UNION, 160))));
        ENUM = BTF.add(new BtfType.Enum("state", 4, false, List.of(new BtfType.EnumValue("IDLE", 0), new BtfType.EnumValue("BUSY", 1))));
        TYPEDEF = BTF.add(new BtfType.Typedef("sample_t", STRUCT));
    }

    private static String describe(int typeId, String access, int kind) {
        BtfWriter.Encoded enc = BtfWriter.encode(BTF, List.of(access));
        BtfReader.Decoded dec = BtfReader.read(enc.bytes());
        return CoreRelocations.describe(new BtfExt.CoreRelo(0, typeId, enc.stringOffset(access), kind), dec);
    }

    @Test void fieldPathsWalkMembersArraysAndAnonymousUnions() {
        assertEquals("field byte offset of struct sample, access 0:0 (sample.x)", describe(STRUCT, "0:0", 0));
        assertEquals("field byte size of struct sample, access 0:1:3 (sample.values[3])", describe(STRUCT, "0:1:3", 1));
        assertEquals("field exists of struct sample, access 0:2:1 (sample.<anonymous>.b)", describe(STRUCT, "0:2:1", 2));
        assertEquals("field signedness of sample_t, access 2:0 (sample[2].x)", describe(TYPEDEF, "2:0", 3));
        assertEquals("field byte offset of struct sample, access 0:7", describe(STRUCT, "0:7", 0), "out of range: no path");
        assertEquals("field byte offset of struct sample, access 0:0:1", describe(STRUCT, "0:0:1", 0), "int has no members");
    }

    @Test void typeAndEnumRelocations() {
        assertEquals("type size of struct sample, access 0", describe(STRUCT, "0", 9));
        assertEquals("enum value of enum state, access 1 (BUSY)", describe(ENUM, "1", 11));
        assertEquals("enum value exists of enum state, access 0 (IDLE)", describe(ENUM, "0", 10));
        assertEquals("kind 42 of int, access 0", describe(INT, "0", 42));
        assertEquals("type matches", CoreRelocations.kindName(12));
        assertEquals("type #99", CoreRelocations.typeName(BTF, 99));
    }
}
