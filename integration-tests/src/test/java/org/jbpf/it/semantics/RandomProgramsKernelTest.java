package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random Java computations ({@link RandomPrograms}) compiled in the test with javac, translated, verified and run
 * by the kernel with BPF_PROG_TEST_RUN; each must translate and give the JVM's result on every input. The seed is
 * fixed ({@link #FIXED_SEED}, {@link org.jbpf.testsupport.RandomSeed}) and printed; {@code -Djbpf.random.seed=N} replays
 * seed N and {@code -Djbpf.random.seed=fresh} explores a new one.
 */
class RandomProgramsKernelTest {
    static final int PROGRAMS = Integer.getInteger("jbpf.random.programs", 150);
    /** A seed whose programs pass on both backends. */
    static final long FIXED_SEED = 6255218463944L;
    static final long[][] INPUTS = {{0, 0}, {1, -1}, {-7, 3}, {Long.MIN_VALUE, Long.MAX_VALUE}, {Integer.MIN_VALUE, 255},
            {0x123456789abcdefL, -0x55aa55aa55aaL}, {1L << 32, 63}, {-1, -1}, {1000003, -65536}, {31, 64}};

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void randomProgramsTranslateAndAgreeWithTheJvm(Backend backend) throws Exception {
        KernelCheck.require();
        if (backend == Backend.LLVM) backend.translate(Semantics.class); // skips without LLVM's bindings
        long seed = org.jbpf.testsupport.RandomSeed.of(FIXED_SEED);
        System.out.println("random programs (" + backend + "): seed " + seed);
        RandomPrograms generator = new RandomPrograms(seed);
        Path src = Files.createDirectories(dir.resolve("src/gen")), classes = Files.createDirectories(dir.resolve("classes"));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < PROGRAMS; i++) {
            Path f = src.resolve("P" + i + ".java");
            Files.writeString(f, generator.probe("P" + i));
            files.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-g", "-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
        args.addAll(files);
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "javac failed (seed " + seed + ")");

        Translator.Options options = new Translator.Options(List.of(dir.resolve("src")));
        int runs = 0;
        List<String> failures = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Translator.ClassSource source = Translator.ClassSource.of(loader);
            for (int i = 0; i < PROGRAMS; i++) {
                String name = "gen.P" + i;
                String where = name + " (seed " + seed + ", source " + src.resolve("P" + i + ".java") + ")";
                Method f = loader.loadClass(name).getMethod("f", long.class, long.class);
                BpfObject object;
                try {
                    object = backend.translate(name, source, options);
                } catch (RuntimeException e) {
                    failures.add("translating " + where + ": " + e.getMessage());
                    continue;
                }
                try (BPF bpf = BPF.load(object)) {
                    BpfMap<Integer, Long> in = bpf.map("in", Integer.class, Long.class), out = bpf.map("out", Integer.class, Long.class);
                    for (long[] ab : INPUTS) {
                        in.put(0, ab[0]);
                        in.put(1, ab[1]);
                        assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval(), where);
                        assertEquals((long) f.invoke(null, ab[0], ab[1]), out.get(0), where + " on (" + ab[0] + ", " + ab[1] + ")");
                        runs++;
                    }
                } catch (RuntimeException e) {
                    failures.add("loading " + where + ": " + e.getMessage());
                }
            }
        }
        if (!failures.isEmpty())
            throw new AssertionError(failures.size() + " of " + PROGRAMS + " programs failed (seed " + seed + "):\n" + String.join("\n", failures));
        assertEquals(PROGRAMS * INPUTS.length, runs);
        System.out.println("random programs (" + backend + "): " + PROGRAMS + " programs, " + runs + " kernel runs agreed with the JVM");
    }
}
