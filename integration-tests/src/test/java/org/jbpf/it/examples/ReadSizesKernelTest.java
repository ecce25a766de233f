package org.jbpf.it.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jbpf.BPF;
import org.jbpf.examples.ReadSizes;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ReadSizes example on a real tracepoint: dd's reads of 4096 bytes and cat's end of file, under record keys. */
class ReadSizesKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void histogramsCountTheReadsOfEachProcess(Backend backend) throws Exception {
        KernelCheck.require();
        try (BPF bpf = backend.loadAndAttach(ReadSizes.class)) {
            BpfMap<ReadSizes.Reader, ReadSizes.Sizes> sizes = bpf.map(ReadSizes.sizes);
            int dd = Native.run(List.of("dd", "if=/dev/zero", "of=/dev/null", "bs=4096", "count=3", "status=none"));
            int cat = Native.run(List.of("cat", "/dev/null"));
            ReadSizes.Sizes data = sizes.get(new ReadSizes.Reader(dd, ReadSizes.Outcome.DATA.ordinal()));
            assertNotNull(data, "dd's reads were counted");
            assertEquals(3, data.buckets[12], "three reads of 4096 bytes fell into bucket 12");
            long sum = 0;
            for (long b : data.buckets) sum += b;
            assertEquals(data.count, sum, "every read is in one bucket");
            assertTrue(data.bytes >= 3 * 4096, "bytes " + data.bytes);
            ReadSizes.Sizes eof = sizes.get(new ReadSizes.Reader(cat, ReadSizes.Outcome.EOF.ordinal()));
            assertNotNull(eof, "cat's end of file was counted");
            // the C library may read to the end of a locale file too: every end of file counts zero bytes in bucket 0
            assertTrue(eof.count >= 1, "cat /dev/null reads end of file");
            assertEquals(0, eof.bytes);
            assertEquals(eof.count, eof.buckets[0]);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void verifierSimulationAcceptsWhatTheKernelAccepts(Backend backend) {
        for (VerifierResult r : Verifier.verifyAll(backend.translate(ReadSizes.class)))
            assertTrue(r.ok(), r.toString());
    }
}
