package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.sim.VerifierError;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/** What the simulator says, in Java terms, about helpers it does not model and the program types' own rules. */
class ProgramTypeMessagesTest {
    private static VerifierError error(VerifierResult r) {
        assertFalse(r.ok(), r.toString());
        return r.errors().get(0);
    }

    @Test void aHelperTheKernelOffersButTheSimulatorDoesNotModelIsRefusedByName() {
        SourceLine line = new SourceLine("Lookup.java", 12);
        VerifierError e = error(VerifierMessagesTest.verify("tc", List.of(), mov64Imm(R1, 0), mov64Imm(R2, 0),
                mov64Imm(R3, 0), mov64Imm(R4, 0), mov64Imm(R5, 0), call(84).withSource(line), mov64Imm(R0, 0), exit()));
        assertEquals("helper bpf_sk_lookup_tcp#84 is not modelled by the simulator", e.kernelMessage());
        assertEquals("Lookup.java:12: helper bpf_sk_lookup_tcp#84 is not available to the verifier simulation", e.javaMessage());
    }

    @Test void aHelperTheKernelDoesNotOfferThisTypeIsRefusedInTheKernelsWords() {
        VerifierError e = error(VerifierMessagesTest.verify("kprobe/do_sys_open", List.of(), call(160), mov64Imm(R0, 0), exit()));
        assertEquals("program of this type cannot use helper bpf_ktime_get_coarse_ns#160", e.kernelMessage());
        assertEquals("count insn 0: bpf_ktime_get_coarse_ns#160 is not available to kprobe programs", e.javaMessage());
    }

    @Test void aHelperIdNoKernelHasIsRefused() {
        VerifierError e = error(VerifierMessagesTest.verify("socket", List.of(), call(4096), mov64Imm(R0, 0), exit()));
        assertEquals("invalid func unknown#4096", e.kernelMessage());
        assertEquals("count insn 0: there is no kernel helper #4096", e.javaMessage());
    }

    @Test void cgroupSkbReturnValuesAreExplained() {
        SourceLine line = new SourceLine("Firewall.java", 30);
        VerifierError two = error(VerifierMessagesTest.verify("cgroup_skb/ingress", List.of(), mov64Imm(R0, 2),
                exit().withSource(line)));
        assertEquals("Firewall.java:30: a cgroup_skb program must return a number in [0, 1], not 2", two.javaMessage());
        VerifierError any = error(VerifierMessagesTest.verify("cgroup_skb/egress", List.of(), call(7), exit().withSource(line)));
        assertEquals("At program exit the register R0 has unknown scalar value should have been in [0, 3]", any.kernelMessage());
        assertEquals("Firewall.java:30: a cgroup_skb_egress program must return a number in [0, 3]; this path may return another value",
                any.javaMessage());
        assertTrue(VerifierMessagesTest.verify("cgroup_skb/egress", List.of(), call(7), alu64Imm(AND, R0, 3), exit()).ok());
    }

    @Test void theSocketPointerOfSkBuffIsNotModelled() {
        VerifierError e = error(VerifierMessagesTest.verify("tc", List.of(), load(8, R2, R1, 168), mov64Imm(R0, 0), exit()));
        assertEquals("reading __sk_buff->sk is not modelled by the simulator", e.kernelMessage());
    }

    @Test void anUnmodelledSectionNamesTheOnesThatAre() {
        VerifierError e = error(VerifierMessagesTest.verify("lsm/file_open", List.of(), mov64Imm(R0, 0), exit()));
        assertEquals("count insn 0: section 'lsm/file_open' names a program type the simulator does not model (tracepoint,"
                + " raw_tracepoint, kprobe, uprobe, perf_event, socket, xdp, tc, action, cgroup_skb, sk_skb)", e.javaMessage());
    }
}
