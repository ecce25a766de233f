package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.translator.Translator;

/**
 * The loop the random kernel tests share: programs [from, to) of a generator written out and compiled in batches
 * ({@link ProbeSources}), each translated by a backend (the translator's known refusals counted by reason,
 * {@link RandomProbesKernelTest#knownRefusal}), checked by the verifier simulation, loaded (a program the kernel
 * refuses at one of its limits, {@link RandomDataKernelTest#COMPLEXITY}, counted when the simulation refuses it too;
 * one the simulation accepts is a failure), and handed to the test's {@link Check}, which runs it and compares it with
 * its Java copy. Failures are printed as they happen and thrown together at the end; every program must have run or
 * been refused.
 */
final class RandomKernelRuns {
    private static final int BATCH = 200;

    /** One loaded program: its index, class name, where its source is, the class loader of its batch and its object. */
    record Program(int index, String name, String where, ClassLoader loader, BpfObject object, boolean simulated) {
        /** The Java copy, {@code ref.P<index>}. */
        Class<?> reference() throws ClassNotFoundException { return loader.loadClass("ref.P" + index); }
    }

    /** What a test does with a loaded program: runs it in the kernel and in Java; returns what differed, or null. */
    interface Check { String run(BPF bpf, Program program) throws Exception; }

    private RandomKernelRuns() {}

    /**
     * Runs programs [from, to) of {@code generator} for {@code seed}, sources in {@code dir}; returns the refusals
     * counted, the translator's by reason and the kernel's limits as "kernel: reason".
     */
    static Map<String, Integer> run(Backend backend, String label, Path dir, ProbeSources.Generator generator, long seed, int from, int to,
                                    Check check) throws Exception {
        KernelCheck.require();
        if (backend == Backend.LLVM) backend.translate(Semantics.class); // skips without LLVM's bindings
        String tag = label + " (" + backend + ")";
        System.out.println(tag + ": seed " + seed);
        Translator.Options options = new Translator.Options(List.of(dir.resolve("src")));
        List<String> failures = new ArrayList<>() {
            @Override
            public boolean add(String failure) {
                System.out.println(tag + ": " + failure);   // as it happens, for long runs
                return super.add(failure);
            }
        };
        Map<String, Integer> refused = new TreeMap<>();
        int ran = 0, agreed = 0, stricter = 0;
        for (int batch = from; batch < to; batch += BATCH) {
            int end = Math.min(to, batch + BATCH);
            Path classes = ProbeSources.compile(generator, dir, batch, end, seed);
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, RandomKernelRuns.class.getClassLoader())) {
                Translator.ClassSource source = Translator.ClassSource.of(loader);
                for (int i = batch; i < end; i++) {
                    String name = "gen.P" + i, where = name + " (seed " + seed + ", source " + dir.resolve("src/gen/P" + i + ".java") + ")";
                    BpfObject object;
                    try {
                        object = backend.translate(name, source, options);
                    } catch (RuntimeException e) {
                        String message = String.valueOf(e.getMessage()), known = RandomProbesKernelTest.knownRefusal(message, i);
                        if (known != null) refused.merge(known, 1, Integer::sum);
                        else failures.add("translating " + where + ": " + message);
                        continue;
                    }
                    List<VerifierResult> simulation = Verifier.verifyAll(object);
                    boolean simulated = simulation.stream().allMatch(VerifierResult::ok);
                    BPF bpf;
                    try {
                        bpf = BPF.load(object);
                    } catch (RuntimeException e) {
                        String reason = RandomProbesKernelTest.verifierReason(e.getMessage());
                        Matcher limit = RandomDataKernelTest.COMPLEXITY.matcher(String.valueOf(e.getMessage()).replaceAll("\\d+", "N"));
                        if (simulated) failures.add("the simulation accepts " + where + ", which the kernel refuses: " + reason);
                        else if (limit.find()) {
                            refused.merge("kernel: " + limit.group(), 1, Integer::sum);
                            System.out.println(tag + ": the kernel refuses " + where + ": " + limit.group());
                        } else failures.add("loading " + where + ": " + e.getMessage());
                        continue;
                    }
                    try (bpf) {
                        ran++;
                        if (!simulated) {
                            stricter++;
                            System.out.println(tag + ": the simulation refuses " + where + ", which the kernel loads: " + simulation);
                        }
                        String wrong = check.run(bpf, new Program(i, name, where, loader, object, simulated));
                        if (wrong != null) failures.add(where + ": " + wrong);
                        else agreed++;
                    }
                }
            }
        }
        System.out.println(tag + ": seed " + seed + ", " + (to - from) + " programs, " + ran + " loaded, " + agreed + " agreed with the JVM, refused "
                + refused + ", " + stricter + " loaded that the simulation refuses, " + failures.size() + " failed");
        if (!failures.isEmpty())
            throw new AssertionError(failures.size() + " of " + (to - from) + " programs failed (seed " + seed + "):\n" + String.join("\n", failures));
        assertEquals(ran, agreed);
        assertEquals(to - from, ran + refused.values().stream().mapToInt(Integer::intValue).sum(), "every program ran or was refused");
        return refused;
    }
}
