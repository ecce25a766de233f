package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.BtfWriter;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Loops whose body writes a stack byte, or does not, into a slot that was written before the loop, or was not, and
 * that nothing reads: a numeric iterator, a bpf_loop whose body writes through its context, and a may_goto loop.
 * Where the kernel compares one iteration with an earlier one (RANGE_WITHIN) it compares every stack slot, live or
 * not, and at an iterator's next call a byte written for the first time needs one more iteration; the simulation
 * once pruned those iterations (fewer instructions than the kernel, and a check there skipped). The simulation's
 * instruction count must be the kernel's for every shape.
 */
class LoopConvergenceAgreementTest {
    /** An iterator over [0, 10) in fp-104; the body reads the number into r8 and may write a byte at fp-64. */
    static List<Insn> prog(boolean initR8, boolean writeByte, boolean initSlot) {
        List<Insn> p = new ArrayList<>();
        if (initR8) p.add(mov64Imm(R8, 0));
        if (initSlot) p.add(storeImm(8, R10, -64, 0));
        p.addAll(List.of(mov64Reg(R1, R10), alu64Imm(ADD, R1, -104), mov32Imm(R2, 0), mov32Imm(R3, 10), callKernel("bpf_iter_num_new")));
        List<Insn> body = new ArrayList<>(List.of(load(4, R8, R0, 0)));
        if (writeByte) body.add(storeImm(1, R10, -64, 1));
        List<Insn> loop = new ArrayList<>(List.of(mov64Reg(R1, R10), alu64Imm(ADD, R1, -104), callKernel("bpf_iter_num_next"), jumpImm(JEQ, R0, 0, body.size() + 1)));
        loop.addAll(body);
        loop.add(ja(-(loop.size() + 1)));
        p.addAll(loop);
        p.addAll(List.of(mov64Reg(R1, R10), alu64Imm(ADD, R1, -104), callKernel("bpf_iter_num_destroy"), mov64Imm(R0, 0), exit()));
        return p;
    }

    /** bpf_loop(100) whose body may write a byte through its context fp-8, or a may_goto loop writing it. */
    static List<Insn> loopProg(boolean initSlot, boolean writeByte, boolean mayGoto) {
        List<Insn> p = new ArrayList<>();
        if (mayGoto) {
            if (initSlot) p.add(storeImm(8, R10, -8, 0));
            List<Insn> body = new ArrayList<>();
            if (writeByte) body.add(storeImm(1, R10, -8, 1)); else body.add(mov64Imm(R3, 1));
            p.add(new Insn(JMP | 0xe0, 0, 0, body.size() + 1, 0));
            p.addAll(body);
            p.add(ja(-(body.size() + 2)));
            p.addAll(List.of(mov64Imm(R0, 0), exit()));
            return p;
        }
        if (initSlot) p.add(storeImm(8, R10, -8, 0));
        p.addAll(List.of(mov64Imm(R1, 100), ldImm64(R2, 0).withSrc(PSEUDO_FUNC), mov64Reg(R3, R10), alu64Imm(ADD, R3, -8), mov64Imm(R4, 0), call(181), mov64Imm(R0, 0), exit()));
        int at = initSlot ? 2 : 1, start = 0;
        for (Insn i : p) start += i.slots();
        p.set(at, ldImm64(R2, start - at - 1).withSrc(PSEUDO_FUNC));
        if (writeByte) p.add(storeImm(1, R2, 0, 1)); else p.add(mov64Imm(R3, 1));
        p.addAll(List.of(mov64Imm(R0, 0), exit()));
        return p;
    }

    /** The kernel's and the simulation's instruction counts of each shape, or where they differ. */
    @Test
    void instructionCountsAreTheKernels() {
        KernelAgreementTest.assumeKernel();
        List<String> differ = new ArrayList<>();
        int btf = KernelBpf.loadBtf(BtfWriter.encode(FunctionRecords.BTF).bytes());
        try {
            for (boolean mg : new boolean[] {false, true}) for (boolean is : new boolean[] {false, true}) for (boolean wb : new boolean[] {false, true})
                compare("loop mayGoto=" + mg + " initSlot=" + is + " writeByte=" + wb, loopProg(is, wb, mg), btf, differ);
            for (boolean initR8 : new boolean[] {false, true}) for (boolean wb : new boolean[] {false, true}) for (boolean is : new boolean[] {false, true})
                compare("iterator initR8=" + initR8 + " initSlot=" + is + " writeByte=" + wb, prog(initR8, wb, is), btf, differ);
        } finally {
            KernelBpf.close(btf);
        }
        assertEquals(List.of(), differ);
    }

    private static void compare(String name, List<Insn> p, int btf, List<String> differ) {
        List<ProgramSpec.FuncInfo> rec = FunctionRecords.of(p);
        KernelBpf.LoadResult k = KernelBpf.loadWithFuncInfo(KernelBpf.PROG_TRACEPOINT, Insn.encode(FunctionRecords.kernelFunctions(p)), btf, FunctionRecords.flat(rec));
        if (k.accepted()) KernelBpf.close(k.fd());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("processed (\\d+) insns").matcher(k.log());
        ProgramSpec spec = new ProgramSpec("p", "tracepoint/syscalls/sys_enter_read", p, rec);
        VerifierResult s = Verifier.verify(new BpfObject("x", "GPL", List.of(), List.of(spec), FunctionRecords.BTF), spec);
        String kernel = k.accepted() && m.find() ? "accepts in " + m.group(1) : "refuses: " + KernelRunner.reason(k.log());
        String sim = s.ok() ? "accepts in " + s.processedInsns() : "refuses: " + s.errors().get(0).kernelMessage();
        if (!kernel.equals(sim)) differ.add(name + ": kernel " + kernel + ", simulation " + sim);
    }
}
