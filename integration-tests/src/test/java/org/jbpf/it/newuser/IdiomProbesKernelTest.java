package org.jbpf.it.newuser;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jbpf.it.Backend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The second round of computing probes, idioms new users reach for next (sorting a local array, fields of every
 * width, enum switches with fall-through, Euclid's loop, labeled searches, static final constants, do/while digit
 * loops, five-argument helpers, char arithmetic, a statistics struct, iterators with continue, ternary chains): each
 * run like {@link ComputingProbesKernelTest}'s, on both backends, against the JVM's result for every input.
 */
class IdiomProbesKernelTest {
    static final List<Class<?>> PROBES = List.of(
            SortNetwork.class, MixedWidths.class, EnumDefaults.class, GcdLoop.class, LabeledSearch.class,
            StaticFinals.class, DoWhileDigits.class, FiveArgumentHelpers.class, CharArithmetic.class,
            RunningStats.class, NumbersWithContinue.class, TernaryChains.class, BoxedMath.class, ArrayCopies.class, LoopShapes.class);

    static Stream<Arguments> probes() {
        List<Arguments> all = new ArrayList<>();
        for (Backend backend : Backend.values()) for (Class<?> probe : PROBES) all.add(Arguments.of(backend, probe));
        return all.stream();
    }

    @ParameterizedTest(name = "{1} ({0})")
    @MethodSource("probes")
    void kernelComputesWhatTheJvmComputes(Backend backend, Class<?> probe) throws Exception {
        ComputingProbesKernelTest.checkAgainstJvm(backend, probe);
    }
}
