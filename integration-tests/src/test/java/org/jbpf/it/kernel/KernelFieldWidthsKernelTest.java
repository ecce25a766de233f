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
import org.jbpf.it.kernel.probes.WidthReads;
import org.jbpf.it.kernel.probes.WidthValues;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kernel fields read by Java methods of another width than the kernel's field (CO-RE field size and signedness
 * relocations, applied by jbpf's loader): a child sets its oom_score_adj (a short) to 321 and execs; the probe reads
 * it as long, int and char, the child's tgid and numa_preferred_nid (ints, the latter -1) as short, char and long,
 * and its sessionid (an unsigned int, 4294967295 outside a login session) as long, and gets what Java's casts of the
 * kernel's values give.
 */
class KernelFieldWidthsKernelTest {
    @BeforeEach
    void kernel() { KernelCheck.require(); }

    @Test
    void fieldsWiderAndNarrowerThanTheirReadersGiveTheKernelsValues() throws Exception {
        BpfObject obj = Backend.DIRECT.translate(WidthReads.class);
        List<VerifierResult> simulated = Verifier.verifyAll(obj);
        assertEquals(1, simulated.size());
        assertTrue(simulated.get(0).ok(), "verifier simulation: " + simulated.get(0));
        long session = Long.parseLong(Files.readString(Path.of("/proc/self/sessionid")).trim());
        try (BPF bpf = BPF.load(obj, WidthReads.class).attachAll()) {
            Process child = new ProcessBuilder("/bin/sh", "-c", "echo 321 > /proc/self/oom_score_adj && exec /bin/true").start();
            assertEquals(0, child.waitFor());
            int pid = (int) child.pid();
            WidthValues v = bpf.map(WidthReads.reads).get(pid);
            assertEquals(List.of((long) pid, (int) (short) pid, (int) (char) pid), List.of(v.tgidLong, v.tgidShort, v.tgidChar),
                    "tgid (int) read as long, short and char");
            assertEquals(session, v.sessionId, "sessionid (unsigned int) read as long is zero-extended");
            // no NUMA balancing on a task that just started: NUMA_NO_NODE
            assertEquals(List.of(-1L, -1, 0xffff), List.of(v.numaNode, v.numaNodeShort, v.numaNodeChar),
                    "numa_preferred_nid (int, -1) read as long and short is sign-extended, as char is 0xffff");
            assertEquals(List.of(321L, 321, 321), List.of(v.oomScoreAdj, v.oomScoreAdjInt, v.oomScoreAdjChar),
                    "oom_score_adj (short) read as long, int and char");
        }
    }
}
