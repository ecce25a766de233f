package org.jbpf.it.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.kernel.probes.SchedWeights;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Structs embedded in kernel structs, on the running kernel: task_struct.se.load.weight, two embedded structs deep,
 * read through bpf_probe_read_kernel on a tracepoint and with plain loads on tp_btf, is the scheduler weight of the
 * nice value a child ran /bin/true with (the kernel's table, scaled by 1024).
 */
class EmbeddedStructsKernelTest {
    /** The kernel's sched_prio_to_weight for nice 0..19. */
    private static final long[] WEIGHTS = {1024, 820, 655, 526, 423, 335, 272, 215, 172, 137, 110, 87, 70, 56, 45, 36, 29, 23, 18, 15};

    @BeforeEach
    void kernel() { KernelCheck.require(); }

    @Test
    void theWeightOfANicedChildIsReadThroughTwoEmbeddedStructs() throws Exception {
        BpfObject obj = Backend.DIRECT.translate(SchedWeights.class);
        for (VerifierResult r : Verifier.verifyAll(obj)) assertTrue(r.ok(), "verifier simulation: " + r);
        String[] stat = Files.readString(Path.of("/proc/self/stat")).substring(Files.readString(Path.of("/proc/self/stat")).lastIndexOf(')') + 2).split(" ");
        int nice = Integer.parseInt(stat[16]); // field 19 of /proc/<pid>/stat, counted after the command name
        try (BPF bpf = BPF.load(obj, SchedWeights.class).attachAll()) {
            BpfMap<Integer, Long> probed = bpf.map(SchedWeights.probed), direct = bpf.map(SchedWeights.direct);
            for (int by : List.of(0, 5)) {
                Process p = new ProcessBuilder("/usr/bin/nice", "-n", Integer.toString(by), "/bin/true").start();
                assertEquals(0, p.waitFor());
                long want = WEIGHTS[Math.min(19, nice + by)] << 10;
                assertEquals(want, probed.get((int) p.pid()), "probe-read weight at nice " + (nice + by));
                assertEquals(want, direct.get((int) p.pid()), "tp_btf weight at nice " + (nice + by));
            }
            assertEquals(1L, bpf.map(SchedWeights.loadExists).get(0), "sched_entity has load");
        }
    }
}
