package org.jbpf.translator.frontend;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A damaged probe class is one error naming its file, before anything in jbpf reads it. */
class ClassFileCheckTest {
    private static byte[] processCounter() throws Exception {
        try (InputStream in = ClassFileCheckTest.class.getClassLoader().getResourceAsStream("org/jbpf/examples/ProcessCounter.class")) {
            return in.readAllBytes();
        }
    }

    @Test void aSoundClassPassesUnchanged() throws Exception {
        byte[] b = processCounter();
        assertSame(b, ClassFileCheck.readable(b, "P.class"));
    }

    @Test void theTranslatorsFirstParseIsTheChecksOwn() throws Exception {
        byte[] b = processCounter();
        ClassFileCheck.readable(b, "P.class");
        assertNull(ClassFileCheck.take(b.clone()), "kept for this very array only");
        org.objectweb.asm.tree.ClassNode first = StructRegistry.parse(b, "P");
        assertEquals("org/jbpf/examples/ProcessCounter", first.name);
        assertNull(ClassFileCheck.take(b), "taken by the first parse");
        assertNotSame(first, StructRegistry.parse(b, "P"), "a second translation parses afresh");
        ClassFileCheck.readable(b, "P.class");
        assertNotNull(ClassFileCheck.take(b));
    }

    @Test void damageIsNamedWithTheFile() throws Exception {
        byte[] b = processCounter();
        assertEquals("P.class: not a valid class file (it is truncated, or a length or index in it is damaged); compile it again with javac",
                assertThrows(IllegalArgumentException.class, () -> ClassFileCheck.readable(Arrays.copyOf(b, b.length / 2), "P.class")).getMessage());
        byte[] magic = b.clone();
        magic[0] = 0;
        assertEquals("P.class: not a class file (it does not begin with 0xCAFEBABE); give a class compiled by javac",
                assertThrows(IllegalArgumentException.class, () -> ClassFileCheck.readable(magic, "P.class")).getMessage());
        byte[] newer = b.clone();
        newer[7] = 99;  // major version
        assertEquals("P.class: compiled for a newer Java than jbpf reads: class file version 99 (Java 55), where jbpf reads up to 70 "
                + "(Java 26); compile the probe with javac --release 26 or lower",
                assertThrows(IllegalArgumentException.class, () -> ClassFileCheck.readable(newer, "P.class")).getMessage());
    }

    @Test void aDamagedClassNameIsRefused() {
        assertTrue(ClassFileCheck.isLegalName("org/jbpf/examples/ProcessCounter$1"));
        for (String bad : new String[] {"", "a//b", "/a", "a/", "a.b", "a;b", "[a", "a\0b", "a\nb"})
            assertFalse(ClassFileCheck.isLegalName(bad), bad);
    }
}
