package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.BtfWriter;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * A numeric iterator's loop whose body runs bpf_loop(n) over a counter in the entry function's stack (each round adds
 * 8 for index 0, nothing for the others, or 8 every round) and then writes a byte of a zeroed buffer at the counter,
 * masked to 31: the reduced shape of random#665 of the callback mode's seed 20261130602. Each iteration leaves the
 * buffer with other bytes written, so iterations converge late and the rounds of each are followed again. The
 * simulation once took any state kept at the iterator's next call, finished or not, for an earlier iteration the loop
 * converged on, and never dropped states there that kept missing; it followed 3,496 instructions where the kernel
 * follows 6,214 (n = 3) and accepted at n = 6 what the kernel gives up on. Then, where the kernel compares a loop's
 * states by ranges (a finished state of a loop whose precision is still incomplete), it compared only the stack slots
 * some instruction reads again, so the buffer's never-read bytes did not keep iterations apart: it accepted n = 7 and
 * n = 8 (158,327 and 215,348 instructions) where the kernel gives up past its million. The kernel compares every byte
 * the earlier state had allocated, by its exact kind, and forgets dead slots only of states it has cleaned; the
 * simulation now does the same and follows the kernel's exact count (6,214 at n = 3, 18,378 at n = 4).
 */
class IteratorLoopAgreementTest {
    private static final String SECTION = "tracepoint/syscalls/sys_enter_read";

    /** The program, the bpf_loop count {@code n} a constant. */
    static List<Insn> program(long n) { return program(n, false); }

    /** As {@link #program(long)}; when {@code everyRound}, each round adds 8, whatever its index. */
    static List<Insn> program(long n, boolean everyRound) {
        List<Insn> p = new ArrayList<>(List.of(call(7), store(8, R10, -72, R0)));
        for (int off = -64; off <= -8; off += 8) p.add(storeImm(8, R10, off, 0));
        p.addAll(List.of(storeImm(8, R10, -88, 0), mov32Imm(R3, 1), mov64Reg(R1, R10), alu64Imm(ADD, R1, -104), mov32Imm(R2, 2),
                callKernel("bpf_iter_num_new")));
        int loop = p.size();
        p.addAll(List.of(mov64Reg(R1, R10), alu64Imm(ADD, R1, -104), callKernel("bpf_iter_num_next")));
        int test = p.size();
        p.add(ja(0));
        p.addAll(List.of(load(4, R8, R0, 0), storeImm(8, R10, -72, 100), mov64Imm(R1, n), CallbackSnippets.address(R2, "body"),
                mov64Reg(R3, R10), alu64Imm(ADD, R3, -72), mov64Imm(R4, 0), call(181),
                load(8, R1, R10, -72), alu64Imm(AND, R1, 31), mov64Reg(R2, R10), alu64Imm(ADD, R2, -64), alu64Reg(ADD, R2, R1),
                storeImm(1, R2, 0, 1)));
        p.add(ja(-(slots(p.subList(loop, p.size())) + 1)));
        p.set(test, jumpImm(JEQ, R0, 0, slots(p.subList(test + 1, p.size()))));
        p.addAll(List.of(mov64Reg(R1, R10), alu64Imm(ADD, R1, -104), callKernel("bpf_iter_num_destroy"), mov64Imm(R0, 0), exit()));
        if (everyRound)
            p.addAll(List.of(mov64Reg(R7, R2).withReference("start:body"), load(8, R3, R7, 0), alu64Imm(ADD, R3, 8), store(8, R7, 0, R3),
                    mov64Imm(R0, 0), exit()));
        else
            p.addAll(List.of(mov64Reg(R6, R1).withReference("start:body"), mov64Reg(R7, R2), mov64Imm(R8, 0), jumpImm(JGT, R6, 0, 1),
                    mov64Imm(R8, 8), load(8, R3, R7, 0), alu64Reg(ADD, R3, R8), store(8, R7, 0, R3), mov64Imm(R0, 0), exit()));
        return RandomPrograms.link(p);
    }

    private static int slots(List<Insn> insns) {
        int n = 0;
        for (Insn i : insns) n += i.slots();
        return n;
    }

    static VerifierResult simulate(List<Insn> insns) {
        ProgramSpec p = new ProgramSpec("prog", SECTION, insns, FunctionRecords.of(insns));
        return Verifier.verify(new BpfObject("iterator-loop", "GPL", List.of(), List.of(p), FunctionRecords.BTF), p);
    }

    @Test
    void roundsOfEachIterationAreFollowedAgain() {
        // measured on 6.18: 6,214 instructions at n = 3, 18,378 at n = 4, and past the million at n = 8
        assertEquals(6214, simulate(program(3)).processedInsns());
        assertEquals(18378, simulate(program(4)).processedInsns());
        VerifierResult eight = simulate(program(8));
        assertFalse(eight.ok());
        assertTrue(eight.errors().get(0).kernelMessage().startsWith("BPF program is too large"), eight.toString());
    }

    @Test
    void verdictsAndCountsAgreeWithTheKernel() {
        KernelAgreementTest.assumeKernel();
        int btf = KernelBpf.loadBtf(BtfWriter.encode(FunctionRecords.BTF).bytes());
        List<String> differ = new ArrayList<>();
        try {
            for (boolean everyRound : new boolean[] {false, true}) for (long n : new long[] {1, 2, 3, 4, 8}) {
                List<Insn> insns = program(n, everyRound);
                KernelBpf.LoadResult k = KernelBpf.loadWithFuncInfo(KernelRunner.progType(SECTION), Insn.encode(FunctionRecords.kernelFunctions(insns)),
                        btf, FunctionRecords.flat(FunctionRecords.of(insns)));
                if (k.accepted()) KernelBpf.close(k.fd());
                VerifierResult s = simulate(insns);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("processed (\\d+) insns").matcher(k.log());
                int kernel = m.find() ? Integer.parseInt(m.group(1)) : -1;
                String name = "n = " + n + (everyRound ? ", every round adds" : "");
                System.out.println(name + ": kernel " + (k.accepted() ? "accepts, " + kernel : "refuses (" + KernelRunner.reason(k.log()) + ")")
                        + ", simulation " + (s.ok() ? "accepts, " + s.processedInsns() : "refuses (" + s.errors().get(0).kernelMessage() + ")"));
                // counts within a tenth of the kernel's (the smallest programs differ by a few instructions)
                if (k.accepted() != s.ok() || k.accepted() && Math.abs(kernel - s.processedInsns()) > kernel / 10)
                    differ.add(name + ": kernel " + k.accepted() + " " + kernel + ", simulation " + s.ok() + " " + s.processedInsns());
            }
        } finally {
            KernelBpf.close(btf);
        }
        assertEquals(List.of(), differ);
    }
}
