package org.jbpf.translator.llvm;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.btf.Btf;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirInstruction;
import org.jbpf.translator.mir.MirObject;
import org.jbpf.translator.mir.MirProgram;
import org.junit.jupiter.api.Test;

/** What LLVM or the lowering cannot take ends as a TranslationException naming the program and Java line, not a crash. */
class LoweringErrorsTest {
    static final SourceLine LINE = new SourceLine("Probe.java", 12, 0, "call(1, 2, 3, 4, 5, 6);");

    static MirObject program(MirInstruction... code) {
        return new MirObject("Probe", "GPL", List.of(), new Btf(), List.of(new MirProgram("run", "tracepoint/a/b", List.of(code), 0, true, true)));
    }

    static MirObject program(int frame, MirInstruction... code) {
        return new MirObject("Probe", "GPL", List.of(), new Btf(), List.of(new MirProgram("run", "tracepoint/a/b", List.of(code), frame, true, true)));
    }

    static MirInstruction insn(int opcode, int dst, int src, int off, long imm, int callArgs) {
        Mir.MInsn m = new Mir.MInsn();
        m.opcode = opcode; m.dst = dst; m.src = src; m.off = off; m.imm = imm; m.callArgs = callArgs; m.line = LINE;
        return m;
    }

    @Test
    void helperCallWithSixArgumentsIsReportedByLlvmNotFatal() {
        TranslationException e = assertThrows(TranslationException.class, () -> LlvmBackend.compile(program(
                insn(JMP | CALL, 0, 0, 0, 6, 6), insn(JMP | EXIT, 0, 0, 0, 0, 0)), null));
        assertTrue(e.getMessage().contains("Probe") && e.getMessage().contains("too many") && e.getMessage().contains("direct backend"), e.getMessage());
    }

    /** Each compile's error handler is released after it: a JVM holds only a few live LLVM callbacks of a kind. */
    @Test
    void manyRefusedCompilesInOneJvmAreEachReported() {
        int reported = 0;
        for (int k = 0; k < 40; k++) {
            TranslationException e = assertThrows(TranslationException.class, () -> LlvmBackend.compile(program(
                    insn(JMP | CALL, 0, 0, 0, 6, 6), insn(JMP | EXIT, 0, 0, 0, 0, 0)), null));
            if (e.getMessage().contains("too many")) reported++;
        }
        assertEquals(40, reported);
    }

    @Test
    void unknownInstructionNamesTheJavaLine() {
        TranslationException e = assertThrows(TranslationException.class, () -> LlvmBackend.compile(program(
                insn(LD | ABS | W, 0, 0, 0, 4, 0), insn(JMP | EXIT, 0, 0, 0, 0, 0)), null));
        assertTrue(e.getMessage().startsWith("Probe.java:12: program run"), e.getMessage());
    }

    /** LLVM reports the frame once per instruction that touches it; the message says it once, at the first Java line. */
    @Test
    void aFrameOverTheStackLimitIsOneLineAtItsJavaLine() {
        TranslationException e = assertThrows(TranslationException.class, () -> LlvmBackend.compile(program(1024,
                insn(ALU64 | MOV | X, R1, R10, 0, 0, 0), insn(ALU64 | ADD | K, R1, 0, 0, -1000, 0), insn(ALU64 | MOV | K, R2, 0, 0, 1000, 0),
                insn(ALU64 | MOV | K, R3, 0, 0, 0, 0), insn(JMP | CALL, 0, 0, 0, 4, 3), insn(LDX | MEM | DW, R0, R10, -1000, 0, 0),
                insn(JMP | EXIT, 0, 0, 0, 0, 0)), null));
        assertEquals("LLVM's BPF target cannot compile Probe: Probe.java:12: program run needs more than the 512 bytes of BPF stack LLVM's code"
                + " may use; use fewer or smaller local structs, or keep data in a per-CPU array map; the direct backend (the default) may"
                + " translate it", e.getMessage());
    }

    @Test
    void writingTheFramePointerIsRefused() {
        TranslationException e = assertThrows(TranslationException.class, () -> LlvmBackend.compile(program(
                insn(ALU64 | MOV | K, R10, 0, 0, 1, 0), insn(JMP | EXIT, 0, 0, 0, 0, 0)), null));
        assertTrue(e.getMessage().contains("r10"), e.getMessage());
    }
}
