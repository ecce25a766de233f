package org.jbpf.it.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jbpf.BPF;
import org.jbpf.examples.ReadLatency;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.ProgramInfo;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How much work the kernel verifier does on a translated loop: the latency histogram's 64-slot loop looks its slots up
 * with a 4-byte key, which at an 8-aligned stack offset the kernel tracks as a constant register whose precision keeps
 * the loop's states from being pruned (1,519 instructions processed; clang-19's twin 586).
 */
class VerifierEffortKernelTest {
    @BeforeEach
    void kernel() { KernelCheck.require(); }

    @Test
    void theHistogramLoopIsPrunedLikeClangs() {
        var object = Backend.DIRECT.translate(ReadLatency.class);
        for (VerifierResult r : Verifier.verifyAll(object)) assertTrue(r.ok(), r.toString());
        try (BPF bpf = BPF.load(object, ReadLatency.class)) {
            int processed = ProgramInfo.of(bpf.program("exitRead").fd()).verifiedInsns();
            assertTrue(processed > 0 && processed <= 700, "exitRead: " + processed + " instructions processed by the kernel verifier");
        }
    }
}
