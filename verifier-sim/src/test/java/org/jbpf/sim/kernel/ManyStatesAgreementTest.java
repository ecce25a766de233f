package org.jbpf.sim.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.BtfWriter;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * random#1001 of the callback mode's seed 20261201101: a bpf_loop body runs bpf_loop(n) over a counter it checks
 * against a bound, so each round leaves another state at the inner call. A privileged load keeps every state the
 * kernel decides to keep, however many an instruction gathers (its limit of 64 holds for unprivileged loads); the
 * simulation stopped keeping them past 64, so after the 64th round a state was kept one instruction later instead,
 * pruning what the kernel follows: at n = 5000 it accepted at 390,416 instructions where the kernel gives up past its
 * million. The program with n from 16 to 80 agrees with the kernel, count for count where both accept.
 */
class ManyStatesAgreementTest {
    /** The program with the inner bpf_loop's count {@code n} (5000 as generated). */
    static Corpus.Entry program(long n) {
        RandomPrograms gen = new RandomPrograms(20261201101L, 0.03, true, true);
        Corpus.Entry e = null;
        for (int i = 0; i <= 1001; i++) e = gen.next(i);
        List<Insn> insns = new ArrayList<>();
        for (Insn in : e.insns()) insns.add(in.equals(Insn.mov64Imm(1, 5000)) ? in.withImm(n) : in);
        return new Corpus.Entry(e.name(), e.section(), e.maps(), insns, e.expectOk(), e.message());
    }

    static VerifierResult simulate(Corpus.Entry e) {
        ProgramSpec p = new ProgramSpec(e.name(), e.section(), e.insns(), FunctionRecords.of(e.insns()));
        return Verifier.verify(new BpfObject("random", "GPL", e.maps(), List.of(p), FunctionRecords.BTF), p);
    }

    @Test
    void pastSixtyFourStatesAtOneInstructionCountsAgree() {
        // measured on 6.18: 3,209 instructions at n = 66, 24,300 at n = 70, past the million at n = 80
        assertEquals(3209, simulate(program(66)).processedInsns());
        assertEquals(24300, simulate(program(70)).processedInsns());
        assertFalse(simulate(program(80)).ok());
    }

    @Test
    void verdictsAndCountsAgreeWithTheKernel() {
        KernelAgreementTest.assumeKernel();
        int btf = KernelBpf.loadBtf(BtfWriter.encode(FunctionRecords.BTF).bytes());
        Map<String, Integer> fds = KernelRunner.createMaps(RandomPrograms.MAPS);
        List<String> differ = new ArrayList<>();
        try {
            for (long n : new long[] {16, 64, 66, 67, 70, 80}) {
                Corpus.Entry e = program(n);
                List<Insn> insns = e.insns();
                KernelBpf.LoadResult k = KernelBpf.loadWithFuncInfo(KernelRunner.progType(e.section()),
                        Insn.encode(FunctionRecords.kernelFunctions(KernelRunner.patch(insns, fds))), btf, FunctionRecords.flat(FunctionRecords.of(insns)));
                if (k.accepted()) KernelBpf.close(k.fd());
                VerifierResult s = simulate(e);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("processed (\\d+) insns").matcher(k.log());
                int kernel = m.find() ? Integer.parseInt(m.group(1)) : -1;
                System.out.println("n = " + n + ": kernel " + (k.accepted() ? "accepts, " + kernel : "refuses (" + KernelRunner.reason(k.log()) + ")")
                        + ", simulation " + (s.ok() ? "accepts, " + s.processedInsns() : "refuses (" + s.errors().get(0).kernelMessage() + ")"));
                if (k.accepted() != s.ok() || k.accepted() && kernel != s.processedInsns())
                    differ.add("n = " + n + ": kernel " + k.accepted() + " " + kernel + ", simulation " + s.ok() + " " + s.processedInsns());
            }
        } finally {
            KernelBpf.close(btf);
            fds.values().forEach(KernelBpf::close);
        }
        assertEquals(List.of(), differ);
    }
}
