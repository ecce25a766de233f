package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Struct methods, records and nested structs ({@link Structs}) in the kernel with both backends, against the JVM. */
class StructsKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void structsComputeWhatTheJvmComputes(Backend backend) {
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(backend.translate(Structs.class), Structs.class)) {
            BpfMap<Integer, Long> in = bpf.map(Structs.in), out = bpf.map(Structs.out);
            for (long[] ab : SemanticsKernelTest.inputs()) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("runCompute").testRun(new byte[64], 1).retval());
                assertEquals(Structs.compute(ab[0], ab[1]), out.get(0), "compute(" + ab[0] + ", " + ab[1] + ")");
                runs++;
            }
        }
        assertEquals(SemanticsKernelTest.inputs().size(), runs);
        System.out.println("structs (" + backend + "): " + runs + " inputs agreed with the JVM");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void recordsAreMapKeysAndValues(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(Structs.class), Structs.class)) {
            BpfMap<Integer, Long> in = bpf.map(Structs.in);
            BpfMap<Structs.Key, Structs.Key> pairs = bpf.map(Structs.pairs);
            in.put(0, 42L);
            in.put(1, 7L);
            assertEquals(2, bpf.program("runPairs").testRun(new byte[64], 1).retval());
            assertEquals(7 * 1000L + 42, bpf.map(Structs.out).get(1));
            assertEquals(new Structs.Key(7, 42), pairs.get(new Structs.Key(42, 7)));
            pairs.put(new Structs.Key(-1, 3), new Structs.Key(5, 6));
            in.put(0, -1L);
            in.put(1, 3L);
            bpf.program("runPairs").testRun(new byte[64], 1);
            assertEquals(new Structs.Key(3, -1), pairs.get(new Structs.Key(-1, 3)), "the program replaced the value Java wrote");
            assertEquals(2, pairs.size());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void nestedStructsChangeInPlaceInAMapValue(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(Structs.class), Structs.class)) {
            BpfMap<Integer, Structs.Box> boxes = bpf.map(Structs.boxes);
            Structs.Box box = new Structs.Box();
            box.id = 100;
            box.lo = new Structs.Point();
            box.lo.moveTo(1, 2);
            box.hi = new Structs.Point();
            box.hi.moveTo(10, 20);
            boxes.put(0, box);
            bpf.map(Structs.in).put(0, 5L);
            assertEquals(2, bpf.program("runBox").testRun(new byte[64], 1).retval());
            Structs.Box got = boxes.get(0);
            assertEquals(101, got.id);
            assertEquals(2, got.lo.x);
            assertEquals(4, got.lo.y);
            assertEquals(15, got.hi.x);
            assertEquals(21, got.hi.y);
            assertEquals((15 - 2) * (21 - 4), bpf.map(Structs.out).get(2));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void verifierSimulationAcceptsWhatTheKernelAccepts(Backend backend) {
        for (VerifierResult r : Verifier.verifyAll(backend.translate(Structs.class)))
            assertTrue(r.ok(), r.toString());
    }
}
