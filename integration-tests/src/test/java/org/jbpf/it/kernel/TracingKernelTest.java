package org.jbpf.it.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jbpf.BPF;
import org.jbpf.core.asm.Disassembler;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.kernel.probes.BtfExecParents;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * BPF_PROG_TYPE_TRACING programs on the running kernel, on both backends: a tp_btf program on sched_process_exec, loaded with the
 * tracepoint's BTF id and attached through a link, reads the exec'ing task's tgid and its real parent's tgid with
 * plain loads through the BTF-typed task pointer, and the old pid as a number argument. The verifier simulation accepts
 * it too.
 */
class TracingKernelTest {
    @BeforeEach
    void kernel() { KernelCheck.require(); }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tpBtfReadsTheTaskAndItsParentDirectly(Backend backend) throws Exception {
        BpfObject obj = backend.translate(BtfExecParents.class);
        String code = Disassembler.listing(obj.programs().get(0).insns());
        assertFalse(code.contains("probe_read"), "fields are loaded directly:\n" + code);
        VerifierResult simulated = Verifier.verifyAll(obj).get(0);
        assertTrue(simulated.ok(), "verifier simulation: " + simulated);
        try (BPF bpf = BPF.load(obj, BtfExecParents.class).attachAll()) {
            BpfMap<Integer, Integer> parents = bpf.map(BtfExecParents.parents);
            BpfMap<Integer, Long> oldPids = bpf.map(BtfExecParents.oldPids);
            int me = (int) ProcessHandle.current().pid();
            for (int i = 0; i < 3; i++) {
                Process p = new ProcessBuilder("/bin/true").start();
                assertEquals(0, p.waitFor());
                int child = (int) p.pid();
                assertEquals(me, parents.get(child), "parent of " + child);
                assertEquals(child, oldPids.get(child), "pid before the exec of " + child);
            }
            Process sh = new ProcessBuilder("/bin/sh", "-c", "/bin/true & echo $!; wait").start();
            int grandchild = Integer.parseInt(new String(sh.getInputStream().readAllBytes()).trim());
            assertEquals(0, sh.waitFor());
            assertEquals((int) sh.pid(), parents.get(grandchild), "parent of sh's child " + grandchild);
        }
    }
}
