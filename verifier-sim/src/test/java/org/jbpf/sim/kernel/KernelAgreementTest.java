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
        }
        assertEquals(List.of(), wrong);
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
        }
        table.append(String.format("agreement: %d of %d; simulator stricter: %d; simulator laxer: %d%n",
                agree, Corpus.all().size(), simStricter, simLaxer));
        System.out.print(table);
        assertEquals(List.of(), problems);
    }
}
