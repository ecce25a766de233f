package org.jbpf.it.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.newuser.ComputingProbesKernelTest;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.translator.Translator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The language corpus ({@link LanguageCorpusKernelTest#PROBES}) as javac compiled it, then rewritten mechanically
 * ({@link BytecodeRewrites}: nops, gotos to the next instruction, locals moved past 255, constants split, {@code x * 2}
 * as {@code dup; add}, swapped operands, inverted jumps): the JVM verifies each rewritten class, both backends
 * translate it, the verifier simulation accepts it and the kernel computes what the original {@code compute(a, b)}
 * computes on the JVM, on every fourth input of {@link ComputingProbesKernelTest#INPUTS}. The rewrites are seeded
 * ({@link #FIXED_SEED}, {@code -Djbpf.random.seed=N}); {@code -Djbpf.random.variants=K} rewrites each probe K ways.
 */
class RewrittenCorpusKernelTest {
    static final long FIXED_SEED = 5;
    static final int VARIANTS = Integer.getInteger("jbpf.random.variants", 1);

    static Stream<Arguments> probes() {
        List<Arguments> all = new ArrayList<>();
        for (Backend backend : Backend.values())
            for (Class<?> probe : LanguageCorpusKernelTest.PROBES)
                if (backend == Backend.DIRECT || !LanguageCorpusKernelTest.DIRECT_ONLY.contains(probe)) all.add(Arguments.of(backend, probe));
        return all.stream();
    }

    @ParameterizedTest(name = "{1} ({0})")
    @MethodSource("probes")
    void rewrittenProbeComputesWhatTheJvmComputes(Backend backend, Class<?> probe) throws Exception {
        KernelCheck.require();
        if (backend == Backend.LLVM) backend.translate(org.jbpf.it.semantics.Semantics.class); // skips without LLVM's bindings
        long seed = org.jbpf.testsupport.RandomSeed.of(FIXED_SEED);
        String internal = probe.getName().replace('.', '/');
        byte[] original;
        try (InputStream in = probe.getClassLoader().getResourceAsStream(internal + ".class")) { original = in.readAllBytes(); }
        Method compute = probe.getDeclaredMethod("compute", long.class, long.class);
        compute.setAccessible(true);
        for (int variant = 0; variant < VARIANTS; variant++) {
            long variantSeed = seed * 7919 + variant * 104729L + probe.getName().hashCode();
            byte[] rewritten = new BytecodeRewrites(variantSeed).rewrite(original, probe.getClassLoader());
            String where = probe.getSimpleName() + " rewritten with seed " + variantSeed + " (" + backend + ")";
            verifiedByTheJvm(probe.getName(), rewritten);
            Translator.ClassSource library = Translator.ClassSource.of(probe.getClassLoader());
            BpfObject object = backend.translate(probe.getName(), n -> n.equals(internal) ? rewritten : library.read(n), optionsOf());
            for (VerifierResult r : Verifier.verifyAll(object)) assertTrue(r.ok(), where + ": " + r);
            try (BPF bpf = BPF.load(object, probe)) {
                BpfMap<Integer, Long> in = bpf.map("in", Integer.class, Long.class), out = bpf.map("out", Integer.class, Long.class);
                for (int k = 0; k < ComputingProbesKernelTest.INPUTS.size(); k += 4) {
                    long[] ab = ComputingProbesKernelTest.INPUTS.get(k);
                    in.put(0, ab[0]);
                    in.put(1, ab[1]);
                    assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval(), where);
                    assertEquals((long) compute.invoke(null, ab[0], ab[1]), out.get(0), where + ": compute(" + ab[0] + ", " + ab[1] + ")");
                }
            }
        }
    }

    private static Translator.Options optionsOf() {
        return new Translator.Options(List.of(java.nio.file.Path.of("src/test/java")));
    }

    /** Defines the rewritten class in a loader of its own and links it, which runs the JVM's verifier over every method. */
    static void verifiedByTheJvm(String name, byte[] bytes) {
        ClassLoader loader = new ClassLoader(RewrittenCorpusKernelTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (!n.equals(name)) return super.loadClass(n, resolve);
                synchronized (getClassLoadingLock(n)) {
                    Class<?> c = findLoadedClass(n);
                    return c != null ? c : defineClass(n, bytes, 0, bytes.length);
                }
            }
        };
        try {
            loader.loadClass(name).getDeclaredMethods();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
