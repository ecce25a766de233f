package org.jbpf.it.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.jbpf.BPF;
import org.jbpf.examples.IoSizes;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The IoSizes example on the kernel: a dd copying 7 blocks of 1 MiB makes exactly 7 reads and 7 writes in the
 * 2^20 bucket of its pid, counted through a BPF function running a bpf_loop, on both backends; the verifier
 * simulation accepts both objects, and log2 agrees with the JVM's.
 */
class IoSizesKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void countsBlocksByPowerOfTwo(Backend backend) throws Exception {
        KernelCheck.require();
        for (VerifierResult r : Verifier.verifyAll(backend.translate(IoSizes.class))) assertTrue(r.ok(), r.toString());
        try (BPF bpf = backend.loadAndAttach(IoSizes.class)) {
            Process p = new ProcessBuilder("dd", "if=/dev/zero", "of=/dev/null", "bs=1048576", "count=7", "status=none").start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
            long key = p.pid() << 6 | 20;
            BpfMap<Long, Long> reads = bpf.map(IoSizes.reads), writes = bpf.map(IoSizes.writes);
            assertEquals(7L, reads.get(key));
            assertEquals(7L, writes.get(key));
        }
        assertEquals(20, IoSizes.log2(1 << 20));
        assertEquals(20, IoSizes.log2((1 << 21) - 1));
        assertEquals(0, IoSizes.log2(1));
        assertEquals(62, IoSizes.log2(Long.MAX_VALUE));
    }
}
