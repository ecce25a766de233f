package org.jbpf.it.newuser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.maps.ArrayMap;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Probes written as new users write them, each computing {@code compute(a, b)} in plain Java: translated on both
 * backends, accepted by the verifier simulation, loaded into the kernel and run with BPF_PROG_TEST_RUN on edge and
 * random inputs, where every result must be the JVM's.
 */
public class ComputingProbesKernelTest {
    static final List<Class<?>> PROBES = List.of(
            Ternaries.class, IntSwitches.class, EarlyReturns.class, ManyArguments.class, Constants.class,
            Narrowing.class, Booleans.class, BreakContinue.class, DoWhile.class, LabeledLoops.class,
            DivisionByVariables.class, VariableShifts.class, BitTricks.class, FloorMath.class, LocalArrays.class,
            Hashing.class, BitFlags.class, Overflows.class, IncrementsInExpressions.class, CharsAndDigits.class,
            UnsignedMath.class, StructArrays.class, NestedStructs.class, Records.class, EnumStates.class,
            NumberLoops.class, RepeatLoop.class, NoInlineFunctions.class, StringCompare.class, Log2Buckets.class,
            ArrayInitializers.class, WhileTrue.class, NarrowCompound.class, CharSwitch.class, StructHelpers.class, MixedMinMax.class,
            OtherClassHelpers.class);

    /** Edge values in every pair, then random pairs (a third with small second values, the likely divisors and shifts). */
    public static final List<long[]> INPUTS = inputs();

    static List<long[]> inputs() {
        long[] edges = {0, 1, -1, 2, -2, 3, 5, 7, -7, 10, 48, 100, 1 << 20, 31, 32, 63, 64, 255, 256, 65535, 0x6a62, 0x66706a62,
                Integer.MAX_VALUE, Integer.MIN_VALUE, 0xffffffffL, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32, -(1L << 33) + 5};
        List<long[]> out = new ArrayList<>();
        for (long a : edges) for (long b : edges) out.add(new long[] {a, b});
        Random r = new Random(14);
        for (int i = 0; i < 150; i++) out.add(new long[] {r.nextLong(), r.nextInt(3) == 0 ? r.nextInt(100) - 50 : r.nextLong()});
        return out;
    }

    static Stream<Arguments> probes() {
        List<Arguments> all = new ArrayList<>();
        for (Backend backend : Backend.values()) for (Class<?> probe : PROBES) all.add(Arguments.of(backend, probe));
        return all.stream();
    }

    @ParameterizedTest(name = "{1} ({0})")
    @MethodSource("probes")
    void kernelComputesWhatTheJvmComputes(Backend backend, Class<?> probe) throws Exception {
        checkAgainstJvm(backend, probe);
    }

    /** Translates, simulates and loads {@code probe}, then compares its kernel results with {@code compute} run on the JVM. */
    public static void checkAgainstJvm(Backend backend, Class<?> probe) throws Exception {
        BpfObject object = backend.translate(probe);
        for (VerifierResult r : Verifier.verifyAll(object)) assertTrue(r.ok(), probe.getSimpleName() + ": " + r);
        KernelCheck.require();
        Method compute = probe.getDeclaredMethod("compute", long.class, long.class);
        compute.setAccessible(true);
        int runs = 0;
        try (BPF bpf = BPF.load(object, probe)) {
            BpfMap<Integer, Long> in = bpf.map(declaration(probe, "in")), out = bpf.map(declaration(probe, "out"));
            for (long[] ab : INPUTS) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval(), probe.getSimpleName());
                long expected = (long) compute.invoke(null, ab[0], ab[1]);
                assertEquals(expected, out.get(0), probe.getSimpleName() + ".compute(" + ab[0] + ", " + ab[1] + ")");
                runs++;
            }
        }
        assertEquals(INPUTS.size(), runs);
    }

    @SuppressWarnings("unchecked")
    static ArrayMap<Long> declaration(Class<?> probe, String name) throws ReflectiveOperationException {
        Field f = probe.getDeclaredField(name);
        f.setAccessible(true);
        return (ArrayMap<Long>) f.get(null);
    }
}
