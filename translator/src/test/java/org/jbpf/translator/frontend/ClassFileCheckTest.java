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

    /**
     * An annotation whose type is constant 0 (found by random corruption): the class reader takes it as a null type,
     * which ended a translation in a NullPointerException.
     */
    @Test void anAnnotationWithoutItsTypeIsDamage() throws Exception {
        byte[] b = processCounter();
        org.objectweb.asm.ClassReader r = new org.objectweb.asm.ClassReader(b);
        int attribute = constant(r, b, "RuntimeVisibleAnnotations"), section = constant(r, b, "Lorg/jbpf/Section;");
        int at = -1;
        for (int i = 0; i + 10 < b.length && at < 0; i++)
            if (u2(b, i) == attribute && u2(b, i + 8) == section) at = i + 8;  // name, u4 length, u2 count, then the type
        assertTrue(at > 0, "the @Section annotation is found");
        b[at] = 0;
        b[at + 1] = 0;
        assertEquals("P.class: not a valid class file (method countProcesses's annotation type is missing: a constant in it is damaged); "
                + "compile it again with javac", assertThrows(IllegalArgumentException.class, () -> ClassFileCheck.readable(b, "P.class")).getMessage());
    }

    /** The constant pool index of an ASCII CONSTANT_Utf8. */
    private static int constant(org.objectweb.asm.ClassReader r, byte[] b, String utf8) {
        for (int i = 1; i < r.getItemCount(); i++) {
            int at = r.getItem(i);
            if (at > 0 && r.readByte(at - 1) == 1 && utf8.equals(new String(b, at + 2, u2(b, at), java.nio.charset.StandardCharsets.ISO_8859_1)))
                return i;
        }
        throw new AssertionError("no constant " + utf8);
    }

    private static int u2(byte[] b, int at) { return (b[at] & 0xff) << 8 | b[at + 1] & 0xff; }
}
