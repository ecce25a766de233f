package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;

/** ASM's Java 5 jar rewritten as Java 8 class files: every class raised, all of them verify and still work. */
class ArchivableJarsTest {
    @Test void asmClassesBecomeJava8ClassFilesThatVerifyAndRun(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("asm.jar");
        Files.copy(Path.of(ClassReader.class.getProtectionDomain().getCodeSource().getLocation().toURI()), jar);
        List<String> old = classes(jar, true);
        assertTrue(old.size() > 30, "ASM ships Java 5 class files: " + old.size());

        assertEquals(old.size(), ArchivableJars.rewrite(jar));
        assertEquals(List.of(), classes(jar, true), "no class below Java 6 left");
        assertEquals(List.of(), classes(jar, false).stream().filter(c -> !c.equals("module-info")).filter(c -> version(jar, c) != 52).toList());
        java.nio.file.attribute.FileTime stamp = Files.getLastModifiedTime(jar);
        Thread.sleep(20);
        assertEquals(0, ArchivableJars.rewrite(jar), "a second run changes nothing");
        assertEquals(stamp, Files.getLastModifiedTime(jar), "not even the time stamp, which archives are checked against");
        assertEquals(List.of("asm.jar"), Files.list(dir).map(p -> p.getFileName().toString()).toList(), "no file left beside it");

        // every class loads, links and verifies from the rewritten jar (not from this test's class path), and works
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String c : old) assertEquals(loader, Class.forName(c.replace('/', '.'), true, loader).getClassLoader(), c);
            Class<?> reader = loader.loadClass("org.objectweb.asm.ClassReader");
            Object r = reader.getConstructor(byte[].class).newInstance((Object) bytes(jar, "org/objectweb/asm/Label"));
            assertEquals("org/objectweb/asm/Label", reader.getMethod("getClassName").invoke(r));
        }
    }

    /** Class names in the jar, only those older than Java 6 when {@code oldOnly}. */
    private static List<String> classes(Path jar, boolean oldOnly) throws Exception {
        List<String> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                if (!e.getName().endsWith(".class")) continue;
                byte[] b = z.getInputStream(e).readAllBytes();
                if (!oldOnly || ArchivableJars.version(b) < 50) out.add(e.getName().replace(".class", ""));
            }
        }
        return out;
    }

    private static int version(Path jar, String name) {
        try {
            return ArchivableJars.version(bytes(jar, name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Path jar, String name) throws Exception {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.getInputStream(z.getEntry(name + ".class")).readAllBytes();
        }
    }
}
