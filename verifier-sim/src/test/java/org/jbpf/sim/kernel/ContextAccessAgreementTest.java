package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.verifier.ProgramKind;
import org.junit.jupiter.api.Test;

/**
 * Every context access of every width at every offset, read and written, for each program type the simulator models:
 * the kernel and the simulator must accept the same ones and refuse the others with the same message.
 */
class ContextAccessAgreementTest {
    /** A section of each kind. */
    static final Map<ProgramKind, String> SECTIONS = new EnumMap<>(Map.ofEntries(
            Map.entry(ProgramKind.TRACEPOINT, "tracepoint/syscalls/sys_enter_read"),
            Map.entry(ProgramKind.RAW_TRACEPOINT, "raw_tracepoint/sys_enter"),
            Map.entry(ProgramKind.KPROBE, "kprobe/do_sys_open"),
            Map.entry(ProgramKind.SOCKET, "socket"),
            Map.entry(ProgramKind.XDP, "xdp"),
            Map.entry(ProgramKind.SCHED_CLS, "tc"),
            Map.entry(ProgramKind.SCHED_ACT, "action"),
            Map.entry(ProgramKind.CGROUP_SKB, "cgroup_skb/ingress"),
            Map.entry(ProgramKind.CGROUP_SKB_EGRESS, "cgroup_skb/egress"),
            Map.entry(ProgramKind.SK_SKB, "sk_skb/stream_verdict"),
            Map.entry(ProgramKind.PERF_EVENT, "perf_event"),
            Map.entry(ProgramKind.TRACING, "tp_btf/" + TracingTargets.TARGET)));

    /** Past the largest context modelled ({@code struct __sk_buff}, 192 bytes). */
    private static final int SWEEP_END = 200;

    private static List<Insn> program(int off, int size, boolean write) {
        return write ? List.of(mov64Imm(R2, 0), store(size, R1, off, R2), mov64Imm(R0, 0), exit())
                : List.of(load(size, R0, R1, off), mov64Imm(R0, 0), exit());
    }

    static VerifierResult simulate(String section, List<Insn> insns) {
        ProgramSpec p = new ProgramSpec("ctx", section, insns, List.of());
        return Verifier.verify(new BpfObject("ctx", "GPL", List.of(), List.of(p), null), p);
    }

    @Test void everySectionNamesItsKind() {
        assertEquals(ProgramKind.values().length, SECTIONS.size());
        SECTIONS.forEach((k, s) -> assertEquals(k, ProgramKind.forSection(s), s));
        assertEquals(ProgramKind.CGROUP_SKB, ProgramKind.forSection("cgroup_skb"));
        assertNull(ProgramKind.forSection("lsm/file_open"));
    }

    /** Narrow reads the kernel allows and the simulator once refused, without a kernel. */
    @Test void narrowSkBuffReads() {
        assertTrue(simulate("socket", program(84, 4, false)).ok(), "napi_id");
        assertTrue(simulate("socket", program(48, 1, false)).ok(), "cb[0], one byte");
        assertTrue(simulate("socket", program(50, 2, false)).ok(), "cb[0], upper half");
        assertTrue(simulate("tc", program(56, 8, false)).ok(), "cb[2..3] as one u64");
        assertTrue(simulate("tc", program(2, 2, false)).ok(), "upper half of len");
        assertEquals("invalid bpf_context access off=52 size=8",
                simulate("tc", program(52, 8, false)).errors().get(0).kernelMessage(), "cb[1..2] is not 8-aligned");
        assertEquals("invalid bpf_context access off=64 size=8",
                simulate("tc", program(64, 8, false)).errors().get(0).kernelMessage(), "cb[4] and hash");
        assertEquals("invalid bpf_context access off=68 size=4",
                simulate("tc", program(68, 4, true)).errors().get(0).kernelMessage(), "hash is read-only");
    }

    @Test void kernelAndSimulatorAgreeOnEveryContextAccess() {
        KernelAgreementTest.assumeKernel();
        List<String> disagreements = new ArrayList<>();
        int loads = 0, accepted = 0;
        for (Map.Entry<ProgramKind, String> e : SECTIONS.entrySet()) {
            ProgramKind kind = e.getKey();
            for (boolean write : new boolean[] { false, true })
                for (int off = 0; off < SWEEP_END; off++)
                    for (int size : new int[] { 1, 2, 4, 8 }) {
                        List<Insn> insns = program(off, size, write);
                        VerifierResult sim = simulate(e.getValue(), insns);
                        String simSays = sim.ok() ? "accept" : sim.errors().get(0).kernelMessage();
                        if (off % size != 0) {
                            // the kernel refuses a misaligned context access before any type's rule
                            if (sim.ok()) disagreements.add(kind + " off=" + off + " size=" + size + " misaligned, accepted");
                            continue;
                        }
                        KernelBpf.LoadResult k = kind == ProgramKind.TRACING
                                ? TracingTargets.loadForVerdict(Insn.encode(insns))
                                : KernelBpf.loadForVerdict(kind.programType, kind.expectedAttachType, Insn.encode(insns));
                        loads++;
                        if (k.accepted()) { accepted++; KernelBpf.close(k.fd()); }
                        String kernelSays = k.accepted() ? "accept" : KernelRunner.reason(k.log());
                        // the socket pointer of __sk_buff is not modelled: the simulator refuses it, more strictly
                        boolean skPointer = !write && off == 168 && size == 8 && kernelSays.equals("accept")
                                && simSays.equals("reading __sk_buff->sk is not modelled by the simulator");
                        if (!kernelSays.equals(simSays) && !skPointer)
                            disagreements.add(kind + (write ? " write" : " read") + " off=" + off + " size=" + size
                                    + ": kernel " + kernelSays + ", simulator " + simSays);
                    }
        }
        System.out.println("context accesses: " + loads + " loaded, " + accepted + " accepted by the kernel, "
                + disagreements.size() + " disagreements");
        assertEquals(List.of(), disagreements);
        assertTrue(accepted > 1000, "accepted " + accepted);
    }
}
