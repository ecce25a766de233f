package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * Loops whose bodies move values through the stack, as translated Java code does: the kernel records every register
 * spilled to or filled from the stack, every jump's end and every linked branch in a path's jump history, and keeps a
 * state at the next prune point once that history holds more than 40 entries, even inside a loop where it otherwise
 * keeps one only every 20 jumps or 100 instructions. Where the states are kept decides what later paths are compared
 * with, so the simulation keeps them there too. Each program: a counter and a few other values live in stack slots,
 * the body fills and spills them and branches on some, and the loop runs to a constant bound; verdicts and counts
 * are compared with the kernel's.
 */
class JumpHistoryAgreementTest {
    private static final String SECTION = "raw_tracepoint/sys_enter";

    /**
     * fp-8 = 0 (the counter); fp-16.. = random numbers; loop: r1 = fp-8; {values: r2 = fp-x; [r2 op= k]; [if r2 > c goto
     * +1; r2 = 0]; fp-x = r2}; r1 += 1; fp-8 = r1; if r1 < bound goto loop; r0 = 0.
     */
    static List<Insn> program(Random rnd) {
        int values = 2 + rnd.nextInt(7), bound = 3 + rnd.nextInt(30);
        List<Insn> p = new ArrayList<>(List.of(storeImm(8, R10, -8, 0)));
        for (int v = 1; v <= values; v++) p.addAll(List.of(call(7), alu64Imm(AND, R0, 255), store(8, R10, -8 - 8 * v, R0)));
        int loop = p.size();
        p.add(load(8, R1, R10, -8));
        for (int v = 1; v <= values; v++) {
            p.add(load(8, R2, R10, -8 - 8 * v));
            if (rnd.nextInt(3) == 0) p.add(alu64Imm(rnd.nextBoolean() ? ADD : AND, R2, 1 + rnd.nextInt(60)));
            if (rnd.nextInt(3) == 0) p.addAll(List.of(jumpImm(JGT, R2, 100 + rnd.nextInt(100), 1), mov64Imm(R2, 0)));
            p.add(store(8, R10, -8 - 8 * v, R2));
            if (rnd.nextInt(4) == 0) p.addAll(List.of(load(8, R3, R10, -8 - 8 * v), store(8, R10, -8 - 8 * v, R3)));
        }
        p.addAll(List.of(alu64Imm(ADD, R1, 1), store(8, R10, -8, R1)));
        p.add(jumpImm(JLT, R1, bound, loop - p.size() - 1));
        // a value decides an offset after the loop, so that its precision matters
        p.addAll(List.of(load(8, R2, R10, -16), alu64Imm(AND, R2, 7), mov64Reg(R3, R10), alu64Imm(ADD, R3, -64), alu64Reg(ADD, R3, R2),
                storeImm(1, R3, 0, 1), mov64Imm(R0, 0), exit()));
        return p;
    }

    @Test
    void verdictsAndCountsAgreeWithTheKernel() {
        KernelAgreementTest.assumeKernel();
        Random rnd = new Random(Long.getLong("jbpf.history.seed", 20261201301L));
        int count = Integer.getInteger("jbpf.history.count", 40);
        List<String> differ = new ArrayList<>();
        int accepted = 0, exact = 0;
        // -Djbpf.history.only=N checks program N alone and prints the kernel's log of it at level 2
        int only = Integer.getInteger("jbpf.history.only", -1);
        for (int i = 0; i < count; i++) {
            List<Insn> insns = program(rnd);
            if (only >= 0 && i != only) continue;
            if (only >= 0) System.out.println("kernel log of #" + i + ":\n" + KernelBpf.loadLogged(KernelRunner.progType(SECTION), Insn.encode(insns), 2).log());
            KernelBpf.LoadResult k = KernelBpf.loadForVerdict(KernelRunner.progType(SECTION), Insn.encode(insns));
            if (k.accepted()) KernelBpf.close(k.fd());
            ProgramSpec p = new ProgramSpec("prog", SECTION, insns, List.of());
            VerifierResult s = Verifier.verify(new BpfObject("history", "GPL", List.of(), List.of(p), null), p);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("processed (\\d+) insns").matcher(k.log());
            if (k.accepted() != s.ok())
                differ.add("#" + i + ": kernel " + (k.accepted() ? "accepts" : "refuses (" + KernelRunner.reason(k.log()) + ")")
                        + ", simulation " + (s.ok() ? "accepts" : "refuses (" + s.errors().get(0).kernelMessage() + ")"));
            else if (k.accepted() && m.find()) {
                accepted++;
                int kernel = Integer.parseInt(m.group(1));
                if (kernel == s.processedInsns()) exact++;
                else System.out.println("#" + i + ": kernel " + kernel + ", simulation " + s.processedInsns());
                if (kernel > org.jbpf.sim.verifier.AbstractInterpreter.KERNEL_FACTOR * s.processedInsns())
                    differ.add("#" + i + ": kernel " + kernel + " instructions, simulation " + s.processedInsns());
            }
        }
        System.out.println(count + " programs, " + accepted + " accepted by both, " + exact + " counted exactly as the kernel");
        assertEquals(List.of(), differ);
        if (only < 0) assertTrue(accepted >= count / 2, "most of these programs pass: " + accepted);
    }
}
