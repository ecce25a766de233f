package org.jbpf.sim.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Loads every corpus program into the running kernel and into the simulator and compares the verdicts.
 * The simulator must never accept what the kernel refuses.
 */
class KernelAgreementTest {

    static void assumeKernel() {
        String reason = KernelBpf.unavailableReason();
        if (reason != null && "1".equals(System.getenv("JBPF_REQUIRE_KERNEL")))
            fail("JBPF_REQUIRE_KERNEL=1 but " + reason);
        if (reason != null) System.out.println("skipping kernel agreement: " + reason);
        Assumptions.assumeTrue(reason == null, reason);
    }

    static VerifierResult simulate(Corpus.Entry e) {
        ProgramSpec p = new ProgramSpec(e.name(), e.section(), e.insns(), List.of());
        return Verifier.verify(new BpfObject("corpus", "GPL", e.maps(), List.of(p), null), p);
    }

    @Test
    void corpusIsLargeEnoughAndBalanced() {
        List<Corpus.Entry> all = Corpus.all();
        assertTrue(all.size() >= 60, "corpus has " + all.size() + " programs");
        assertTrue(all.stream().filter(Corpus.Entry::expectOk).count() >= 20);
        assertTrue(all.stream().filter(e -> !e.expectOk()).count() >= 40);
    }

    @Test
    void simulatorMatchesCorpusExpectations() {
        List<String> wrong = new ArrayList<>();
        for (Corpus.Entry e : Corpus.all()) {
            VerifierResult r = simulate(e);
            if (r.ok() != e.expectOk()) wrong.add(e.name() + ": " + r);
            else if (e.message() != null && !e.message().equals(r.errors().get(0).kernelMessage())) wrong.add(e.name() + ": " + r);
        }
        assertEquals(List.of(), wrong);
    }

    /** An LD_IMM64 whose second slot names a register: the kernel refuses it, and decoding refuses it before any check. */
    @Test
    void ldImm64SecondSlotFieldsAreRefused() {
        byte[] code = org.jbpf.core.asm.Insn.encode(List.of(org.jbpf.core.asm.Insn.ldImm64(0, 5), org.jbpf.core.asm.Insn.exit()));
        code[9] = 0x01; // dst register of the second slot
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> org.jbpf.core.asm.Insn.decode(code));
        assertEquals("LD_IMM64 at byte 0: its second slot sets opcode, registers or offset, which must be 0"
                + " (the kernel refuses it: invalid bpf_ld_imm64 insn)", e.getMessage());
        assumeKernel();
        KernelBpf.LoadResult k = KernelBpf.load(KernelBpf.PROG_SOCKET_FILTER, code);
        assertFalse(k.accepted());
        assertEquals("invalid bpf_ld_imm64 insn", KernelRunner.reason(k.log()));
    }

    @Test
    void simulatorAgreesWithKernel() {
        assumeKernel();
        int agree = 0, simStricter = 0, simLaxer = 0;
        List<String> problems = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%-44s %-8s %-8s %s%n", "program", "kernel", "sim", "kernel reason | sim reason"));
        for (Corpus.Entry e : Corpus.all()) {
            KernelBpf.LoadResult k = KernelRunner.verify(e.section(), e.maps(), e.insns());
            VerifierResult s = simulate(e);
            String simReason = s.ok() ? "" : s.errors().get(0).kernelMessage();
            table.append(String.format("%-44s %-8s %-8s %s | %s%n", e.name(), k.accepted() ? "accept" : "reject",
                    s.ok() ? "accept" : "reject", KernelRunner.reason(k.log()), simReason));
            if (k.accepted() == s.ok()) agree++;
            else if (k.accepted()) { simStricter++; problems.add(e.name() + " kernel accepts, simulator: " + s); }
            else { simLaxer++; problems.add(e.name() + " kernel rejects (" + KernelRunner.reason(k.log()) + "), simulator accepts"); }
            if (k.accepted() != e.expectOk()) problems.add(e.name() + " corpus expectation differs from the kernel");
            if (e.message() != null && !e.message().equals(KernelRunner.reason(k.log())))
                problems.add(e.name() + " kernel now says '" + KernelRunner.reason(k.log()) + "', corpus expects '" + e.message() + "'");
            if (e.message() != null && !e.message().equals(simReason))
                problems.add(e.name() + " simulator says '" + simReason + "', kernel says '" + e.message() + "'");
        }
        table.append(String.format("agreement: %d of %d; simulator stricter: %d; simulator laxer: %d%n",
                agree, Corpus.all().size(), simStricter, simLaxer));
        System.out.print(table);
        assertEquals(List.of(), problems);
    }
}
