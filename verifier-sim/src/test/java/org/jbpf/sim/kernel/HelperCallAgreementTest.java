package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.helper.ArgKind;
import org.jbpf.core.helper.HelperSpec;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.program.ProgramTypes;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * Every helper whose prototype takes only numbers, the context and plain memory is called as every modelled program
 * type the kernel offers it to, well-formed and with one argument of the wrong kind; the kernel and the simulation
 * must give the same verdict and, for a refusal, the same reason. So no helper the kernel offers with such a
 * prototype is refused as unknown, and none is accepted with an argument the kernel refuses.
 */
class HelperCallAgreementTest {
    private static final Set<ArgKind> PLAIN = EnumSet.of(ArgKind.ANYTHING, ArgKind.CTX, ArgKind.MEM_READ, ArgKind.MEM_WRITE,
            ArgKind.MEM_READ_OR_NULL, ArgKind.SIZE, ArgKind.SIZE_OR_ZERO);

    /** One section per modelled program type (tracing programs need a BTF target and are left to the helper list). */
    private static final Map<Integer, String> SECTIONS = Map.of(ProgramTypes.SOCKET_FILTER, Corpus.SOCKET,
            ProgramTypes.KPROBE, Corpus.KPROBE, ProgramTypes.SCHED_CLS, ProgramTypeCorpus.TC,
            ProgramTypes.SCHED_ACT, ProgramTypeCorpus.ACTION, ProgramTypes.TRACEPOINT, Corpus.TP, ProgramTypes.XDP, Corpus.XDP,
            ProgramTypes.PERF_EVENT, ProgramTypeCorpus.PERF_EVENT, ProgramTypes.CGROUP_SKB, ProgramTypeCorpus.CGROUP_SKB,
            ProgramTypes.SK_SKB, ProgramTypeCorpus.SK_SKB, ProgramTypes.RAW_TRACEPOINT, Corpus.RAW_TP);

    /** r6 = ctx, 64 zero bytes at fp-64, the arguments, the call, r0 = 0. {@code wrong}: argument to get wrong, or 0. */
    static List<Insn> call(HelperSpec h, int wrong) {
        List<Insn> p = new ArrayList<>(List.of(mov64Reg(R6, R1)));
        for (int off = -64; off < 0; off += 8) p.add(storeImm(8, R10, off, 0));
        for (int i = 0; i < h.args().size(); i++) {
            int r = i + 1;
            ArgKind a = h.args().get(i);
            boolean bad = r == wrong;
            switch (a) {
                case CTX -> p.add(bad ? mov64Imm(r, 0) : mov64Reg(r, R6));
                case MEM_READ, MEM_WRITE, MEM_READ_OR_NULL -> {
                    if (bad) { p.add(mov64Imm(r, 5)); break; }
                    p.add(mov64Reg(r, R10));
                    p.add(alu64Imm(ADD, r, -64));
                }
                case SIZE, SIZE_OR_ZERO -> p.add(mov64Imm(r, 8));
                default -> p.add(mov64Imm(r, 0));
            }
        }
        p.add(Insn.call(h.id()));
        p.add(mov64Imm(R0, 0));
        p.add(exit());
        return p;
    }

    /** The first argument a call can get wrong (the context or memory), 0 when none. */
    private static int wrongArgument(HelperSpec h) {
        for (int i = 0; i < h.args().size(); i++) {
            ArgKind a = h.args().get(i);
            if (a == ArgKind.CTX || a == ArgKind.MEM_READ || a == ArgKind.MEM_WRITE || a == ArgKind.MEM_READ_OR_NULL) return i + 1;
        }
        return 0;
    }

    @Test
    void everyPlainHelperAgreesWithTheKernelInEveryTypeOfferedIt() {
        KernelAgreementTest.assumeKernel();
        List<String> disagreements = new ArrayList<>();
        int helpers = 0, loads = 0;
        for (HelperSpec h : HelperTable.all().values()) {
            if (!h.hasPrototype() || !PLAIN.containsAll(h.args())) continue;
            helpers++;
            for (Map.Entry<Integer, String> t : SECTIONS.entrySet()) {
                if (!h.allowedIn(t.getKey())) continue;
                int wrong = wrongArgument(h);
                for (int variant : wrong == 0 ? new int[] { 0 } : new int[] { 0, wrong }) {
                    Corpus.Entry e = new Corpus.Entry(h.name() + (variant == 0 ? "" : "_bad_r" + variant), t.getValue(),
                            List.of(), call(h, variant), variant == 0);
                    KernelBpf.LoadResult k = KernelRunner.verify(e.section(), e.maps(), e.insns());
                    VerifierResult s = KernelAgreementTest.simulate(e);
                    loads++;
                    String kernelReason = k.accepted() ? "" : KernelRunner.reason(k.log());
                    String simReason = s.ok() ? "" : s.errors().get(0).kernelMessage();
                    if (k.accepted() != s.ok() || !k.accepted() && !kernelReason.equals(simReason))
                        disagreements.add(e.name() + " as " + e.section() + ": kernel " + (k.accepted() ? "accepts" : "'" + kernelReason + "'")
                                + ", simulation " + (s.ok() ? "accepts" : "'" + simReason + "'"));
                }
            }
        }
        System.out.printf("%d helpers with plain prototypes, %d loads, %d disagreements%n", helpers, loads, disagreements.size());
        disagreements.forEach(d -> System.out.println("  " + d));
        assertTrue(helpers >= 50, "helpers with plain prototypes: " + helpers);
        assertEquals(List.of(), disagreements);
    }
}
