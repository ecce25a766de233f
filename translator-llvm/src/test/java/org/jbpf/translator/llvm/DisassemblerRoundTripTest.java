package org.jbpf.translator.llvm;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our encoding, decoded by LLVM's BPF disassembler, must print the instruction our own disassembler prints: for every
 * instruction the direct backend emits for the examples, and for a table of every instruction form of the ISA.
 */
class DisassemblerRoundTripTest {
    static LlvmDisassembler llvm;

    @BeforeAll static void open() { llvm = new LlvmDisassembler(); }
    @AfterAll static void close() { llvm.close(); }

    @ParameterizedTest
    @ValueSource(strings = {"ProcessCounter", "OpenCounter", "ReadLatency", "EventSampler", "PerCpuCounters",
            "ExecPerfEvents", "ExecRingEvents", "HelloPrintk"})
    void everyInstructionOfTheDirectBackendRoundTrips(String example) throws Exception {
        BpfObject o = Translator.translate(ExamplesThroughLlvmTest.classFile(example),
                Translator.ClassSource.of(getClass().getClassLoader()), ExamplesThroughLlvmTest.OPTIONS);
        int checked = 0;
        for (ProgramSpec p : o.programs()) {
            for (Insn in : p.insns()) {
                assertEquals(LlvmDisassembler.jbpf(in), llvm.llvm(in), example + "." + p.name() + ": " + in + " encoded as " + hex(in));
                checked++;
            }
        }
        assertTrue(checked > 5, "instructions checked: " + checked);
    }

    @Test
    void everyInstructionFormRoundTrips() {
        List<String> mismatches = new ArrayList<>();
        List<Insn> table = allForms();
        for (Insn in : table) {
            String ours = LlvmDisassembler.jbpf(in), theirs = llvm.llvm(in);
            if (!ours.equals(theirs)) mismatches.add(hex(in) + "  jbpf: " + ours + "  llvm: " + theirs);
        }
        assertEquals(List.of(), mismatches, "of " + table.size() + " instruction forms");
        assertTrue(table.size() > 250, "forms: " + table.size());
    }

    /** Every opcode with representative operands: ALU and jumps in both widths and sources, all sizes of memory access. */
    static List<Insn> allForms() {
        List<Insn> t = new ArrayList<>();
        int[] aluOps = {ADD, SUB, MUL, DIV, OR, AND, LSH, RSH, MOD, XOR, MOV, ARSH};
        for (int cls : new int[] {ALU, ALU64}) {
            for (int op : aluOps) {
                t.add(new Insn(cls | op | X, 1, 2, 0, 0));
                t.add(new Insn(cls | op | K, 3, 0, 0, op == LSH || op == RSH || op == ARSH ? 7 : -123456));
            }
            for (int op : new int[] {DIV, MOD}) {
                t.add(new Insn(cls | op | X, 4, 5, 1, 0));
                t.add(new Insn(cls | op | K, 4, 0, 1, -9));
            }
            t.add(new Insn(cls | NEG, 6, 0, 0, 0));
            for (int bits : new int[] {8, 16}) t.add(new Insn(cls | MOV | X, 7, 8, bits, 0));
            for (int bits : new int[] {16, 32, 64}) t.add(new Insn(cls | END | (cls == ALU ? TO_LE : 0), 9, 0, 0, bits));
        }
        t.add(Insn.movsx64(1, 2, 32));
        for (int bits : new int[] {16, 32, 64}) t.add(new Insn(ALU | END | TO_BE, 1, 0, 0, bits));
        for (int size : new int[] {1, 2, 4, 8}) {
            t.add(Insn.load(size, 1, 10, -8));
            t.add(Insn.load(size, 2, 3, 40));
            t.add(Insn.store(size, 10, -16, 4));
            t.add(Insn.storeImm(size, 5, 8, -2));
            if (size < 8) t.add(Insn.loadSigned(size, 6, 7, 2));
        }
        for (int size : new int[] {4, 8}) {
            for (int aop : new int[] {ADD, OR, AND, XOR}) {
                t.add(Insn.atomic(size, aop, 1, 0, 2));
                t.add(Insn.atomic(size, aop | FETCH, 1, 8, 3));
            }
            t.add(Insn.atomic(size, XCHG, 4, -8, 5));
            t.add(Insn.atomic(size, CMPXCHG, 6, 16, 7));
        }
        t.add(Insn.ldImm64(1, 0x123456789abcdefL));
        t.add(Insn.ldImm64(2, -1L));
        t.add(Insn.ldMap(3, "counts"));
        int[] jumpOps = {JEQ, JGT, JGE, JSET, JNE, JSGT, JSGE, JLT, JLE, JSLT, JSLE};
        for (int cls : new int[] {JMP, JMP32}) {
            for (int op : jumpOps) {
                t.add(new Insn(cls | op | X, 1, 2, 5, 0));
                t.add(new Insn(cls | op | K, 3, 0, -4, -77));
            }
        }
        t.add(Insn.ja(7));
        t.add(Insn.ja(-2));
        t.add(new Insn(JMP32 | JA, 0, 0, 0, 100000));
        t.add(Insn.call(1));
        t.add(Insn.call(130));
        t.add(Insn.exit());
        // shifts by every count keep their count
        for (int n = 0; n < 64; n++) t.add(Insn.alu64Imm(LSH, 1, n));
        for (int n = 0; n < 32; n++) t.add(Insn.alu32Imm(RSH, 1, n));
        // every register pair of a 64-bit move and a load
        for (int d = 0; d <= 9; d++) for (int s = 0; s <= 10; s++) t.add(Insn.mov64Reg(d, s));
        return t;
    }

    private static String hex(Insn in) {
        StringBuilder sb = new StringBuilder();
        for (byte b : Insn.encode(List.of(in))) sb.append(String.format("%02x", b & 0xff));
        return sb.toString();
    }
}
