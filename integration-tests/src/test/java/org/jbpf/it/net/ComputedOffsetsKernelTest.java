package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Headers at offsets computed from the packet's length ({@link ComputedOffsets}) load and read the right bytes on both backends. */
class ComputedOffsetsKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void headersAtOffsetsFromTheLengthReadTheirBytes(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(ComputedOffsets.class), ComputedOffsets.class)) {
            BpfMap<Integer, Long> out = bpf.map(ComputedOffsets.out);
            for (int length = 14; length <= 60; length += 3) {
                byte[] packet = new byte[length];
                for (int k = 0; k < length; k++) packet[k] = (byte) (k * 7 + 1);
                assertEquals(2, bpf.program("tail").testRun(packet, 1).retval());
                ByteBuffer b = ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals((long) b.getInt(length - 4), out.get(0), "last four bytes of " + length);
                assertEquals(length >= 40 ? (long) b.getInt(length - 40) : -1L, out.get(1), "four bytes 40 before the end of " + length);
            }
        }
    }
}
