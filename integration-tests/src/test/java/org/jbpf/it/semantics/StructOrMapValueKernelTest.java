package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The common Java idiom "look the struct up, or make a new one" — one variable holding a map value on one path and a
 * local struct on the other — counts correctly in the kernel: the first call stores a new struct, later ones update in place.
 */
class StructOrMapValueKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void lookupOrNewCountsEveryCall(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = backend.loadAndAttach(StructOrMapValue.class)) {
            for (int i = 0; i < 5; i++) HelperValuesKernelTest.LibC.INSTANCE.getppid();
            StructOrMapValue.Counter c = bpf.map(StructOrMapValue.counters).get((int) ProcessHandle.current().pid());
            assertEquals(5L, c.n);
        }
    }
}
