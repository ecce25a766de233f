package org.jbpf.translator.llvm;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.mir.MirProgram;
import org.junit.jupiter.api.Test;

/** LLVM's code is refused when a program and the function it calls need more than 512 bytes of stack together. */
class CallChainStackTest {

    @Test
    void aChainOverFiveHundredTwelveBytesIsRefusedAtTheCallThatStartsIt() {
        TranslationException e = assertThrows(TranslationException.class, () -> check(288, 240));
        assertEquals("P.java:7: the calls run → body need 528 bytes of stack together (each function's frame rounded up to 16) but BPF "
                + "allows 512 for one chain of calls; mark a function @Inline, use smaller local structs, or keep data in a per-CPU array map",
                e.getMessage());
    }

    @Test
    void aChainOfFiveHundredTwelveBytesPasses() {
        assertDoesNotThrow(() -> check(272, 240));
    }

    /** As the kernel counts for JIT-compiled code: a function that never touches the stack adds nothing to the chain (state seed 62 program 72). */
    @Test
    void aFunctionWithoutAFrameAddsNothing() {
        assertDoesNotThrow(() -> check(512, 0));
    }

    /** The entry takes the address r10 - entry and passes it to a call of a function that stores at r10 - function. */
    private static void check(int entry, int function) {
        Btf btf = new Btf();
        int proto = btf.add(new BtfType.FuncProto(0, List.of()));
        int run = btf.add(new BtfType.Func("run", proto, BtfType.LINKAGE_GLOBAL)), body = btf.add(new BtfType.Func("body", proto, BtfType.LINKAGE_STATIC));
        List<Insn> insns = List.of(
                Insn.mov64Reg(R1, R10), Insn.alu64Imm(ADD, R1, -entry),
                new Insn(JMP | CALL, 0, PSEUDO_CALL, 0, 2, null, new SourceLine("/src/P.java", 7, 0, "body(s);")),
                Insn.mov64Imm(R0, 0), new Insn(JMP | EXIT, 0, 0, 0, 0),
                function > 0 ? Insn.store(8, R10, -function, R1) : Insn.mov64Imm(R1, 0), Insn.mov64Imm(R0, 0), new Insn(JMP | EXIT, 0, 0, 0, 0));
        List<ProgramSpec.FuncInfo> infos = List.of(new ProgramSpec.FuncInfo(0, run), new ProgramSpec.FuncInfo(5, body));
        CallChainStack.check(new ProgramSpec("run", "xdp", insns, infos), infos, btf, new MirProgram("run", "xdp", List.of(), 0, false, true));
    }
}
