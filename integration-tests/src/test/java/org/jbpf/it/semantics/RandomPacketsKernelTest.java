package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random packet probes ({@link RandomPackets}: xdp, tc and socket filters) compiled with javac, translated by both
 * backends, checked by the verifier simulation, loaded, and run with BPF_PROG_TEST_RUN on random packets
 * ({@link RandomPacketInputs}: whole and cut short); the simulation's interpreter runs them too. On every packet the
 * kernel's verdict and output bytes, and the interpreter's, must equal the Java copy's over a {@link PacketModel};
 * after the last packet so must the array map of slots and the hash map of counters. The simulation must not accept
 * what the kernel refuses; programs it refuses that the kernel loads are printed. The seed is fixed
 * ({@link #FIXED_SEED}) and printed; {@code -Djbpf.random.seed=N} replays seed N, {@code fresh} draws one,
 * {@code -Djbpf.random.probes=N} sets the number of programs, {@code -Djbpf.random.program=I} runs program I alone and
 * {@code -Djbpf.random.dir=D} keeps the sources in D.
 */
class RandomPacketsKernelTest {
    static final int PROGRAMS = Integer.getInteger("jbpf.random.probes", 40);
    /** A seed whose programs pass on both backends. */
    static final long FIXED_SEED = 101;
    /** Whole random packets per program; each is also run cut short, twice. */
    static final int PACKETS = 12;

    @TempDir Path temp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void randomPacketProbesAgreeWithTheJvmInVerdictsBytesAndMaps(Backend backend) throws Exception {
        run(backend, org.jbpf.testsupport.RandomSeed.of(FIXED_SEED), PROGRAMS, Integer.getInteger("jbpf.random.program"));
    }

    /** Runs programs [0, programs) of the seed, or program {@code only}; returns the refusals it counted, by reason. */
    Map<String, Integer> run(Backend backend, long seed, int programs, Integer only) throws Exception {
        KernelCheck.require();
        if (backend == Backend.LLVM) backend.translate(Semantics.class); // skips without LLVM's bindings
        String label = "random packet probes (" + backend + ")";
        String kept = System.getProperty("jbpf.random.dir");
        Path dir = Files.createDirectories(kept != null ? Path.of(kept, "packets" + seed) : temp.resolve("packets" + seed));
        System.out.println(label + ": seed " + seed);
        RandomPackets generator = new RandomPackets(seed);
        Translator.Options options = new Translator.Options(List.of(dir.resolve("src")));
        List<String> failures = new ArrayList<>() {
            @Override
            public boolean add(String failure) {
                System.out.println(label + ": " + failure);
                return super.add(failure);
            }
        };
        Map<String, Integer> refused = new TreeMap<>();
        int from = only != null ? only : 0, to = only != null ? only + 1 : programs, ran = 0, runs = 0, stricter = 0;
        for (int batch = from; batch < to; batch += 200) {
            int end = Math.min(to, batch + 200);
            Path classes = ProbeSources.compile(generator::source, dir, batch, end, seed);
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
                Translator.ClassSource source = Translator.ClassSource.of(loader);
                for (int i = batch; i < end; i++) {
                    String where = "gen.P" + i + " (" + generator.kind(i) + ", seed " + seed + ", source " + dir.resolve("src/gen/P" + i + ".java") + ")";
                    BpfObject object;
                    try {
                        object = backend.translate("gen.P" + i, source, options);
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
                        java.util.regex.Matcher limit = RandomDataKernelTest.COMPLEXITY.matcher(String.valueOf(e.getMessage()).replaceAll("\\d+", "N"));
                        if (simulated) failures.add("the simulation accepts " + where + ", which the kernel refuses: " + reason);
                        else if (limit.find()) refused.merge("kernel: " + limit.group(), 1, Integer::sum);
                        else failures.add("loading " + where + ": " + e.getMessage());
                        continue;
                    }
                    try (bpf) {
                        ran++;
                        if (!simulated) {
                            stricter++;
                            System.out.println(label + ": the simulation refuses " + where + ", which the kernel loads: " + simulation);
                        }
                        Class<?> reference = loader.loadClass("ref.P" + i);
                        String wrong = agree(bpf, simulated ? new Interpreter(object) : null, reference, generator.kind(i),
                                RandomPacketInputs.of(seed * 31 + i, PACKETS));
                        if (wrong != null) failures.add(where + ": " + wrong);
                        else runs++;
                    }
                }
            }
        }
        System.out.println(label + ": seed " + seed + ", " + (to - from) + " programs, " + ran + " loaded, " + runs
                + " agreed with the JVM on every packet, refused " + refused + ", " + stricter + " loaded that the simulation refuses, "
                + failures.size() + " failed");
        if (!failures.isEmpty())
            throw new AssertionError(failures.size() + " of " + (to - from) + " programs failed (seed " + seed + "):\n" + String.join("\n", failures));
        assertEquals(ran, runs);
        assertEquals(to - from, ran + refused.values().stream().mapToInt(Integer::intValue).sum(), "every program ran or was refused");
        return refused;
    }

    /**
     * Runs the program on every packet in the kernel, in the interpreter (when the simulation accepts it) and in the
     * Java copy; returns the first disagreement, or null.
     */
    private static String agree(BPF bpf, Interpreter sim, Class<?> reference, PacketModel.Kind kind, List<byte[]> packets) throws Exception {
        Method run = reference.getMethod("run", PacketModel.class);
        LoadedProgram program = bpf.program("run");
        for (byte[] packet : packets) {
            String on = "on packet " + HexFormat.of().formatHex(packet);
            if (PacketModel.testRunRefuses(kind, packet)) {
                try {
                    program.testRun(packet, 1);
                    return "the kernel ran a program on a frame too short for its IP header, which it refuses to run " + on;
                } catch (RuntimeException e) {
                    if (!String.valueOf(e.getMessage()).contains("EINVAL")) return "the kernel's run failed: " + e.getMessage() + " " + on;
                    continue;
                }
            }
            PacketModel model = new PacketModel(kind, packet);
            int expected;
            try {
                expected = (int) run.invoke(null, model);
            } catch (InvocationTargetException e) {
                return "the Java copy threw " + e.getCause() + " " + on;
            }
            LoadedProgram.TestRun kernel;
            try {
                kernel = program.testRun(packet, 1);
            } catch (RuntimeException e) {
                return "the kernel's run failed: " + e.getMessage() + " " + on + " (JVM verdict " + expected + ")";
            }
            if (kernel.retval() != expected) return "verdict: JVM " + expected + ", kernel " + kernel.retval() + " " + on;
            if (!Arrays.equals(model.bytes(), kernel.dataOut()))
                return "bytes: JVM " + HexFormat.of().formatHex(model.bytes()) + ", kernel " + HexFormat.of().formatHex(kernel.dataOut()) + " " + on;
            if (sim != null) {
                // a socket filter's packet in the interpreter is what the socket sees: from the network header on
                int from = kind == PacketModel.Kind.SOCKET ? 14 : 0;
                byte[] bytes = Arrays.copyOfRange(model.bytes(), from, model.bytes().length);
                long verdict;
                try {
                    verdict = sim.runPacket("run", Arrays.copyOfRange(packet, from, packet.length), new PacketModel(kind, packet).etherType());
                } catch (RuntimeException e) {
                    return "the interpreter failed: " + e.getMessage() + " " + on;
                }
                if ((int) verdict != expected) return "verdict: JVM " + expected + ", interpreter " + verdict + " " + on;
                if (!Arrays.equals(bytes, sim.packet()))
                    return "bytes: JVM " + HexFormat.of().formatHex(bytes) + ", interpreter " + HexFormat.of().formatHex(sim.packet()) + " " + on;
            }
        }
        long[] out = (long[]) field(reference, "out");
        Map<Long, Long> counts = new TreeMap<>(((JavaSemantics.MapModel) field(reference, "m")).entries());
        BpfMap<Integer, Long> kernelOut = bpf.map("out", Integer.class, Long.class);
        Map<Long, Long> kernelCounts = new TreeMap<>();
        for (Map.Entry<Long, Long> entry : bpf.map("m", Long.class, Long.class).entries()) kernelCounts.put(entry.getKey(), entry.getValue());
        for (int k = 0; k < out.length; k++)
            if (out[k] != kernelOut.get(k)) return "after the packets, out[" + k + "]: JVM " + out[k] + ", kernel " + kernelOut.get(k);
        if (!counts.equals(kernelCounts)) return "after the packets, map m: JVM " + counts + ", kernel " + kernelCounts;
        if (sim != null) {
            Map<Long, Long> simCounts = new TreeMap<>();
            sim.map("m").entries().forEach((key, value) -> simCounts.put(u64(key), u64(value)));
            for (int k = 0; k < out.length; k++)
                if (out[k] != sim.map("out").getLong(k)) return "after the packets, out[" + k + "]: JVM " + out[k] + ", interpreter " + sim.map("out").getLong(k);
            if (!counts.equals(simCounts)) return "after the packets, map m: JVM " + counts + ", interpreter " + simCounts;
        }
        return null;
    }

    private static long u64(byte[] b) { return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(); }

    private static Object field(Class<?> type, String name) throws ReflectiveOperationException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }
}
