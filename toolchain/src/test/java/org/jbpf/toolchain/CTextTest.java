package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CTextTest {
    private static byte[] padded(String s, int n) {
        return Arrays.copyOf(s.getBytes(StandardCharsets.UTF_8), n);
    }

    @Test void decodesUpToTheNul() {
        byte[] comm = padded("bash", 16);
        comm[10] = 'x';  // garbage after the NUL is not part of the string
        assertEquals("bash", CText.decode(comm));
        assertEquals("abcd", CText.decode("abcd".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("a\\x0ab", CText.decode(padded("a\nb", 8)));
    }

    @Test void guessesTextOnlyForPrintableBytesThenNuls() {
        assertTrue(CText.looksLikeText(padded("systemd-journal", 16)));
        assertFalse(CText.looksLikeText(new byte[16]), "all zero");
        byte[] garbage = padded("bash", 16);
        garbage[10] = 'x';
        assertFalse(CText.looksLikeText(garbage), "bytes after the NUL");
        assertFalse(CText.looksLikeText(new byte[] {(byte) 0xe8, 0x03, 0, 0, 0, 0, 0, 0, 1}), "a number");
    }
}
