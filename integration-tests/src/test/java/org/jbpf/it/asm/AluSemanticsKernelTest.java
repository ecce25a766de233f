package org.jbpf.it.asm;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.asm.AluSemantics;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedProgram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Core's {@link AluSemantics} against the running kernel: every ALU operation in both widths, register and immediate
 * forms, runs on a grid of edge values inside an xdp program (BPF_PROG_TEST_RUN) that writes each result into the
 * packet; each must equal what AluSemantics computes.
 */
class AluSemanticsKernelTest {
    private static final long[] VALUES = {0, 1, 2, 7, -1, -7, 31, 32, 63, 64, 0x7fffffffL, 0x80000000L, 0xffffffffL,
            0x1_0000_0000L, Long.MIN_VALUE, Long.MAX_VALUE, 0x0123_4567_89ab_cdefL};
    private static final int[] IMMEDIATES = {0, 1, 2, 7, -1, -7, 31, 32, 63, Integer.MAX_VALUE, Integer.MIN_VALUE};

    /** One operation: opcode without the source bit, offset, and for END the width in imm. */
    private record Op(String name, int opcode, int off, int imm) {
        boolean unary() { return op(opcode) == NEG || op(opcode) == END; }
        boolean shift() { return op(opcode) == LSH || op(opcode) == RSH || op(opcode) == ARSH; }
        boolean division() { return op(opcode) == DIV || op(opcode) == MOD; }
    }

    private static List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        String[] names = {"add", "sub", "mul", "div", "or", "and", "lsh", "rsh", "neg", "mod", "xor", "mov", "arsh"};
        int[] codes = {ADD, SUB, MUL, DIV, OR, AND, LSH, RSH, NEG, MOD, XOR, MOV, ARSH};
        for (int cls : new int[] {ALU64, ALU}) {
            String w = cls == ALU64 ? "64" : "32";
            for (int i = 0; i < codes.length; i++) ops.add(new Op(names[i] + w, cls | codes[i], 0, 0));
            ops.add(new Op("sdiv" + w, cls | DIV, AluSemantics.SIGNED, 0));
            ops.add(new Op("smod" + w, cls | MOD, AluSemantics.SIGNED, 0));
            ops.add(new Op("movsx8_" + w, cls | MOV, 8, 0));
            ops.add(new Op("movsx16_" + w, cls | MOV, 16, 0));
        }
        ops.add(new Op("movsx32_64", ALU64 | MOV, 32, 0));
        for (int bits : new int[] {16, 32, 64}) {
            ops.add(new Op("le" + bits, ALU | END | TO_LE, 0, bits));
            ops.add(new Op("be" + bits, ALU | END | TO_BE, 0, bits));
            ops.add(new Op("bswap" + bits, ALU64 | END, 0, bits));
        }
        return ops;
    }

    @BeforeEach
    void kernel() { KernelCheck.require(); }

    /** The instructions of one case and the value AluSemantics expects it to leave in R2. */
    private record Case(List<Insn> insns, long expected, String what) {}

    private static List<Case> cases(Op op, boolean immediate) {
        List<Case> cases = new ArrayList<>();
        for (long dst : VALUES) {
            if (op.unary()) {
                if (immediate) return cases;
                Insn in = new Insn(op.opcode(), R2, 0, op.off(), op.imm());
                cases.add(new Case(List.of(Insn.ldImm64(R2, dst), in), AluSemantics.apply(in, dst, 0), op.name() + " " + dst));
                continue;
            }
            if (immediate) {
                if (op.off() >= 8) return cases;  // movsx has no immediate form
                for (int imm : IMMEDIATES) {
                    // the verifier refuses these immediates outright; registers holding them are tested below
                    if (op.division() && imm == 0 || op.shift() && (imm < 0 || imm >= (cls(op.opcode()) == ALU64 ? 64 : 32))) continue;
                    Insn in = new Insn(op.opcode() | K, R2, 0, op.off(), imm);
                    cases.add(new Case(List.of(Insn.ldImm64(R2, dst), in), AluSemantics.apply(in, dst, 0), op.name() + " " + dst + ", #" + imm));
                }
            } else {
                for (long src : VALUES) {
                    Insn in = new Insn(op.opcode() | X, R2, R3, op.off(), 0);
                    cases.add(new Case(List.of(Insn.ldImm64(R2, dst), Insn.ldImm64(R3, src), in), AluSemantics.apply(in, dst, src),
                            op.name() + " " + dst + ", " + src));
                }
            }
        }
        return cases;
    }

    /** An xdp program that runs every case and stores case i's result at packet offset 8*i. */
    private static BpfObject program(List<Case> cases) {
        List<Insn> body = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            body.addAll(cases.get(i).insns());
            body.add(Insn.store(8, R6, 8 * i, R2));
        }
        int bodySlots = body.stream().mapToInt(Insn::slots).sum();
        List<Insn> insns = new ArrayList<>(List.of(
                Insn.load(4, R6, R1, 0),                      // data
                Insn.load(4, R7, R1, 4),                      // data_end
                Insn.mov64Reg(R8, R6),
                Insn.alu64Imm(ADD, R8, 8L * cases.size()),
                Insn.jumpReg(JGT, R8, R7, bodySlots)));       // too short: straight to the exit
        insns.addAll(body);
        insns.add(Insn.mov64Imm(R0, 2));                     // XDP_PASS
        insns.add(Insn.exit());
        return new BpfObject("alu", "GPL", List.of(), List.of(new ProgramSpec("alu", "xdp", insns, List.of())), null);
    }

    private static int check(List<Case> cases) {
        if (cases.isEmpty()) return 0;
        try (BPF bpf = BPF.load(program(cases))) {
            LoadedProgram p = bpf.program("alu");
            LoadedProgram.TestRun run = p.testRun(new byte[8 * cases.size()], 1);
            assertEquals(2, run.retval(), "the program ran to XDP_PASS");
            ByteBuffer out = ByteBuffer.wrap(run.dataOut()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                assertEquals(Long.toHexString(c.expected()), Long.toHexString(out.getLong(8 * i)), c.what());
            }
        }
        return cases.size();
    }

    @Test
    void everyOperationAgreesWithTheKernelOnEdgeValues() {
        int checked = 0;
        for (Op op : operations()) {
            checked += check(cases(op, false));
            checked += check(cases(op, true));
        }
        // per width 13 binary operations (with sdiv/smod) and the movsx forms take 17*17 register pairs, the binary
        // ones also 17 values times the immediates the verifier accepts, and neg and the 9 byte-order forms 17 values
        assertEquals(14314, checked, "cases checked");
        System.out.println("AluSemantics agreed with the kernel on " + checked + " cases");
    }
}
