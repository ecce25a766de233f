package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jbpf.BPF;
import org.jbpf.XdpContext;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.interp.Interpreter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link XdpLengthCounts} on both backends under BPF_PROG_TEST_RUN, frame by frame around its 60-byte threshold
 * and past 100 bytes, where the length less 100 turns non-negative: the action returned and every sum in the map,
 * the negative ones included, and the same from the verifier simulation's interpreter.
 */
class XdpLengthCountsKernelTest {
    /** Frame lengths: the shortest the kernel runs, below, at and above the threshold, both sides of 100, large. */
    private static final int[] LENGTHS = {14, 59, 60, 61, 99, 100, 101, 128, 255, 256, 1500, 3000};

    private static byte[] frame(int length, int etherType, int source) {
        byte[] f = new byte[length];
        for (int i = 0; i < length; i++) f[i] = (byte) (i * 7 + 3);
        f[12] = (byte) (etherType >> 8);
        f[13] = (byte) etherType;
        // the IPv4 source address's bytes as the program's 32-bit load reads them, least significant first
        if (length >= 34) for (int i = 0; i < 4; i++) f[26 + i] = (byte) (source >>> (8 * i));
        return f;
    }

    /** A source address per frame: negative as an int for every third length, so the program skips it. */
    private static int source(int length) { return length % 3 == 0 ? 0x80000000 | length : length * 1_000_003; }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void lengthsAreCountedAroundTheThresholdAndNegativeDifferencesStayNegative(Backend backend) {
        KernelCheck.require();
        BpfObject object = backend.translate(XdpLengthCounts.class);
        assertTrue(Verifier.verifyAll(object).stream().allMatch(r -> r.ok()), "the simulation accepts it");
        try (BPF bpf = BPF.load(object, XdpLengthCounts.class)) {
            LoadedProgram lengths = bpf.program("lengths");
            BpfMap<Integer, Long> counts = bpf.map(XdpLengthCounts.counts);
            Interpreter sim = new Interpreter(object);
            long frames = 0, bytes = 0, differences = 0, types = 0, sources = 0, lowest = 0;
            for (int length : LENGTHS) {
                // 0x86dd (IPv6) has bit 15 set, which the mask drops; 0x0800 does not
                int etherType = length % 2 == 0 ? 0x86dd : 0x0800;
                byte[] f = frame(length, etherType, source(length));
                int expected = length < 60 ? XdpContext.XDP_DROP : XdpContext.XDP_PASS;
                assertEquals(expected, lengths.testRun(f, 1).retval(), length + "-byte frame");
                assertEquals(expected, sim.runPacket("lengths", f), length + "-byte frame in the interpreter");
                if (length >= 60) {
                    frames++;
                    bytes += length;
                    differences += length - 100;
                    types += etherType & 0x7fff;
                    if (source(length) >= 0) sources += source(length);
                }
                assertEquals(frames, counts.get(0), "frames passed after " + length);
                assertEquals(bytes, counts.get(1), "bytes after " + length);
                assertEquals(differences, counts.get(2), "lengths less 100 after " + length);
                assertEquals(types, counts.get(3), "EtherTypes after " + length);
                assertEquals(sources, counts.get(4), "non-negative sources after " + length);
                assertEquals(frames, sim.map("counts").getLong(0), "the interpreter's frames after " + length);
                assertEquals(differences, sim.map("counts").getLong(2), "the interpreter's differences after " + length);
                lowest = Math.min(lowest, counts.get(2));
            }
            assertTrue(sources > 0 && sources < 1L << 34, "some sources counted, none widened from a negative int: " + sources);
            assertEquals(-40 - 39 - 1, lowest, "the sum of 60-, 61- and 99-byte frames' lengths less 100, read back negative");
        }
    }

    /**
     * An index tested only in 32 bits (not negative, below 8) picks from a local array with no bound check of its
     * own: the kernel accepts it and the weights added are those of the small sources; a negative source is dropped.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void anIndexBoundedBy32BitTestsPicksItsWeight(Backend backend) {
        KernelCheck.require();
        BpfObject object = backend.translate(XdpLengthCounts.class);
        int[] weights = {3, 5, 7, 11, 13, 17, 19, 23};
        try (BPF bpf = BPF.load(object, XdpLengthCounts.class)) {
            LoadedProgram buckets = bpf.program("buckets");
            BpfMap<Integer, Long> counts = bpf.map(XdpLengthCounts.counts);
            Interpreter sim = new Interpreter(object);
            long sum = 0;
            for (int source : new int[] {0, 3, 7, 8, 9, 1 << 20, Integer.MAX_VALUE, -1, Integer.MIN_VALUE, -8, 5}) {
                byte[] f = frame(64, 0x0800, source);
                int expected = source < 0 ? XdpContext.XDP_DROP : XdpContext.XDP_PASS;
                assertEquals(expected, buckets.testRun(f, 1).retval(), "source " + source);
                assertEquals(expected, sim.runPacket("buckets", f), "source " + source + " in the interpreter");
                if (source >= 0 && source < 8) sum += weights[source];
                assertEquals(sum, counts.get(5) == null ? 0L : counts.get(5), "weights after source " + source);
                assertEquals(sum, sim.map("counts").getLong(5), "the interpreter's weights after source " + source);
            }
            assertEquals(3 + 11 + 23 + 17, sum);
        }
    }
}
