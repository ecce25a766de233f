package org.jbpf.it.verifier;

import static org.junit.jupiter.api.Assertions.*;

import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A translated perf_event probe, both backends: the verifier simulation models its context (struct
 * bpf_perf_event_data) and accepts it, and so does the kernel.
 */
class PerfEventSimulationTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void simulationAndKernelAcceptAPerfEventProbe(Backend backend) {
        BpfObject obj = backend.translate(PerfSampler.class);
        VerifierResult sim = Verifier.verify(obj, obj.programs().get(0));
        assertTrue(sim.ok(), sim.toString());
        assertTrue(sim.processedInsns() > 5, sim.toString());
        KernelCheck.require();
        try (BPF bpf = BPF.load(obj, PerfSampler.class)) {
            assertEquals("sample", bpf.program("sample").name());
        }
    }
}
