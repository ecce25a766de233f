package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
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
 * bpf_loop bodies that call bpf_loop, one to nine deep, with the count a constant or a random number, each body
 * adding to a counter in the entry function's stack through the context it is handed down, or only passing it on:
 * the kernel refuses the ninth frame, follows each level's rounds up to its count or until a round lies within an
 * earlier one, and the simulation must give its verdict and, where both accept, its instruction count within the
 * factor the random agreement allows (all agree exactly). Bodies two or more deep that add with a count of 3 or more
 * once disagreed: the simulation let a state that had begun more rounds of a loop stand for one that had begun fewer
 * (which has more rounds left to follow), so it accepted at depth 3 what the kernel gives up on past its million
 * instructions; the kernel never prunes so ({@code callback_depth} in its frame comparison), and now neither does the
 * simulation.
 */
class NestedLoopsAgreementTest {
    private static final String SECTION = "raw_tracepoint/sys_enter";

    /**
     * main: fp-8 = 0; r1 = count; bpf_loop(r1, body1, fp-8, 0); r1 = fp-8 & 31; fp[-64 + r1] = 1. Each body k: r6 = r2;
     * [fp-of-main += step through r6]; bpf_loop(count, body k+1, r6, 0) but the last; r0 = 0.
     */
    static List<Insn> program(int depth, long count, boolean adds) {
        List<Insn> p = new ArrayList<>(List.of(storeImm(8, R10, -8, 0)));
        loadCount(p, count);
        p.addAll(List.of(CallbackSnippets.address(R2, "body1"), mov64Reg(R3, R10), alu64Imm(ADD, R3, -8), mov64Imm(R4, 0), call(181),
                load(8, R1, R10, -8), alu64Imm(AND, R1, 31), mov64Reg(R2, R10), alu64Imm(ADD, R2, -64), alu64Reg(ADD, R2, R1),
                storeImm(1, R2, 0, 1), mov64Imm(R0, 0), exit()));
        for (int k = 1; k <= depth; k++) {
            List<Insn> b = new ArrayList<>(List.of(mov64Reg(R6, R2)));
            if (adds) b.addAll(List.of(load(8, R3, R6, 0), alu64Imm(ADD, R3, k), store(8, R6, 0, R3)));
            if (k < depth) {
                loadCount(b, count);
                b.addAll(List.of(CallbackSnippets.address(R2, "body" + (k + 1)), mov64Reg(R3, R6), mov64Imm(R4, 0), call(181)));
            }
            b.addAll(List.of(mov64Imm(R0, 0), exit()));
            b.set(0, b.get(0).withReference("start:body" + k));
            p.addAll(b);
        }
        return RandomPrograms.link(p);
    }

    /** r1 = count, or (count < 0) a random number below -count. */
    private static void loadCount(List<Insn> p, long count) {
        if (count >= 0) { p.add(mov64Imm(R1, count)); return; }
        p.addAll(List.of(call(7), mov64Reg(R1, R0), alu64Imm(AND, R1, -count - 1)));
    }

    @Test
    void verdictsAndCountsAgreeWithTheKernel() {
        KernelAgreementTest.assumeKernel();
        int btf = KernelBpf.loadBtf(BtfWriter.encode(FunctionRecords.BTF).bytes());
        List<String> differ = new ArrayList<>();
        int compared = 0, refused = 0;
        try {
            for (int depth = 1; depth <= 9; depth++) for (long count : new long[] {1, 3, -4, -64}) for (boolean adds : new boolean[] {false, true}) {
                // adding bodies with 64 rounds two deep, or more than one round three deep, run into the kernel's limit, each
                // taking seconds on both sides: depth 3 with a count of 3 stands for them
                if (adds && (depth >= 2 && count == -64 || depth >= 3 && count != 1 && !(depth == 3 && count == 3))) continue;
                List<Insn> insns = program(depth, count, adds);
                List<ProgramSpec.FuncInfo> records = FunctionRecords.of(insns);
                KernelBpf.LoadResult k = KernelBpf.loadWithFuncInfo(KernelRunner.progType(SECTION), Insn.encode(insns), btf, FunctionRecords.flat(records));
                if (k.accepted()) KernelBpf.close(k.fd());
                else { refused++; System.out.println("refused: depth " + depth + " count " + count + (adds ? " adding" : "") + ": " + KernelRunner.reason(k.log())); }
                ProgramSpec p = new ProgramSpec("prog", SECTION, insns, records);
                VerifierResult s = Verifier.verify(new BpfObject("nested", "GPL", List.of(), List.of(p), FunctionRecords.BTF), p);
                compared++;
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("processed (\\d+) insns").matcher(k.log());
                String name = "depth " + depth + " count " + count + (adds ? " adding" : "");
                if (k.accepted() != s.ok())
                    differ.add(name + ": kernel " + (k.accepted() ? "accepts" : "refuses (" + KernelRunner.reason(k.log()) + ")")
                            + ", simulation " + (s.ok() ? "accepts" : "refuses (" + s.errors().get(0).kernelMessage() + ")"));
                else if (k.accepted() && m.find()) {
                    int kernel = Integer.parseInt(m.group(1));
                    System.out.println(name + ": kernel " + kernel + ", simulation " + s.processedInsns());
                    if (kernel > org.jbpf.sim.verifier.AbstractInterpreter.KERNEL_FACTOR * s.processedInsns())
                        differ.add(name + ": kernel " + kernel + " instructions, simulation " + s.processedInsns());
                }
            }
        } finally {
            KernelBpf.close(btf);
        }
        System.out.println(compared + " programs, " + refused + " refused by the kernel");
        assertEquals(List.of(), differ);
        // the eighth body (nine frames) is one frame too many, whatever it does (10 programs), and adding bodies with
        // 3 rounds three deep go past the kernel's million instructions
        assertEquals(11, refused);
    }
}
