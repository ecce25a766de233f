package org.jbpf.it.language;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.newuser.ComputingProbesKernelTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Static mutable fields of a probe are globals shared by its programs and read by Java: {@code run} changes them
 * (directly and in a BPF function), {@code drain} digests and resets them every seventh run, and after every run
 * Java reads each one as the same class's statics hold it after the same calls on the JVM.
 */
class SharedGlobalsKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void programsShareTheirClassesStaticFields(Backend backend) {
        var object = backend.translate(SharedGlobals.class);
        KernelCheck.require();
        reset();
        int runs = 0, drains = 0;
        try (BPF bpf = BPF.load(object, SharedGlobals.class)) {
            assertEquals(5L, bpf.global("total").getLong(), ".data starts with the initialiser's value");
            assertEquals('j', bpf.global("tag").get(), "a char global");
            for (long[] ab : ComputingProbesKernelTest.INPUTS) {
                bpf.map(SharedGlobals.in).put(0, ab[0]);
                bpf.map(SharedGlobals.in).put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                SharedGlobals.record(ab[0], ab[1]);
                String after = "after run " + runs + " (" + ab[0] + ", " + ab[1] + ")";
                assertEquals(SharedGlobals.calls, bpf.global("calls").getInt(), after);
                assertEquals(SharedGlobals.total, bpf.global("total").getLong(), after);
                assertEquals(SharedGlobals.last, bpf.global("last").get(), after);
                assertEquals(SharedGlobals.sawNegative ? 1L : 0L, bpf.global("sawNegative").get(), after);
                assertEquals((long) SharedGlobals.tag, bpf.global("tag").get(), after);
                assertArrayEquals(SharedGlobals.recent, longs(bpf.global("recent").bytes()), after);
                if (++runs % 7 == 0) {
                    assertEquals(2, bpf.program("drain").testRun(new byte[64], 1).retval());
                    assertEquals(SharedGlobals.take(), bpf.map(SharedGlobals.out).get(0), "drained " + after);
                    assertEquals(0, bpf.global("calls").getInt(), "drain resets the counter the other program counts");
                    drains++;
                }
            }
        } finally {
            reset();
        }
        assertEquals(ComputingProbesKernelTest.INPUTS.size(), runs);
        assertEquals(runs / 7, drains);
    }

    private static void reset() {
        SharedGlobals.take();
        SharedGlobals.last = 0;
        SharedGlobals.tag = 'j';
        SharedGlobals.recent = new long[4];
    }

    private static long[] longs(byte[] bytes) {
        long[] out = new long[bytes.length / 8];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }
}
