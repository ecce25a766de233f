package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectFormatException;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.examples.ProcessCounter;
import org.jbpf.runtime.ProbeTranslator;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolchainTest {
    static final Path TEST_CLASSES = Path.of("target/test-classes");

    @Test void simulatedKernelWordsAreLabelledAsThePrediction() {
        ObjectVerifier.Problem p = new ObjectVerifier.Problem("count", "Probe.java:14: value may be null here",
                "R0 invalid mem access 'map_value_or_null'");
        assertEquals("Probe.java:14: value may be null here [verifier simulation predicts: R0 invalid mem access "
                + "'map_value_or_null']", p.toString());
        assertEquals("Probe.java:14: x", new ObjectVerifier.Problem("count", "Probe.java:14: x", "").toString());
    }

    @Test void unknownBackendNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.named("gcc"));
        assertEquals("backend 'gcc' is not known; choose direct or llvm", e.getMessage());
    }

    @Test void llvmWithoutItsArtifactSaysWhatToAdd() {
        // this module does not depend on translator-llvm, so no llvm backend is registered here
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.named("llvm"));
        assertTrue(e.getMessage().startsWith("backend llvm needs org.jbpf:jbpf-translator-llvm with org.bytedeco:llvm"), e.getMessage());
    }

    @Test void translatesVerifiesAndWrites(@TempDir Path out) throws Exception {
        Translator.ClassSource classes = Translator.ClassSource.of(getClass().getClassLoader());
        Toolchain toolchain = new Toolchain(Backends.named("direct"), Translator.Options.DEFAULT, true);
        Toolchain.Translated t = toolchain.translate(classes.read("org/jbpf/examples/ProcessCounter"), classes);
        assertTrue(t.accepted());
        assertEquals(List.of("countProcesses"), t.verdict().acceptedPrograms());
        Path file = Toolchain.write(t.object(), out.resolve("sub"));
        assertEquals(out.resolve("sub/ProcessCounter.o"), file);
        BpfObject back = ObjectReader.read(Files.readAllBytes(file), "ProcessCounter");
        assertEquals("processCount", back.maps().get(0).name());
    }

    @Test void withoutVerificationThereIsNoVerdict() throws Exception {
        Translator.ClassSource classes = Translator.ClassSource.of(getClass().getClassLoader());
        Toolchain.Translated t = new Toolchain(Backends.direct(), Translator.Options.DEFAULT, false)
                .translate(classes.read("org/jbpf/examples/ProcessCounter"), classes);
        assertNull(t.verdict());
        assertTrue(t.accepted());
    }

    @Test void classesWithSectionsButNoBpfAreListedNotTranslated() throws Exception {
        ProbeInputs in = ProbeInputs.of(List.of(TEST_CLASSES.resolve("org/jbpf/toolchain/forgot").toString()), List.of());
        assertEquals(List.of("org.jbpf.toolchain.forgot.NoBpf"), in.unannotated);
        assertTrue(in.probes.isEmpty());
    }

    /** A class is read once per command however often the translator and the marks ask; a missing one is not looked for again. */
    @Test void inputsReadEachClassOnce(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("org/jbpf/toolchain/probes/NamedKey.class");
        Files.createDirectories(key.getParent());
        Files.copy(TEST_CLASSES.resolve("org/jbpf/toolchain/probes/NamedKey.class"), key);
        Files.copy(TEST_CLASSES.resolve("org/jbpf/toolchain/probes/NamedCounter.class"), key.resolveSibling("NamedCounter.class"));
        ProbeInputs in = ProbeInputs.of(List.of(key.resolveSibling("NamedCounter.class").toString()), List.of());
        Translator.ClassSource classes = in.source();
        byte[] first = classes.read("org/jbpf/toolchain/probes/NamedKey");
        Files.delete(key);
        assertTrue(first == classes.read("org/jbpf/toolchain/probes/NamedKey"), "the bytes read the first time");
        assertNull(classes.read("org/jbpf/toolchain/probes/Absent"));
        Files.copy(TEST_CLASSES.resolve("org/jbpf/toolchain/probes/NamedKey.class"), key.resolveSibling("Absent.class"));
        assertNull(classes.read("org/jbpf/toolchain/probes/Absent"), "a class found missing stays missing for the command");
        assertTrue(classes == in.source());
    }

    @Test void theRuntimeFindsThisModulesTranslator() {
        ProbeTranslator t = ProbeTranslator.find(ProcessCounter.class);
        assertTrue(t instanceof RuntimeTranslator, t.getClass().getName());
        assertEquals("ProcessCounter", t.translate(ProcessCounter.class).name());
    }

    @Test void objectFilesAndClassesBecomeObjects(@TempDir Path out) throws Exception {
        Translator.ClassSource classes = Translator.ClassSource.of(getClass().getClassLoader());
        BpfObject o = Backends.direct().translate(classes.read("org/jbpf/examples/ProcessCounter"), classes, Translator.Options.DEFAULT);
        Toolchain.write(o, out);
        List<BpfObject> objects = ProbeObjects.of(List.of(out.resolve("ProcessCounter.o").toString()), List.of(), List.of());
        assertEquals(1, objects.size());
        assertEquals(1, objects.get(0).programs().size());
        ObjectFormatException e = assertThrows(ObjectFormatException.class,
                () -> ProbeObjects.of(List.of(out.resolve("Missing.o").toString()), List.of(), List.of()));
        assertEquals(out.resolve("Missing.o") + ": no such file", e.getMessage());
        assertFalse(ProbeInputs.isProbe(new byte[] {1, 2, 3}));
    }
}
