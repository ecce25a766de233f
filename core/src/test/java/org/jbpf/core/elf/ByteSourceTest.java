package org.jbpf.core.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jbpf.core.obj.ObjectFormatException;
import org.junit.jupiter.api.Test;

/** Bounds of reads from a damaged file: sizes and offsets as the file stores them, unsigned, and no wrap-around. */
class ByteSourceTest {
    private final ByteSource bytes = new ByteSource(new byte[64], "p.o");

    @Test
    void aSizeThatIsNegativeReadAsSignedIsNamedAsTheFileHoldsIt() {
        ObjectFormatException e = assertThrows(ObjectFormatException.class, () -> bytes.check(8, Long.MIN_VALUE, "section .text"));
        assertEquals("p.o: section .text: needs 9223372036854775808 bytes but only 56 remain of 64 (at byte 8)", e.getMessage());
    }

    @Test
    void anOffsetAndSizeWhoseSumWrapsAroundAreRefused() {
        ObjectFormatException e = assertThrows(ObjectFormatException.class, () -> bytes.check(16, Long.MAX_VALUE - 8, "BTF"));
        assertEquals("p.o: BTF: needs 9223372036854775799 bytes but only 48 remain of 64 (at byte 16)", e.getMessage());
        assertThrows(ObjectFormatException.class, () -> bytes.check(-1, 4, "symbol"));
        assertThrows(ObjectFormatException.class, () -> bytes.check(65, 0, "symbol"));
    }

    @Test
    void readsUpToTheLastByteAreAllowed() {
        bytes.check(60, 4, "u32");
        bytes.check(64, 0, "nothing");
        assertEquals(0L, bytes.u32(60, "u32"));
    }
}
