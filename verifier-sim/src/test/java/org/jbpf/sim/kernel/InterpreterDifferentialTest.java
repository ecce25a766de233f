package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * Runs the same arithmetic and comparisons in the kernel (BPF_PROG_TEST_RUN of a socket filter) and in the
 * interpreter; each case stores its 64-bit result into one slot of an array map value.
 */
class InterpreterDifferentialTest {
    private static final int CASES_PER_PROGRAM = 48;
    private static final long[] EDGES = { 0, 1, -1, 2, 7, 31, 32, 63, 64, Long.MIN_VALUE, Long.MAX_VALUE,
            Integer.MIN_VALUE, Integer.MAX_VALUE, 0x80000000L, 0xffffffffL, 0x100000000L, -0x80000001L };

    private static final int[] BINARY = { ADD, SUB, MUL, DIV, MOD, OR, AND, LSH, RSH, ARSH, XOR, MOV };

    private final Random random = new Random(9669);

    private long operand() {
        switch (random.nextInt(3)) {
            case 0: return EDGES[random.nextInt(EDGES.length)];
            case 1: return random.nextInt(200) - 100;
            default: return random.nextLong();
        }
    }

    /** One case: computes into r1 (using r2 as second operand), leaves the result in r1. */
    private List<Insn> aluCase() {
        List<Insn> l = new ArrayList<>();
        long a = operand(), b = operand();
        boolean wide = random.nextBoolean(), reg = random.nextBoolean();
        l.add(ldImm64(R1, a));
        int kind = random.nextInt(10);
        if (kind == 0) { l.add(wide ? neg64(R1) : neg32(R1)); return l; }
        if (kind == 1) {
            int bits = new int[] { 16, 32, 64 }[random.nextInt(3)];
            int form = random.nextInt(3);
            l.add(new Insn((form == 2 ? ALU64 : ALU) | END | (form == 1 ? TO_BE : TO_LE), R1, 0, 0, bits));
            return l;
        }
        if (kind == 2) {
            int bits = wide ? new int[] { 8, 16, 32 }[random.nextInt(3)] : new int[] { 8, 16 }[random.nextInt(2)];
            l.add(ldImm64(R2, b));
            l.add(wide ? movsx64(R1, R2, bits) : movsx32(R1, R2, bits));
            return l;
        }
        int op = BINARY[random.nextInt(BINARY.length)];
        boolean signed = (op == DIV || op == MOD) && random.nextBoolean();
        if (op == LSH || op == RSH || op == ARSH) b = b & (wide ? 63 : 31);
        if (reg) {
            l.add(ldImm64(R2, b));
            l.add(signed ? sdivReg(op, wide, R1, R2) : new Insn((wide ? ALU64 : ALU) | op | X, R1, R2, 0, 0));
        } else {
            int imm = (int) b;
            if ((op == DIV || op == MOD) && imm == 0) imm = 3;
            l.add(signed ? sdivImm(op, wide, R1, imm) : new Insn((wide ? ALU64 : ALU) | op | K, R1, 0, 0, imm));
        }
        return l;
    }

    private static final int[] CONDS = { JEQ, JNE, JGT, JGE, JLT, JLE, JSGT, JSGE, JSLT, JSLE, JSET };

    private List<Insn> jumpCase() {
        List<Insn> l = new ArrayList<>();
        long a = operand(), b = random.nextBoolean() ? a : operand();
        int op = CONDS[random.nextInt(CONDS.length)];
        boolean j32 = random.nextBoolean(), reg = random.nextBoolean();
        l.add(ldImm64(R3, a));
        l.add(mov64Imm(R1, 0));
        if (reg) {
            l.add(ldImm64(R2, b));
            l.add(new Insn((j32 ? JMP32 : JMP) | op | X, R3, R2, 1, 0));
        } else {
            l.add(new Insn((j32 ? JMP32 : JMP) | op | K, R3, 0, 1, (int) b));
        }
        l.add(ja(1));
        l.add(mov64Imm(R1, 1));
        return l;
    }

    private List<Insn> program(boolean jumps) {
        List<Insn> p = new ArrayList<>(List.of(storeImm(4, R10, -4, 0), mov64Reg(R2, R10), alu64Imm(ADD, R2, -4),
                ldMap(R1, "out"), call(1)));
        List<Insn> body = new ArrayList<>();
        body.add(mov64Reg(R6, R0));
        for (int i = 0; i < CASES_PER_PROGRAM; i++) {
            body.addAll(jumps ? jumpCase() : aluCase());
            body.add(store(8, R6, 8 * i, R1));
        }
        int bodySlots = Insn.slotOffsets(body)[body.size()];
        p.add(jumpImm(JEQ, R0, 0, bodySlots));
        p.addAll(body);
        p.add(mov64Imm(R0, 0));
        p.add(exit());
        return p;
    }

    @Test
    void arithmeticAndJumpsMatchTheKernel() {
        KernelAgreementTest.assumeKernel();
        MapSpec out = new MapSpec("out", MapTypes.ARRAY, 4, 8 * CASES_PER_PROGRAM, 1, 0, 0, 0);
        int compared = 0;
        for (int round = 0; round < 12; round++) {
            List<Insn> insns = program(round % 3 == 2);
            ProgramSpec spec = new ProgramSpec("diff" + round, "socket", insns, List.of());
            BpfObject obj = new BpfObject("diff", "GPL", List.of(out), List.of(spec), null);
            VerifierResult verdict = Verifier.verify(obj, spec);
            assertTrue(verdict.ok(), verdict::toString);

            Interpreter sim = new Interpreter(obj);
            sim.runPacket(spec.name(), new byte[64]);
            byte[] expected = sim.map("out").lookup(0);

            Map<String, Integer> fds = KernelRunner.createMaps(List.of(out));
            try {
                KernelBpf.LoadResult load = KernelBpf.load(KernelBpf.PROG_SOCKET_FILTER, Insn.encode(KernelRunner.patch(insns, fds)));
                assertTrue(load.accepted(), () -> KernelRunner.reason(load.log()));
                try {
                    KernelBpf.testRun(load.fd(), new byte[64], null);
                } finally {
                    KernelBpf.close(load.fd());
                }
                byte[] actual = KernelBpf.lookup(fds.get("out"), new byte[4], out.valueSize());
                ByteBuffer e = ByteBuffer.wrap(expected).order(ByteOrder.LITTLE_ENDIAN);
                ByteBuffer k = ByteBuffer.wrap(actual).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < CASES_PER_PROGRAM; i++) {
                    int at = i;
                    assertEquals(k.getLong(8 * i), e.getLong(8 * i), () -> "case " + at + " of round: " + describeCase(insns, at));
                    compared++;
                }
            } finally {
                fds.values().forEach(KernelBpf::close);
            }
        }
        System.out.println("interpreter agrees with the kernel on " + compared + " arithmetic and jump cases");
        assertEquals(12 * CASES_PER_PROGRAM, compared);
    }

    private static String describeCase(List<Insn> insns, int index) {
        StringBuilder b = new StringBuilder();
        int seen = -1;
        for (Insn in : insns) {
            if (seen == index) b.append(in).append("; ");
            if (cls(in.opcode()) == STX && in.dst() == R6) seen++;
            if (seen > index) break;
        }
        return b.toString();
    }
}
