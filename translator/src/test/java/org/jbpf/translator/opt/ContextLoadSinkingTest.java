package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jbpf.core.asm.Disassembler;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/** Loads from a tracepoint's context move past calls to their one reader when the context pointer saves registers. */
class ContextLoadSinkingTest {
    private static List<Insn> code(String probe) {
        return Translator.translate("org.jbpf.translator.opt.ContextLoadProbes$" + probe,
                Translator.ClassSource.of(ContextLoadSinkingTest.class.getClassLoader())).programs().get(0).insns();
    }

    private static int firstCall(List<Insn> code, int helper) {
        for (int k = 0; k < code.size(); k++) if (code.get(k).opcode() == (JMP | CALL) && code.get(k).imm() == helper) return k;
        return -1;
    }

    @Test
    void tracepointFieldsAreLoadedAfterTheCallStraightIntoTheirArguments() {
        List<Insn> code = code("TracepointFields");
        String listing = Disassembler.listing(code);
        int call = firstCall(code, HelperTable.GET_CURRENT_PID_TGID);
        assertEquals(new Insn(ALU64 | MOV | X, R6, R1, 0, 0, null, null).toString(), code.get(0).toString(), listing);
        long loadsAfter = code.subList(call, code.size()).stream()
                .filter(i -> cls(i.opcode()) == LDX && i.src() == R6 && (i.dst() == R3 || i.dst() == R4)).count();
        assertEquals(2, loadsAfter, listing);
        assertEquals(12, code.stream().mapToInt(i -> i.opcode() == (LD | DW | IMM) ? 2 : 1).sum(), listing);
    }

    @Test
    void kprobeRegistersStayLoadedBeforeTheCall() {
        List<Insn> code = code("KprobeParameters");
        String listing = Disassembler.listing(code);
        int call = firstCall(code, HelperTable.GET_CURRENT_PID_TGID);
        assertEquals(2, code.subList(0, call).stream().filter(i -> cls(i.opcode()) == LDX).count(), listing);
    }

    @Test
    void aSingleLoadStaysWhenTheContextWouldOnlyTakeItsPlace() {
        // one loaded value across the call, or the context pointer across it: no register saved, nothing moves
        MirPassesTest.B b = new MirPassesTest.B();
        b.mir.readOnlyContext = true;
        int ctx = b.v(), f = b.v();
        b.mov(ctx, R1).load(f, ctx, 16).call(HelperTable.GET_CURRENT_PID_TGID, 0).mov(R3, f).exit(R0);
        List<String> before = b.text();
        new ContextLoadSinking().run(b.mir);
        assertEquals(before, b.text());
    }

    @Test
    void twoLoadsMoveToTheirReadersAfterTheCall() {
        MirPassesTest.B b = new MirPassesTest.B();
        b.mir.readOnlyContext = true;
        int ctx = b.v(), f = b.v(), g = b.v();
        b.mov(ctx, R1).load(f, ctx, 16).load(g, ctx, 32).call(HelperTable.GET_CURRENT_PID_TGID, 0).mov(R3, f).mov(R4, g).exit(R0);
        new ContextLoadSinking().run(b.mir);
        assertEquals(List.of("r15 = r1 [dst v16]", "call bpf_get_current_pid_tgid#14", "r15 = *(u64 *)(r15 +16) [dst v17] [src v16]",
                "r3 = r15 [src v17]", "r15 = *(u64 *)(r15 +32) [dst v18] [src v16]", "r4 = r15 [src v18]", "r0 = r0", "exit"), b.text());
        // the same code of a program whose helpers may write its context stays as it is
        MirPassesTest.B kprobe = new MirPassesTest.B();
        ctx = kprobe.v();
        f = kprobe.v();
        g = kprobe.v();
        kprobe.mov(ctx, R1).load(f, ctx, 16).load(g, ctx, 32).call(HelperTable.GET_CURRENT_PID_TGID, 0).mov(R3, f).mov(R4, g).exit(R0);
        List<String> before = kprobe.text();
        new ContextLoadSinking().run(kprobe.mir);
        assertEquals(before, kprobe.text());
    }
}
