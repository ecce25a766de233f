package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.sim.maps.SimMap;
import org.jbpf.translator.Translator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Probe classes written with ASM, not javac ({@link AsmProbeClass}, {@link RandomBytecode}): stack shuffles, values
 * kept on the stack across jumps and calls, reused slots, irreducible loops, odd switches. The JVM loads, verifies and
 * runs each class as the reference; each backend translates it, the verifier simulation judges it and, where it
 * accepts, interprets it; the kernel loads and runs it with BPF_PROG_TEST_RUN; every result must be the JVM's. A
 * refusal must say where (class, method, bytecode offset) and what to do ({@link #clearRefusal}). The seed is fixed
 * ({@link #FIXED_SEED}); {@code -Djbpf.random.seed=N} replays seed N, {@code -Djbpf.random.programs} sets the count and
 * {@code -Djbpf.random.program=K} runs program K alone. Classes that fail are written to {@code target/random-bytecode}.
 */
class RandomBytecodeKernelTest {
    static final int PROGRAMS = Integer.getInteger("jbpf.random.programs", 120);
    /** A seed whose programs pass on both backends. */
    static final long FIXED_SEED = 7340117L;
    static final long[][] INPUTS = RandomProgramsKernelTest.INPUTS;
    /** A seed whose programs with map calls pass on both backends. */
    static final long FIXED_MAP_SEED = 11;
    static final int MAP_PROGRAMS = Integer.getInteger("jbpf.random.programs", 60);

    @ParameterizedTest
    @EnumSource(Backend.class)
    void asmWrittenProgramsAgreeWithTheJvm(Backend backend) throws Exception {
        run(backend, false, org.jbpf.testsupport.RandomSeed.of(FIXED_SEED), PROGRAMS);
    }

    /**
     * The same with reads and writes of an array map in the middle of expressions ({@link RandomBytecode#cells}): the
     * values below on the operand stack live across the map helper's call, and the map's values carry over from input
     * to input, in the kernel, in the simulation's interpreter and in the JVM's copy ({@link ArrayMapModel}).
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void asmWrittenProgramsWithMapCallsAgreeWithTheJvm(Backend backend) throws Exception {
        run(backend, true, org.jbpf.testsupport.RandomSeed.of(FIXED_MAP_SEED), MAP_PROGRAMS);
    }

    private void run(Backend backend, boolean cells, long seed, int programs) throws Exception {
        KernelCheck.require();
        if (backend == Backend.LLVM) backend.translate(Semantics.class); // skips without LLVM's bindings
        Integer only = Integer.getInteger("jbpf.random.program");
        int from = only != null ? only : 0, to = only != null ? only + 1 : programs;
        String tag = "random bytecode" + (cells ? " with map calls" : "") + " (" + backend + ")";
        System.out.println(tag + ": seed " + seed);
        Translator.ClassSource library = Translator.ClassSource.of(getClass().getClassLoader());
        Translator.Options options = new Translator.Options(List.of());
        List<String> failures = new ArrayList<>() {
            @Override
            public boolean add(String failure) {
                System.out.println(tag + ": " + failure);
                return super.add(failure);
            }
        };
        Map<String, Integer> refused = new TreeMap<>();
        int ran = 0, simulated = 0;
        for (int i = from; i < to; i++) {
            String name = "gen/P" + i, where = "gen.P" + i + " (seed " + seed + ")";
            byte[] bytes = AsmProbeClass.write(name, seed * 1_000_003L + i, cells);
            long[] expected;
            try {
                expected = onTheJvm(name, cells ? ArrayMapModel.onTheJvm(bytes) : bytes);
            } catch (VerifyError | ClassFormatError e) {
                failures.add(where + ": the generator wrote a class the JVM refuses: " + e);
                keep(name, bytes);
                continue;
            }
            BpfObject object;
            try {
                object = backend.translate(name.replace('/', '.'), n -> n.equals(name) ? bytes : library.read(n), options);
            } catch (RuntimeException e) {
                String message = String.valueOf(e.getMessage());
                if (clearRefusal(message, "P" + i)) refused.merge(message.replaceAll("-?\\d+", "N"), 1, Integer::sum);
                else failures.add("translating " + where + ": " + e);
                keep(name, bytes);
                continue;
            }
            List<VerifierResult> verdicts = Verifier.verifyAll(object);
            boolean accepted = verdicts.stream().allMatch(VerifierResult::ok);
            if (accepted) {
                simulated++;
                String wrong = inTheInterpreter(object, expected);
                if (wrong != null) { failures.add(where + ": the verifier simulation's interpreter " + wrong); keep(name, bytes); }
            }
            BPF bpf;
            try {
                bpf = BPF.load(object);
            } catch (RuntimeException e) {
                String reason = RandomProbesKernelTest.verifierReason(e.getMessage());
                var limit = RandomDataKernelTest.COMPLEXITY.matcher(String.valueOf(e.getMessage()).replaceAll("\\d+", "N"));
                if (!accepted && limit.find()) refused.merge("kernel: " + limit.group(), 1, Integer::sum);
                else failures.add((accepted ? "the simulation accepts " : "loading ") + where + ", which the kernel refuses: " + reason);
                keep(name, bytes);
                continue;
            }
            try (bpf) {
                ran++;
                if (!accepted) System.out.println(tag + ": the simulation refuses " + where + ", which the kernel loads: " + verdicts);
                BpfMap<Integer, Long> in = bpf.map("in", Integer.class, Long.class), out = bpf.map("out", Integer.class, Long.class);
                for (int k = 0; k < INPUTS.length; k++) {
                    in.put(0, INPUTS[k][0]);
                    in.put(1, INPUTS[k][1]);
                    long retval = bpf.program("run").testRun(new byte[64], 1).retval();
                    long got = out.get(0);
                    if (retval != 2 || got != expected[k]) {
                        failures.add(where + ": the kernel gives " + got + " (XDP " + retval + ") for f(" + INPUTS[k][0] + ", " + INPUTS[k][1]
                                + "), the JVM " + expected[k]);
                        keep(name, bytes);
                        break;
                    }
                }
            }
        }
        System.out.println(tag + ": seed " + seed + ", programs " + from + ".." + to + ", " + ran + " ran in the kernel, " + simulated
                + " interpreted by the simulation, refused " + refused + ", " + failures.size() + " failed");
        if (!failures.isEmpty())
            throw new AssertionError(failures.size() + " of " + (to - from) + " programs failed (seed " + seed + "):\n" + String.join("\n", failures));
        assertEquals(to - from, ran + refused.values().stream().mapToInt(Integer::intValue).sum(), "every program ran or was refused");
    }

    /** f on every input, run by the JVM on the class it has just loaded and verified. */
    static long[] onTheJvm(String name, byte[] bytes) throws ReflectiveOperationException {
        ClassLoader loader = new ClassLoader(RandomBytecodeKernelTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String n) throws ClassNotFoundException {
                if (!n.equals(name.replace('/', '.'))) throw new ClassNotFoundException(n);
                return defineClass(n, bytes, 0, bytes.length);
            }
        };
        Method f = loader.loadClass(name.replace('/', '.')).getMethod("f", long.class, long.class);
        long[] out = new long[INPUTS.length];
        for (int k = 0; k < INPUTS.length; k++) {
            try {
                out[k] = (long) f.invoke(null, INPUTS[k][0], INPUTS[k][1]);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof VerifyError v) throw v;
                throw new AssertionError(name + ": f threw on the JVM", e.getCause());
            }
        }
        return out;
    }

    /** What the simulation's interpreter gets wrong against the JVM's results, or null: one run, maps kept from input to input. */
    static String inTheInterpreter(BpfObject object, long[] expected) {
        Interpreter sim = new Interpreter(object);
        for (int k = 0; k < INPUTS.length; k++) {
            sim.map("in").update(SimMap.u32(0), SimMap.u64(INPUTS[k][0]), SimMap.ANY);
            sim.map("in").update(SimMap.u32(1), SimMap.u64(INPUTS[k][1]), SimMap.ANY);
            long retval = sim.runPacket("run", new byte[64]);
            long got = sim.map("out").getLong(0);
            if (retval != 2 || got != expected[k])
                return "gives " + got + " (XDP " + retval + ") for f(" + INPUTS[k][0] + ", " + INPUTS[k][1] + "), the JVM " + expected[k];
        }
        return null;
    }

    /** A refusal that names the class file, the method and the bytecode offset, and says what to do. */
    static boolean clearRefusal(String message, String file) {
        return message.matches("(?s)(LLVM's BPF target cannot compile \\S+: )?" + file + "\\.java: method \\w+, bytecode offset \\d+: .+; .+");
    }

    private static void keep(String name, byte[] bytes) {
        try {
            Path out = Path.of("target/random-bytecode/" + name + ".class");
            Files.createDirectories(out.getParent());
            Files.write(out, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
