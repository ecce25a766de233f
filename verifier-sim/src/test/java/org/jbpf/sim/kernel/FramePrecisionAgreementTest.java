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
 * Precision that crosses a bpf_loop call in a frame other than the entry function's. An iterator loop, in a BPF
 * function ({@code inFunction}) or in the entry function, runs bpf_loop(1, body, &counter) each iteration, uses the
 * counter as a stack offset after the call, and adds one to a sum no check needs, which the kernel widens so that
 * the loop converges. Walking a counter's precision back over the bpf_loop call made in a BPF function (frame 1), the
 * simulation took the call for the start of a round of the body and marked every scalar precise, the sum too: it
 * was never widened and the loop never converged, so the simulation refused ("The sequence of 8193 jumps is too
 * complex.") what the kernel accepts in 111 and 104 instructions. It now tells the two apart by the instruction run
 * after the call (the body's first, or the one after the call), as the kernel does, and at a round's start drops the
 * body's r1-r5 and goes on in the caller. It then followed 287 to 300 instructions where the kernel follows 99 to 111
 * when the body adds: it took every slot of the caller's stack for read at the iterator's calls and the bpf_loop call
 * (each is handed a pointer into it), so the buffer's never-read bytes kept iterations apart, and its widening turned
 * the buffer's one-byte spill into a whole one. Now, as the kernel's stack liveness, an iterator kfunc reads its
 * iterator's slot and a bpf_loop body or BPF function the bytes it loads through the pointers it gets
 * (StackLiveness, CalleeStackReads), and the widening keeps a spill's width: 115, 97,
 * 124 and 104 instructions against the kernel's 99, 89, 111 and 104.
 */
class FramePrecisionAgreementTest {
    private static final String SECTION = "tracepoint/syscalls/sys_enter_read";

    /** The loop, in a BPF function when {@code inFunction}; the body adds 1 to the counter, or reads it as an offset when {@code bodyUsesCounter}. */
    static List<Insn> program(boolean inFunction, boolean bodyUsesCounter) {
        List<Insn> p = new ArrayList<>();
        if (inFunction) p.addAll(List.of(CallbackSnippets.callFunction("f"), mov64Imm(R0, 0), exit()));
        int start = p.size();
        p.addAll(List.of(storeImm(8, R10, -16, 0), storeImm(8, R10, -40, 0), storeImm(8, R10, -32, 0),
                mov32Imm(R3, 100), mov64Reg(R1, R10), alu64Imm(ADD, R1, -24), mov32Imm(R2, 0), callKernel("bpf_iter_num_new")));
        int loop = p.size();
        p.addAll(List.of(mov64Reg(R1, R10), alu64Imm(ADD, R1, -24), callKernel("bpf_iter_num_next")));
        int test = p.size();
        p.add(ja(0));
        p.addAll(List.of(storeImm(8, R10, -8, 0), mov64Imm(R1, 1), CallbackSnippets.address(R2, "body"), mov64Reg(R3, R10),
                alu64Imm(ADD, R3, -8), mov64Imm(R4, 0), call(181),
                load(8, R6, R10, -8), alu64Imm(AND, R6, 7), mov64Reg(R7, R10), alu64Imm(ADD, R7, -40), alu64Reg(ADD, R7, R6), storeImm(1, R7, 0, 1),
                load(8, R9, R10, -16), alu64Imm(ADD, R9, 1), store(8, R10, -16, R9)));
        p.add(ja(-(slots(p.subList(loop, p.size())) + 1)));
        p.set(test, jumpImm(JEQ, R0, 0, slots(p.subList(test + 1, p.size()))));
        p.addAll(List.of(mov64Reg(R1, R10), alu64Imm(ADD, R1, -24), callKernel("bpf_iter_num_destroy"), mov64Imm(R0, 0), exit()));
        if (inFunction) p.set(start, p.get(start).withReference("start:f"));
        List<Insn> body = bodyUsesCounter
                ? List.of(load(8, R3, R2, 0), alu64Imm(AND, R3, 7), mov64Reg(R4, R10), alu64Imm(ADD, R4, -8), alu64Reg(ADD, R4, R3),
                        storeImm(1, R4, 0, 1), mov64Imm(R0, 0), exit())
                : List.of(load(8, R3, R2, 0), alu64Imm(ADD, R3, 1), store(8, R2, 0, R3), mov64Imm(R0, 0), exit());
        List<Insn> b = new ArrayList<>(body);
        b.set(0, b.get(0).withReference("start:body"));
        p.addAll(b);
        return RandomPrograms.link(p);
    }

    private static int slots(List<Insn> insns) {
        int n = 0;
        for (Insn i : insns) n += i.slots();
        return n;
    }

    static VerifierResult simulate(List<Insn> insns) {
        ProgramSpec p = new ProgramSpec("prog", SECTION, insns, FunctionRecords.of(insns));
        return Verifier.verify(new BpfObject("frames", "GPL", List.of(), List.of(p), FunctionRecords.BTF), p);
    }

    @Test
    void verdictsAndCountsAgreeWithTheKernel() {
        KernelAgreementTest.assumeKernel();
        int btf = KernelBpf.loadBtf(BtfWriter.encode(FunctionRecords.BTF).bytes());
        List<String> differ = new ArrayList<>();
        try {
            for (boolean inFunction : new boolean[] {false, true}) for (boolean bodyUsesCounter : new boolean[] {false, true}) {
                List<Insn> insns = program(inFunction, bodyUsesCounter);
                KernelBpf.LoadResult k = KernelBpf.loadWithFuncInfo(KernelRunner.progType(SECTION), Insn.encode(FunctionRecords.kernelFunctions(insns)),
                        btf, FunctionRecords.flat(FunctionRecords.of(insns)));
                if (k.accepted()) KernelBpf.close(k.fd());
                VerifierResult s = simulate(insns);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("processed (\\d+) insns").matcher(k.log());
                int kernel = m.find() ? Integer.parseInt(m.group(1)) : -1;
                String name = (inFunction ? "in a function" : "in the entry function") + (bodyUsesCounter ? ", body uses the counter" : ", body adds");
                System.out.println(name + ": kernel " + (k.accepted() ? "accepts, " + kernel : "refuses (" + KernelRunner.reason(k.log()) + ")")
                        + ", simulation " + (s.ok() ? "accepts, " + s.processedInsns() : "refuses (" + s.errors().get(0).kernelMessage() + ")"));
                // counts within a fifth of the kernel's (measured: 16% more at most)
                if (k.accepted() != s.ok() || k.accepted() && Math.abs(s.processedInsns() - kernel) > kernel / 5)
                    differ.add(name + ": kernel " + k.accepted() + " " + kernel + ", simulation " + s.ok() + " " + s.processedInsns());
            }
        } finally {
            KernelBpf.close(btf);
        }
        assertEquals(List.of(), differ);
    }
}
