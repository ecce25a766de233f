package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Byte arrays indexed by variables ({@link ByteArrays}) in the kernel with both backends, against the JVM. */
class ByteArraysKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void variableIndexesComputeWhatTheJvmComputes(Backend backend) {
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(backend.translate(ByteArrays.class), ByteArrays.class)) {
            BpfMap<Integer, Long> in = bpf.map(ByteArrays.in), out = bpf.map(ByteArrays.out);
            for (long[] ab : SemanticsKernelTest.inputs()) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("runLoops").testRun(new byte[64], 1).retval());
                assertEquals(ByteArrays.loops(ab[0], ab[1]), out.get(0), "loops(" + ab[0] + ", " + ab[1] + ")");
                assertEquals(2, bpf.program("runOutOfRange").testRun(new byte[64], 1).retval());
                assertEquals(ByteArrays.outOfRangeInKernel(ab[0], ab[1]), out.get(1), "outOfRange(" + ab[0] + ", " + ab[1] + ")");
                runs++;
            }
            // in range the kernel agrees with the JVM itself, not only with the documented rule
            in.put(0, 3L);
            in.put(1, 3L);
            bpf.program("runOutOfRange").testRun(new byte[64], 1);
            assertEquals(ByteArrays.outOfRange(3, 3), out.get(1));
            assertEquals(100_000L + 1 + 8, out.get(1));
            in.put(0, -1L);
            in.put(1, 8L);
            bpf.program("runOutOfRange").testRun(new byte[64], 1);
            assertEquals(0L + 1 + 8, out.get(1), "index -1 writes nothing and index 8 reads 0");

            BpfMap<byte[], byte[]> records = bpf.map("records");
            byte[] key = new byte[4];
            ByteBuffer value = ByteBuffer.allocate(24).order(ByteOrder.nativeOrder());
            value.putLong(0);
            for (int i = 0; i < 16; i++) value.put((byte) (i * 7 - 20));
            records.put(key, value.array());
            assertEquals(2, bpf.program("runRecord").testRun(new byte[64], 1).retval());
            ByteBuffer got = ByteBuffer.wrap(records.get(key)).order(ByteOrder.nativeOrder());
            long sum = 0;
            for (int i = 0; i < 16; i++) sum += (byte) (i * 7 - 20);
            assertEquals(sum, got.getLong(0));
            byte[] expected = new byte[16];
            expected[0] = -20;
            for (int i = 1; i < 16; i++) expected[i] = (byte) (expected[i - 1] + i);
            byte[] data = new byte[16];
            got.position(8);
            got.get(data);
            assertArrayEquals(expected, data);
        }
        assertEquals(SemanticsKernelTest.inputs().size(), runs);
        System.out.println("byte arrays (" + backend + "): " + runs + " inputs agreed with the JVM");
    }
}
