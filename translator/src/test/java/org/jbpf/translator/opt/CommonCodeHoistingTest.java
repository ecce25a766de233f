package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jbpf.core.asm.Disassembler;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.Translator;
import org.jbpf.translator.mir.Mir;
import org.junit.jupiter.api.Test;

/** Code both successors of a branch begin with moves above it. */
class CommonCodeHoistingTest {
    private static List<Insn> code(String probe) {
        return Translator.translate("org.jbpf.translator.opt.CommonCodeProbes$" + probe,
                Translator.ClassSource.of(CommonCodeHoistingTest.class.getClassLoader())).programs().get(0).insns();
    }

    private static int slots(List<Insn> code) {
        return code.stream().mapToInt(i -> i.opcode() == (LD | DW | IMM) ? 2 : 1).sum();
    }

    private static int firstCall(List<Insn> code, int helper) {
        for (int k = 0; k < code.size(); k++) if (code.get(k).opcode() == (JMP | CALL) && code.get(k).imm() == helper) return k;
        return -1;
    }

    private static long count(List<Insn> code, int opcode, long imm) {
        return code.stream().filter(i -> i.opcode() == opcode && i.imm() == imm).count();
    }

    @Test
    void pidCallBothSidesMakeGoesAboveTheBranch() {
        List<Insn> code = code("RootOrUser");
        String listing = Disassembler.listing(code);
        assertEquals(1, count(code, JMP | CALL, HelperTable.GET_CURRENT_PID_TGID), listing);
        assertEquals(1, count(code, ALU64 | RSH | K, 32), listing);
        int branch = -1;
        for (int k = 0; k < code.size() && branch < 0; k++) if (cls(code.get(k).opcode()) == JMP32) branch = k;
        assertTrue(firstCall(code, HelperTable.GET_CURRENT_PID_TGID) < branch, listing);
        // uid call, its copy, pid call, shift, branch; 6 and 8 for the two printk calls; return
        assertEquals(19, slots(code), listing);
    }

    /** {@code v = r1-load; if v != 0 goto L; call pid; x = r0; x >>= 32; exit x; L: call pid; y = r0; y >>= 32; y += v; exit y}. */
    private static MirPassesTest.B diamond(boolean conditionOnR0) {
        MirPassesTest.B b = new MirPassesTest.B();
        int v = b.v(), x = b.v(), y = b.v();
        Mir.Label other = b.newLabel();
        b.load(v, R1, 0);
        if (conditionOnR0) b.mov(R0, v).add(JMP | JNE | K, R0, 0, 0, 0).target = other;
        else b.add(JMP | JNE | K, v, 0, 0, 0).target = other;
        b.call(HelperTable.GET_CURRENT_PID_TGID, 0).mov(x, R0).add(ALU64 | RSH | K, x, 0, 0, 32);
        b.exit(x);
        b.label(other);
        b.call(HelperTable.GET_CURRENT_PID_TGID, 0).mov(y, R0).add(ALU64 | RSH | K, y, 0, 0, 32);
        b.addReg(y, v);
        b.exit(y);
        return b;
    }

    @Test
    void commonCallAndShiftMoveAboveTheBranchAndTheTakenSideCopiesTheResult() {
        MirPassesTest.B b = diamond(false);
        new CommonCodeHoisting().run(b.mir);
        assertEquals(List.of("r15 = *(u64 *)(r1 +0) [dst v16]", "call bpf_get_current_pid_tgid#14", "r15 = r0 [dst v17]",
                "r15 >>= 32 [dst v17]", "if r15 != 0x0 goto pc+0 [dst v16] -> L0", "r0 = r15 [src v17]", "exit", "L0:",
                "r15 = r15 [dst v18] [src v17]", "r15 += r15 [dst v18] [src v16]", "r0 = r15 [src v18]", "exit"), b.text());
    }

    @Test
    void aCallStaysBelowABranchOnARegisterTheCallClobbers() {
        MirPassesTest.B b = diamond(true);
        List<String> before = b.text();
        new CommonCodeHoisting().run(b.mir);
        assertEquals(before, b.text());
    }

    @Test
    void anOperationOnAValueFromBeforeTheBranchStaysBelowIt() {
        // p + 8 on both sides of a null test of p: the kernel forbids arithmetic on a pointer that may be null
        MirPassesTest.B b = new MirPassesTest.B();
        int p = b.v(), x = b.v(), y = b.v();
        Mir.Label isNull = b.newLabel();
        b.load(p, R1, 0).jeq(p, 0, isNull);
        b.mov(x, p).addImm(x, 8).exit(x);
        b.label(isNull);
        b.mov(y, p).addImm(y, 8).exit(y);
        List<String> before = b.text();
        new CommonCodeHoisting().run(b.mir);
        assertEquals(before, b.text());
    }

    @Test
    void aValueTheTakenSideStillReadsIsNotOverwrittenAboveTheBranch() {
        // x is set before the branch and read on the taken side before that side's pid call and copy into x
        MirPassesTest.B b = new MirPassesTest.B();
        int v = b.v(), x = b.v(), y = b.v();
        Mir.Label other = b.newLabel();
        b.load(v, R1, 0).movImm(x, 5).jeq(v, 0, other);
        b.call(HelperTable.GET_CURRENT_PID_TGID, 0).mov(x, R0).addReg(x, v).exit(x);
        b.label(other);
        b.mov(y, x);
        b.call(HelperTable.GET_CURRENT_PID_TGID, 0).mov(x, R0).addReg(x, v).addReg(x, y).exit(x);
        new CommonCodeHoisting().run(b.mir);
        assertEquals(List.of("r15 = *(u64 *)(r1 +0) [dst v16]", "r15 = 5 [dst v17]", "call bpf_get_current_pid_tgid#14",
                "if r15 == 0x0 goto pc+0 [dst v16] -> L0", "r15 = r0 [dst v17]", "r15 += r15 [dst v17] [src v16]", "r0 = r15 [src v17]",
                "exit", "L0:", "r15 = r15 [dst v18] [src v17]", "r15 = r0 [dst v17]", "r15 += r15 [dst v17] [src v16]",
                "r15 += r15 [dst v17] [src v18]", "r0 = r15 [src v17]", "exit"), b.text());
    }
}
