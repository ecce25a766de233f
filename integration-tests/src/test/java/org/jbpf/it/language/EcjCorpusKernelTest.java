package org.jbpf.it.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jdt.core.compiler.batch.BatchCompiler;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.newuser.ComputingProbesKernelTest;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The language corpus compiled by the Eclipse compiler (ECJ) instead of javac: its own shapes (a switch over an enum
 * through a {@code $SWITCH_TABLE$} method, string concatenation of {@code String.valueOf} results). Each probe of
 * {@link LanguageCorpusKernelTest#PROBES} translates from ECJ's class on both backends, the verifier simulation
 * accepts it, and the kernel computes what javac's {@code compute(a, b)} computes on the JVM, on every fourth input of
 * {@link ComputingProbesKernelTest#INPUTS}. What ECJ's classes cannot do yet is pinned in {@link #REFUSED}.
 */
class EcjCorpusKernelTest {
    /** ECJ passes a boxed number to a printk concatenation through String.valueOf, a call of a string method. */
    static final List<Class<?>> REFUSED = List.of(TextForPrintk.class);

    @TempDir static Path classes;

    @BeforeAll
    static void compileWithEcj() throws Exception {
        List<String> args = new ArrayList<>(List.of("-17", "-g", "-nowarn", "-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
        try (Stream<Path> files = Files.list(Path.of("src/test/java/org/jbpf/it/language"))) {
            files.map(Path::toString).filter(f -> f.endsWith(".java") && !f.endsWith("Test.java") && !f.endsWith("BytecodeRewrites.java"))
                    .sorted().forEach(args::add);
        }
        StringWriter errors = new StringWriter();
        assertTrue(BatchCompiler.compile(args.toArray(new String[0]), new PrintWriter(new StringWriter()), new PrintWriter(errors), null),
                "ECJ failed:\n" + errors);
    }

    static Stream<Arguments> probes() {
        List<Arguments> all = new ArrayList<>();
        for (Backend backend : Backend.values())
            for (Class<?> probe : LanguageCorpusKernelTest.PROBES)
                if (!REFUSED.contains(probe) && (backend == Backend.DIRECT || !LanguageCorpusKernelTest.DIRECT_ONLY.contains(probe)))
                    all.add(Arguments.of(backend, probe));
        return all.stream();
    }

    private static BpfObject translate(Backend backend, Class<?> probe) {
        Translator.ClassSource library = Translator.ClassSource.of(probe.getClassLoader());
        Translator.ClassSource ecj = n -> {
            Path p = classes.resolve(n + ".class");
            return Files.exists(p) ? Files.readAllBytes(p) : library.read(n);
        };
        return backend.translate(probe.getName(), ecj, new Translator.Options(List.of(Path.of("src/test/java"))));
    }

    @ParameterizedTest(name = "{1} ({0})")
    @MethodSource("probes")
    void ecjsClassComputesWhatTheJvmComputes(Backend backend, Class<?> probe) throws Exception {
        KernelCheck.require();
        if (backend == Backend.LLVM) backend.translate(org.jbpf.it.semantics.Semantics.class); // skips without LLVM's bindings
        BpfObject object = translate(backend, probe);
        for (VerifierResult r : Verifier.verifyAll(object)) assertTrue(r.ok(), probe.getSimpleName() + " (ECJ): " + r);
        Method compute = probe.getDeclaredMethod("compute", long.class, long.class);
        compute.setAccessible(true);
        try (BPF bpf = BPF.load(object, probe)) {
            BpfMap<Integer, Long> in = bpf.map("in", Integer.class, Long.class), out = bpf.map("out", Integer.class, Long.class);
            for (int k = 0; k < ComputingProbesKernelTest.INPUTS.size(); k += 4) {
                long[] ab = ComputingProbesKernelTest.INPUTS.get(k);
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval(), probe.getSimpleName());
                assertEquals((long) compute.invoke(null, ab[0], ab[1]), out.get(0), probe.getSimpleName() + " (ECJ, " + backend + ").compute(" + ab[0] + ", " + ab[1] + ")");
            }
        }
    }

    @Test
    void ecjsStringValueOfInAPrintkConcatenationIsRefusedAtItsLine() {
        String message = assertThrows(RuntimeException.class, () -> translate(Backend.DIRECT, TextForPrintk.class)).getMessage();
        assertTrue(message.startsWith("TextForPrintk.java:20: cannot call java.lang.String.valueOf in a BPF program"), message);
    }
}
