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

/**
 * A header at an offset computed from IPv4's header length ({@link BehindTransport}) loads and reads the right bytes
 * on both backends; found by the random packet probes, seed 301 program 96, whose LLVM code the kernel refused.
 */
class BehindTransportKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void theBytesBeforeTheTransportHeaderAreReadAfterEveryHeaderLength(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(BehindTransport.class), BehindTransport.class)) {
            BpfMap<Integer, Long> out = bpf.map(BehindTransport.out);
            for (int words = 0; words <= 15; words++) {
                byte[] packet = packet(0x0800, 14 + 64);
                packet[14] = (byte) (0x40 | words);
                assertEquals(words < 5 ? 3 : 0, bpf.program("behind").testRun(packet, 1).retval(), "IPv4 header of " + words + " words");
                if (words >= 5) assertEquals(intAt(packet, 14 + words * 4 - 7 + 4), out.get(0), "IPv4 header of " + words + " words");
            }
            byte[] v6 = packet(0x86dd, 14 + 48);
            assertEquals(0, bpf.program("behind").testRun(v6, 1).retval());
            assertEquals(intAt(v6, 14 + 40 - 7 + 4), out.get(0));
            byte[] v5 = packet(0x0800, 14 + 64);
            v5[14] = 0x55;
            assertEquals(8, bpf.program("behind").testRun(v5, 1).retval(), "version 5");
            assertEquals(5, bpf.program("behind").testRun(packet(0x0806, 60), 1).retval(), "ARP");
        }
    }

    private static long intAt(byte[] packet, int at) { return ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN).getInt(at); }

    /** A frame of {@code length} bytes numbered from 1, with ether type {@code type}. */
    private static byte[] packet(int type, int length) {
        byte[] packet = new byte[length];
        for (int k = 0; k < length; k++) packet[k] = (byte) (k * 7 + 1);
        packet[12] = (byte) (type >> 8);
        packet[13] = (byte) type;
        return packet;
    }
}
