package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jbpf.BPF;
import org.jbpf.BpfBuilder;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.ProgramInfo;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random probes ({@link RandomProbes}) compiled with javac, translated, checked by the verifier simulation, loaded
 * and run by the kernel with BPF_PROG_TEST_RUN: each must give its Java copy's JVM result on every input (the same
 * sequence of inputs, so the hash map carries over from run to run on both sides), the simulation must not accept
 * what the kernel refuses, the code of both backends must load, and a program calling a recursive method must be
 * refused with its line. Counted and printed, not failed: programs whose loops take the verifier past its million
 * instructions (the simulation must say so too) and programs the simulation refuses but the kernel loads. The seed is
 * fixed ({@link #FIXED_SEED}, {@link org.jbpf.testsupport.RandomSeed}) and printed; {@code -Djbpf.random.seed=N} replays
 * seed N and {@code -Djbpf.random.seed=fresh} explores a new one, {@code -Djbpf.random.probes=N} sets the number of programs,
 * {@code -Djbpf.random.program=I} runs program I alone and {@code -Djbpf.random.dir=D} keeps the sources in D.
 */
class RandomProbesKernelTest {
    static final int PROGRAMS = Integer.getInteger("jbpf.random.probes", 32);
    /** A seed whose programs pass on both backends. */
    static final long FIXED_SEED = 3;
    /** The same for the programs with state ({@link RandomState}), fewer of them by default: each takes longer. */
    static final long FIXED_STATE_SEED = 22;
    static final int STATE_PROGRAMS = Integer.getInteger("jbpf.random.probes", 16);
    /** The same for the programs at the edges of Java's semantics ({@link RandomEdges}). */
    static final long FIXED_EDGE_SEED = 31;
    static final int EDGE_PROGRAMS = Integer.getInteger("jbpf.random.probes", 24);
    /** The same for the programs that also use what the language accepted in its later rounds. */
    static final long FIXED_WIDER_SEED = 5;
    static final int WIDER_PROGRAMS = Integer.getInteger("jbpf.random.probes", 24);
    static final long[][] INPUTS = {{0, 0}, {1, -1}, {-7, 3}, {Long.MIN_VALUE, Long.MAX_VALUE}, {Integer.MIN_VALUE, 255},
            {0x123456789abcdefL, -0x55aa55aa55aaL}, {1L << 32, 63}, {-1, -1}, {1000003, -65536}, {31, 64},
            {Long.MIN_VALUE, -1}, {Integer.MIN_VALUE, -1}, {5, 0}, {-3, 67}};
    /**
     * What the translator refuses in a random probe besides recursion: folding found a division by zero or an index
     * out of range on constants, where the JVM would throw; or locals and spills need more than BPF's 512-byte stack
     * (with the LLVM backend, as LLVM lays out the frame), or a chain of calls of {@code @NoInline} functions does
     * (named at the program's call that starts the chain).
     */
    static final Pattern KNOWN_REFUSALS = Pattern.compile("division by the constant zero(, which throws in Java.*)?|array index -?\\d+ is out of bounds for length \\d+"
            + "|program run needs \\d+ bytes of stack but BPF allows 512; .*"
            + "|the calls run( → \\w+)+ need \\d+ bytes of stack together \\(each function's frame rounded up to 16\\) but BPF allows 512 .*"
            + "|program run needs more than the 512 bytes of BPF stack LLVM's code may use; .*");

    /**
     * The known refusal (digits as N) that {@code message}, a translator's refusal of generated program {@code program},
     * names at the program's own line, or null when it is none: then it is a failure.
     */
    static String knownRefusal(String message, int program) {
        String reason = message.replaceFirst("^(LLVM's BPF target cannot compile P\\d+: )?P" + program + "\\.java:\\d+: ", "");
        return !reason.equals(message) && KNOWN_REFUSALS.matcher(reason).matches() ? reason.replaceAll("-?\\d+", "N") : null;
    }

    private static final int BATCH = 200;

    @TempDir Path temp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void randomProbesAgreeWithTheJvmAndTheSimulationWithTheKernel(Backend backend) throws Exception {
        run(backend, PLAIN, "random probes", org.jbpf.testsupport.RandomSeed.of(FIXED_SEED), PROGRAMS, Integer.getInteger("jbpf.random.program"));
    }

    /**
     * The same with state in maps of structs, per-CPU arrays, globals and load-time constants ({@link RandomState}):
     * the JVM copy's models ({@link StateModels}) carry over from run to run as the maps and globals do.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void randomProbesWithStateAgreeWithTheJvmAndTheSimulationWithTheKernel(Backend backend) throws Exception {
        run(backend, STATE, "random probes with state", org.jbpf.testsupport.RandomSeed.of(FIXED_STATE_SEED), STATE_PROGRAMS,
                Integer.getInteger("jbpf.random.program"));
    }

    /**
     * The same at the edges of Java's arithmetic and control flow ({@link RandomEdges}): narrow locals and compound
     * assignments, side effects under {@code &&} and {@code ||}, do/while and labelled loops, switches over narrow values.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void randomProbesAtJavasEdgesAgreeWithTheJvmAndTheSimulationWithTheKernel(Backend backend) throws Exception {
        run(backend, EDGES, "random probes at the edges", org.jbpf.testsupport.RandomSeed.of(FIXED_EDGE_SEED), EDGE_PROGRAMS,
                Integer.getInteger("jbpf.random.program"));
    }

    /**
     * The same with what the language accepted in its later rounds ({@link RandomProbes}' wider programs): an enum
     * with fields, a record local, switch expressions that yield, Boolean's logical methods, Math.multiplyHigh,
     * Character.reverseBytes, and map values kept across writes of their map under keys that differ.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void widerRandomProbesAgreeWithTheJvmAndTheSimulationWithTheKernel(Backend backend) throws Exception {
        run(backend, WIDER, "wider random probes", org.jbpf.testsupport.RandomSeed.of(FIXED_WIDER_SEED), WIDER_PROGRAMS,
                Integer.getInteger("jbpf.random.program"));
    }

    /** The same for the programs with state that also update per-CPU counters they looked up, under the same key. */
    static final long FIXED_UPDATES_SEED = 7;

    /**
     * The same with state ({@link RandomState}) where a per-CPU counter looked up and found may be updated under the
     * same key inside its null test: under a constant key the translator stores through the looked-up pointer.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void randomProbesUpdatingLookedUpValuesAgreeWithTheJvmAndTheSimulationWithTheKernel(Backend backend) throws Exception {
        run(backend, UPDATES, "random probes updating looked-up values", org.jbpf.testsupport.RandomSeed.of(FIXED_UPDATES_SEED), STATE_PROGRAMS,
                Integer.getInteger("jbpf.random.program"));
    }

    /** The generator's modes, as FOUND names them. */
    static final int PLAIN = 0, STATE = 1, EDGES = 2, WIDER = 3, UPDATES = 4;

    /**
     * Programs of other seeds that once went wrong, each run alone on both backends whatever seed is asked for: the
     * generator's mode (PLAIN, STATE, EDGES or UPDATES), seed, program. Seed 11 program 14: LLVM dropped an index's mask it proved redundant (the
     * kernel refused the offset). Seed 21 program 42: the functions the translator chose took the call chain past 512
     * bytes. Seed 22 program 31: the or of two zeros took a loop's exit away. Seed 24 program 93: LLVM checked a copy of
     * a char index into a map value's array and added the unchecked one. Seed 12 program 111: LLVM checked an index on the
     * value it was computed from, as the index's register also held a frame address earlier in the program. At the edges,
     * seed 35 program 80: {@code b0 %= Short.toUnsignedInt((short) 0)} became a remainder by the immediate 0, which the
     * kernel refuses. State seed 41 program 6: every spilled value had a stack slot of its own, so the direct backend's
     * frame with a {@code @NoInline} helper's came to 528 bytes (LLVM's fit). State seed 62 program 72: LLVM's 504-byte
     * frame calling a function without a frame counted 16 bytes for it, where the kernel counts none for JIT-compiled code.
     * State seed 22 program 78: the direct backend's {@code int y1 = (int) b} was a 64-bit copy the kernel linked to
     * {@code b}, so every test of {@code b} split the ranges of {@code y1}, which a shift into an array index had made
     * precise; the loops' states never matched and the kernel stopped at its million instructions (LLVM's code: 226k).
     * State seed 26 program 6: an int local set once from a long and never changed took a slot of its own for that
     * move, which brought the direct backend's frame to 528 bytes; such an int shares the long's register again.
     * State seed 36376513974931 program 1 (found on LLVM): in a {@code @NoInline} function given a map value's struct,
     * LLVM checked an index into its array through a 16-bit copy, as a parameter was not known to hold an address
     * ({@link IndexThroughArgument}); the direct backend laid out its arrays, key areas and 15 spill slots one after
     * another in 528 bytes, where the areas and slots used at different places of the program now share 512.
     * Updating looked-up values, seed 202 program 6: a loop passed {@code Math.abs} of two locals and the trailing zeros
     * of a third to a {@code @NoInline} function; the direct backend's tests of copies the kernel linked to the locals
     * narrowed them, the next round found the tests decided and marked the locals precise, and the kernel stopped at
     * its million instructions (LLVM's code: 18k; {@link AbsAndZerosInLoop}).
     */
    static final long[][] FOUND = {{PLAIN, 11, 14}, {PLAIN, 12, 111}, {STATE, 21, 42}, {STATE, 22, 31}, {STATE, 24, 93}, {EDGES, 35, 80},
            {STATE, 41, 6}, {STATE, 62, 72}, {STATE, 22, 78}, {STATE, 26, 6}, {STATE, 36376513974931L, 1}, {UPDATES, 202, 6}};

    /**
     * Programs found before on one backend, which the other may refuse with one of the translator's known refusals
     * (counted, not failed): mode, seed, program, backend found on. Empty while every program found loads on both.
     */
    static final long[][] FOUND_ON_ONE_BACKEND = {};

    /**
     * Programs found before that the kernel refuses at one of its limits on a backend, which the simulation must refuse
     * with it: mode, seed, program, and which backends (bit 0 direct, bit 1 LLVM) may meet the limit. Empty while every
     * program found loads on both backends.
     */
    static final long[][] FOUND_AT_KERNEL_LIMITS = {};

    @ParameterizedTest
    @EnumSource(Backend.class)
    void programsFoundBeforeStillAgreeWithTheJvm(Backend backend) throws Exception {
        Map<String, Integer> refused = new TreeMap<>();
        for (long[] f : FOUND) refused.putAll(run(backend, (int) f[0], "random probes found before", f[1], (int) f[2] + 1, (int) f[2]));
        assertEquals(Map.of(), refused, "every program found before loads and gives the JVM's results");
        for (long[] f : FOUND_ON_ONE_BACKEND) {
            Map<String, Integer> refusedHere = run(backend, (int) f[0], "random probes found before on one backend", f[1], (int) f[2] + 1, (int) f[2]);
            if (backend.ordinal() == f[3]) assertEquals(Map.of(), refusedHere, "a program found on " + backend + " loads there and gives the JVM's results");
        }
        for (long[] f : FOUND_AT_KERNEL_LIMITS) {
            Map<String, Integer> atLimit = run(backend, (int) f[0], "random probes at the kernel's limits found before", f[1], (int) f[2] + 1, (int) f[2]);
            // run() fails on a program the simulation accepts and the kernel refuses: what is left is refused by both
            if ((f[3] & (1L << backend.ordinal())) == 0) assertEquals(Map.of(), atLimit, "loads on " + backend);
            else for (String reason : atLimit.keySet()) assertTrue(reason.startsWith("kernel: "), "refused at a kernel limit: " + atLimit);
        }
    }

    /**
     * Runs programs [0, programs) of {@code seed}, or program {@code only} alone when it is not null; returns the
     * refusals counted, the translator's known ones by reason and the kernel's limits as "kernel: reason".
     */
    private Map<String, Integer> run(Backend backend, int mode, String label, long seed, int programs, Integer only) throws Exception {
        KernelCheck.require();
        if (backend == Backend.LLVM) backend.translate(Semantics.class); // skips without LLVM's bindings
        String kept = System.getProperty("jbpf.random.dir");
        String modeName = mode == STATE ? "state" : mode == EDGES ? "edges" : mode == WIDER ? "wider" : mode == UPDATES ? "updates" : "plain";
        Path dir = Files.createDirectories(kept != null ? Path.of(kept, mode == PLAIN ? "" : modeName) : temp.resolve(modeName + seed));
        System.out.println(label + " (" + backend + "): seed " + seed);
        RandomProbes generator = new RandomProbes(seed, mode == STATE || mode == UPDATES, mode == EDGES, mode == WIDER, mode == UPDATES);
        Translator.Options options = new Translator.Options(List.of(dir.resolve("src")));
        List<String> failures = new ArrayList<>() {
            @Override
            public boolean add(String failure) {
                System.out.println(label + " (" + backend + "): " + failure);   // as it happens, for long runs
                return super.add(failure);
            }
        };
        Map<String, Integer> refused = new TreeMap<>();
        Map<String, Integer> kernelRefused = new TreeMap<>();
        int runs = 0, ran = 0, stricter = 0;
        for (int from = only != null ? only : 0; from < (only != null ? only + 1 : programs); from += BATCH) {
            int to = only != null ? only + 1 : Math.min(programs, from + BATCH);
            Path classes = ProbeSources.compile(generator::source, dir, from, to, seed);
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
                Translator.ClassSource source = Translator.ClassSource.of(loader);
                for (int i = from; i < to; i++) {
                    String name = "gen.P" + i;
                    String where = name + " (seed " + seed + ", source " + dir.resolve("src/gen/P" + i + ".java") + ")";
                    BpfObject object;
                    try {
                        object = backend.translate(name, source, options);
                    } catch (RuntimeException e) {
                        String message = String.valueOf(e.getMessage()), reason = message.replaceFirst("^(LLVM's BPF target cannot compile P\\d+: )?P" + i + "\\.java:\\d+: ", "");
                        boolean known = generator.recursive(i) && reason.startsWith("recursive call of rec; ") || KNOWN_REFUSALS.matcher(reason).matches();
                        if (!reason.equals(message) && known) refused.merge(reason.replaceAll("-?\\d+", "N"), 1, Integer::sum);
                        else failures.add("translating " + where + ": " + message);
                        continue;
                    }
                    if (generator.recursive(i)) {
                        failures.add(where + " calls a recursive method and was translated");
                        continue;
                    }
                    List<VerifierResult> simulation = Verifier.verifyAll(object);
                    boolean simulated = simulation.stream().allMatch(VerifierResult::ok);
                    Method f = loader.loadClass("ref.P" + i).getMethod("f", long.class, long.class);
                    BPF bpf;
                    try {
                        BpfBuilder builder = BPF.builder(object);
                        generator.constants(i).forEach(builder::constant);
                        bpf = builder.load();
                    } catch (RuntimeException e) {
                        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                        if (simulated) failures.add("the simulation accepts " + where + ", which the kernel refuses: " + first);
                        String reason = verifierReason(e.getMessage());
                        // loops nested in random ways may take the verifier past its million instructions, on both backends
                        boolean tooLarge = !simulated && reason.startsWith("BPF program is too large");
                        if (!tooLarge) failures.add("loading " + where + ": " + e.getMessage());
                        else {
                            kernelRefused.merge(reason, 1, Integer::sum);
                            System.out.println(label + " (" + backend + "): the kernel refuses " + where + ": " + reason);
                        }
                        continue;
                    }
                    try (bpf) {
                        ran++;
                        if (only != null)
                            System.out.println(label + " (" + backend + "): " + where + " loaded, the kernel processed "
                                    + ProgramInfo.of(bpf.program("run").fd()).verifiedInsns() + " instructions");
                        if (!simulated) {
                            stricter++;
                            System.out.println("the simulation refuses " + where + ", which the kernel loads: " + simulation);
                        }
                        BpfMap<Integer, Long> in = bpf.map("in", Integer.class, Long.class), out = bpf.map("out", Integer.class, Long.class);
                        for (long[] ab : INPUTS) {
                            in.put(0, ab[0]);
                            in.put(1, ab[1]);
                            assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval(), where);
                            long expected = (long) f.invoke(null, ab[0], ab[1]), actual = out.get(0);
                            if (expected != actual) {
                                failures.add(where + " on (" + ab[0] + ", " + ab[1] + "): JVM " + expected + ", kernel " + actual);
                                break;
                            }
                            runs++;
                        }
                    }
                }
            }
        }
        System.out.println(label + " (" + backend + "): seed " + seed + ", " + (only != null ? 1 : programs) + " programs, " + ran + " loaded, "
                + runs + " kernel runs agreed with the JVM, refused " + refused + ", the kernel refused " + kernelRefused
                + ", " + stricter + " loaded that the simulation refuses, " + failures.size() + " failed");
        if (!failures.isEmpty())
            throw new AssertionError(failures.size() + " of " + programs + " programs failed (seed " + seed + "):\n" + String.join("\n", failures));
        assertEquals(ran * INPUTS.length, runs);
        int refusals = refused.values().stream().mapToInt(Integer::intValue).sum() + kernelRefused.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(only != null ? 1 : programs, ran + refusals, "every program ran or was refused");
        Map<String, Integer> all = new TreeMap<>(refused);
        kernelRefused.forEach((reason, n) -> all.merge("kernel: " + reason, n, Integer::sum));
        return all;
    }

    /**
     * The verifier's own complaint: the log line before its "processed ... insns" summary, registers left out. The
     * complaint at one of the kernel's limits ({@link RandomDataKernelTest#COMPLEXITY}) may end a line that the trace
     * of an instruction begins ("N: (xx) ..." or "N: R0=..."; the kernel joins what it prints next to a line it printed
     * before): then the complaint alone, from where it starts.
     */
    static String verifierReason(String message) {
        List<String> lines = String.valueOf(message).lines().map(String::trim).toList();
        for (int k = 1; k < lines.size(); k++)
            if (lines.get(k).startsWith("processed ")) {
                String reason = lines.get(k - 1).replaceAll("R\\d+", "R").replaceAll("-?\\d+", "N");
                java.util.regex.Matcher limit = RandomDataKernelTest.COMPLEXITY.matcher(reason);
                return reason.startsWith("N: ") && limit.find() ? reason.substring(limit.start()) : reason;
            }
        return lines.isEmpty() ? "" : lines.get(0);
    }
}
