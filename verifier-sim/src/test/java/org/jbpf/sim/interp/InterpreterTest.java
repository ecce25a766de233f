package org.jbpf.sim.interp;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.sim.Verifier;
import org.junit.jupiter.api.Test;

/** Hand-computed results for every instruction class (RFC 9669). */
class InterpreterTest {
    static final MapSpec COUNTS = new MapSpec("counts", MapTypes.HASH, 4, 8, 4, 0, 0, 0);
    static final MapSpec EVENTS = new MapSpec("events", MapTypes.RINGBUF, 0, 0, 4096, 0, 0, 0);

    /** Runs {@code body} then exit as a socket filter; returns R0 (64 bits). */
    static long eval(Insn... body) {
        Insn[] all = java.util.Arrays.copyOf(body, body.length + 1);
        all[body.length] = exit();
        return new Interpreter(Programs.object("socket", List.of(), all)).runPacket("prog", new byte[64]);
    }

    @Test
    void alu64() {
        assertEquals(7, eval(mov64Imm(R0, 3), alu64Imm(ADD, R0, 4)));
        assertEquals(-1, eval(mov64Imm(R0, 3), alu64Imm(SUB, R0, 4)));
        assertEquals(0xfffffffffffffffeL, eval(mov64Imm(R0, -1), alu64Imm(MUL, R0, 2)));
        assertEquals(Long.divideUnsigned(-10L, 3), eval(mov64Imm(R0, -10), alu64Imm(DIV, R0, 3)));
        assertEquals(Long.remainderUnsigned(-10L, 3), eval(mov64Imm(R0, -10), alu64Imm(MOD, R0, 3)));
        assertEquals(-3, eval(mov64Imm(R0, -10), sdivImm(DIV, true, R0, 3)));
        assertEquals(-1, eval(mov64Imm(R0, -10), sdivImm(MOD, true, R0, 3)));
        assertEquals(0xf0f, eval(mov64Imm(R0, 0xf00), alu64Imm(OR, R0, 0x0f)));
        assertEquals(0x0f, eval(mov64Imm(R0, 0xff), alu64Imm(AND, R0, 0x0f)));
        assertEquals(0xf0, eval(mov64Imm(R0, 0xff), alu64Imm(XOR, R0, 0x0f)));
        assertEquals(1L << 40, eval(mov64Imm(R0, 1), alu64Imm(LSH, R0, 40)));
        assertEquals(0x7fffffffffffffffL, eval(mov64Imm(R0, -1), alu64Imm(RSH, R0, 1)));
        assertEquals(-1, eval(mov64Imm(R0, -2), alu64Imm(ARSH, R0, 1)));
        assertEquals(-5, eval(mov64Imm(R0, 5), neg64(R0)));
        // shift amounts from a register are masked to 6 bits
        assertEquals(2, eval(mov64Imm(R0, 1), mov64Imm(R1, 65), alu64Reg(LSH, R0, R1)));
    }

    /** A loop only may_goto ends runs until the budget is spent, then takes the jump; the verifier accepts it. */
    @Test
    void mayGotoEndsALoopWhenItsBudgetIsSpent() {
        org.jbpf.core.obj.BpfObject o = Programs.object("socket", List.of(), mov64Imm(R0, 0), new Insn(JMP | 0xe0, 0, 0, 2, 0),
                alu64Imm(ADD, R0, 1), ja(-3), exit());
        assertTrue(Verifier.verify(o, o.programs().get(0)).ok());
        assertEquals(Interpreter.MAY_GOTO_BUDGET, new Interpreter(o).runPacket("prog", new byte[64]));
    }

    @Test
    void divisionByZeroFollowsTheSpec() {
        assertEquals(0, eval(mov64Imm(R0, 9), mov64Imm(R1, 0), alu64Reg(DIV, R0, R1)));
        assertEquals(9, eval(mov64Imm(R0, 9), mov64Imm(R1, 0), alu64Reg(MOD, R0, R1)));
        assertEquals(0, eval(mov64Imm(R0, 9), mov64Imm(R1, 0), sdivReg(DIV, true, R0, R1)));
        assertEquals(-9, eval(mov64Imm(R0, -9), mov64Imm(R1, 0), sdivReg(MOD, true, R0, R1)));
        // 32-bit modulo by zero keeps the low half, zero-extended
        assertEquals(0xfffffff7L, eval(mov64Imm(R0, -9), mov64Imm(R1, 0), alu32Reg(MOD, R0, R1)));
        assertEquals(Long.MIN_VALUE, eval(ldImm64(R0, Long.MIN_VALUE), mov64Imm(R1, -1), sdivReg(DIV, true, R0, R1)));
    }

    @Test
    void alu32ZeroExtends() {
        assertEquals(0, eval(mov64Imm(R0, -1), alu32Imm(ADD, R0, 1)));
        assertEquals(0xffffffffL, eval(mov64Imm(R0, 0), alu32Imm(SUB, R0, 1)));
        assertEquals(0xfffffffdL, eval(mov32Imm(R0, -6), sdivImm(DIV, false, R0, 2)));
        assertEquals(0x7fffffffL, eval(mov32Imm(R0, -1), alu32Imm(RSH, R0, 1)));
        assertEquals(0xffffffffL, eval(mov32Imm(R0, -2), alu32Imm(ARSH, R0, 1)));
        assertEquals(0xffffffffL, eval(mov64Imm(R0, 1), neg32(R0)));
        assertEquals(0xffffffffL, eval(mov64Imm(R0, -1), mov32Reg(R0, R0)));
    }

    @Test
    void signExtendingMovesAndByteSwaps() {
        assertEquals(-128, eval(mov64Imm(R1, 0x180), movsx64(R0, R1, 8)));
        assertEquals(-1, eval(mov64Imm(R1, 0xffff), movsx64(R0, R1, 16)));
        assertEquals(-1, eval(mov64Imm(R1, 0xffffffffL), movsx64(R0, R1, 32)));
        assertEquals(0xffffff80L, eval(mov64Imm(R1, 0x80), movsx32(R0, R1, 8)));
        assertEquals(0x3412, eval(mov64Imm(R0, 0x1234), new Insn(ALU | END | TO_BE, R0, 0, 0, 16)));
        assertEquals(0x1234, eval(ldImm64(R0, 0xabcd1234L), new Insn(ALU | END | TO_LE, R0, 0, 0, 16)));
        assertEquals(0x0807060504030201L, eval(ldImm64(R0, 0x0102030405060708L), new Insn(ALU64 | END, R0, 0, 0, 64)));
        assertEquals(0x78563412L, eval(ldImm64(R0, 0xff12345678L), new Insn(ALU64 | END, R0, 0, 0, 32)));
    }

    @Test
    void loadsAndStores() {
        assertEquals(0x0102030405060708L, eval(ldImm64(R1, 0x0102030405060708L), store(8, R10, -8, R1), load(8, R0, R10, -8)));
        assertEquals(0x08, eval(ldImm64(R1, 0x0102030405060708L), store(8, R10, -8, R1), load(1, R0, R10, -8)));
        assertEquals(0x0506, eval(ldImm64(R1, 0x0102030405060708L), store(8, R10, -8, R1), load(2, R0, R10, -6)));
        assertEquals(0xffffffffL, eval(storeImm(8, R10, -8, 0), storeImm(4, R10, -8, -1), load(8, R0, R10, -8)));
        assertEquals(-1, eval(storeImm(2, R10, -2, 0xffff), loadSigned(2, R0, R10, -2)));
        assertEquals(-128, eval(storeImm(1, R10, -1, 0x80), loadSigned(1, R0, R10, -1)));
        assertEquals(-2, eval(storeImm(4, R10, -4, -2), loadSigned(4, R0, R10, -4)));
    }

    @Test
    void atomics() {
        Insn[] init = { storeImm(8, R10, -8, 10), mov64Imm(R1, 5) };
        assertEquals(15, eval(init[0], init[1], atomic(8, ADD, R10, -8, R1), load(8, R0, R10, -8)));
        assertEquals(10, eval(init[0], init[1], atomic(8, ADD | FETCH, R10, -8, R1), mov64Reg(R0, R1)));
        assertEquals(15, eval(init[0], init[1], atomic(8, OR, R10, -8, R1), load(8, R0, R10, -8)));
        assertEquals(0, eval(init[0], init[1], atomic(8, AND, R10, -8, R1), load(8, R0, R10, -8)));
        assertEquals(15, eval(init[0], init[1], atomic(8, XOR, R10, -8, R1), load(8, R0, R10, -8)));
        assertEquals(10, eval(init[0], init[1], atomic(8, XCHG, R10, -8, R1), mov64Reg(R0, R1)));
        assertEquals(5, eval(init[0], init[1], mov64Imm(R0, 10), atomic(8, CMPXCHG, R10, -8, R1), load(8, R0, R10, -8)));
        assertEquals(10, eval(init[0], init[1], mov64Imm(R0, 9), atomic(8, CMPXCHG, R10, -8, R1), load(8, R0, R10, -8)));
        assertEquals(5, eval(storeImm(8, R10, -8, -1), mov64Imm(R1, 6),
                atomic(4, ADD, R10, -8, R1), load(4, R0, R10, -8)));
    }

    @Test
    void jumps() {
        assertEquals(1, eval(mov64Imm(R0, 0), mov64Imm(R1, -1), jumpImm(JGT, R1, 5, 1), exit(), mov64Imm(R0, 1)));
        assertEquals(0, eval(mov64Imm(R0, 0), mov64Imm(R1, -1), jumpImm(JSGT, R1, 5, 1), exit(), mov64Imm(R0, 1)));
        // JMP32 compares only the low halves
        assertEquals(1, eval(mov64Imm(R0, 0), ldImm64(R1, 0x100000005L), jump32Imm(JEQ, R1, 5, 1), exit(), mov64Imm(R0, 1)));
        assertEquals(1, eval(mov64Imm(R0, 0), mov64Imm(R1, 6), jumpImm(JSET, R1, 2, 1), exit(), mov64Imm(R0, 1)));
        assertEquals(7, eval(mov64Imm(R0, 7), new Insn(JMP32 | JA, 0, 0, 0, 1), mov64Imm(R0, 8)));
        // loop: sum 1..10
        assertEquals(55, eval(mov64Imm(R0, 0), mov64Imm(R1, 1), alu64Reg(ADD, R0, R1), alu64Imm(ADD, R1, 1),
                jumpImm(JLE, R1, 10, -3)));
    }

    @Test
    void localCallsKeepCalleeSavedRegisters() {
        assertEquals(6 + 100, eval(mov64Imm(R6, 100), mov64Imm(R1, 3), callLocal("twice", 2), alu64Reg(ADD, R0, R6),
                exit(), mov64Imm(R6, 0), mov64Reg(R0, R1), alu64Reg(ADD, R0, R1)));
    }

    @Test
    void legacyPacketLoadsAreBigEndian() {
        byte[] packet = new byte[64];
        packet[12] = 0x08; packet[13] = 0x00;
        Interpreter in = new Interpreter(Programs.object("socket", List.of(),
                mov64Reg(R6, R1), new Insn(LD | ABS | H, 0, 0, 0, 12), exit()));
        assertEquals(0x0800, in.runPacket("prog", packet));
        Interpreter out = new Interpreter(Programs.object("socket", List.of(),
                mov64Reg(R6, R1), new Insn(LD | ABS | W, 0, 0, 0, 100), mov64Imm(R0, 7), exit()));
        assertEquals(0, out.runPacket("prog", packet), "an out-of-bounds LD_ABS ends the program with 0");
    }

    @Test
    void xdpReadsAndWritesThePacket() {
        byte[] packet = { 1, 2, 3, 4 };
        Interpreter in = new Interpreter(Programs.object("xdp", List.of(),
                load(4, R2, R1, 0), load(4, R3, R1, 4), mov64Reg(R4, R2), alu64Imm(ADD, R4, 4), jumpReg(JGT, R4, R3, 3),
                load(1, R5, R2, 3), store(1, R2, 0, R5), mov64Imm(R0, 2), exit()));
        assertEquals(2, in.runPacket("prog", packet));
        assertEquals(4, packet[0]);
    }

    @Test
    void mapHelpersCountPerProcess() {
        Insn[] prog = {
            call(14), alu64Imm(RSH, R0, 32), store(4, R10, -4, R0),
            mov64Reg(R2, R10), alu64Imm(ADD, R2, -4), ldMap(R1, "counts"), call(1), jumpImm(JNE, R0, 0, 10),
            storeImm(8, R10, -16, 1), ldMap(R1, "counts"), mov64Reg(R2, R10), alu64Imm(ADD, R2, -4),
            mov64Reg(R3, R10), alu64Imm(ADD, R3, -16), mov64Imm(R4, 0), call(2), ja(2),
            mov64Imm(R1, 1), atomic(8, ADD, R0, 0, R1), mov64Imm(R0, 0), exit() };
        var obj = Programs.object("tracepoint/syscalls/sys_enter_read", List.of(COUNTS), prog);
        assertTrue(Verifier.verify(obj, obj.programs().get(0)).ok(), () -> Verifier.verify(obj, obj.programs().get(0)).toString());
        Interpreter in = new Interpreter(obj);
        in.helpers().pidTgid(42, 43);
        in.run("prog", new byte[64]);
        in.run("prog", new byte[64]);
        in.helpers().pidTgid(7, 7);
        in.run("prog", new byte[64]);
        assertEquals(2L, in.map("counts").getLong(42));
        assertEquals(1L, in.map("counts").getLong(7));
        assertEquals(2, in.map("counts").size());
    }

    @Test
    void ringBufferRecordsAreEmittedOnSubmitOnly() {
        Insn[] prog = { mov64Reg(R6, R1), ldMap(R1, "events"), mov64Imm(R2, 8), mov64Imm(R3, 0), call(131),
                jumpImm(JEQ, R0, 0, 8), load(8, R7, R6, 8), store(8, R0, 0, R7), mov64Reg(R1, R0), mov64Imm(R2, 0),
                jumpImm(JEQ, R7, 0, 2), call(132), ja(1), call(133), mov64Imm(R0, 0), exit() };
        var obj = Programs.object("tracepoint/x/y", List.of(EVENTS), prog);
        assertTrue(Verifier.verify(obj, obj.programs().get(0)).ok(), () -> Verifier.verify(obj, obj.programs().get(0)).toString());
        Interpreter in = new Interpreter(obj);
        byte[] ctx = new byte[16];
        ctx[8] = 9;
        in.run("prog", ctx);
        in.run("prog", new byte[16]); // value 0: discarded
        assertEquals(1, in.map("events").records().size());
        assertEquals(9, in.map("events").records().get(0)[0]);
    }

    @Test
    void simulatedHelpersReturnWhatTheTestSet() {
        Interpreter in = new Interpreter(Programs.object("tracepoint/a/b", List.of(),
                call(15), mov64Reg(R6, R0), call(8), alu64Reg(ADD, R6, R0), call(7), alu64Reg(ADD, R6, R0),
                mov64Reg(R1, R10), alu64Imm(ADD, R1, -16), mov64Imm(R2, 16), call(16), load(1, R0, R10, -16),
                alu64Reg(ADD, R0, R6), exit()));
        in.helpers().uidGid(1000, 0).cpu(1).random(5).comm("A");
        assertEquals(1000 + 1 + 5 + 'A', in.run("prog", new byte[16]));
    }

    @Test
    void tracePrintkFormats() {
        // "n=%d\n" on the stack
        Interpreter in = new Interpreter(Programs.object("tracepoint/a/b", List.of(),
                storeImm(4, R10, -8, 0x64253d6e), storeImm(4, R10, -4, 0), mov64Reg(R1, R10), alu64Imm(ADD, R1, -8),
                mov64Imm(R2, 8), mov64Imm(R3, -3), call(6), mov64Imm(R0, 0), exit()));
        in.run("prog", new byte[8]);
        assertEquals(List.of("n=-3"), in.printk());
    }

    @Test
    void runawayProgramsStop() {
        Interpreter in = new Interpreter(Programs.object("socket", List.of(), mov64Imm(R0, 0), ja(-1), exit()));
        SimulationException e = assertThrows(SimulationException.class, () -> in.runPacket("prog", new byte[16]));
        assertTrue(e.getMessage().contains("more than"), e.getMessage());
    }

    @Test
    void rawProgramsTakeTheirArgumentsInR1ToR5() {
        org.jbpf.core.obj.BpfObject o = Programs.object("raw", List.of(), mov64Reg(R0, R1), alu64Reg(MUL, R0, R2),
                alu64Reg(ADD, R0, R5), exit());
        assertEquals(6 * 7 + 100, new Interpreter(o).runWithArguments(o.programs().get(0), 6, 7, 0, 0, 100));
        assertEquals(0, new Interpreter(o).runWithArguments(o.programs().get(0), 6));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Interpreter(o).runWithArguments(o.programs().get(0), 1, 2, 3, 4, 5, 6));
        assertEquals("program prog: at most 5 arguments (r1..r5), got 6", e.getMessage());
    }

    @Test
    void legacyPacketLoadWithoutPacketIsASimulationError() {
        org.jbpf.core.obj.BpfObject o = Programs.object("raw", List.of(), mov64Reg(R6, R1), new Insn(LD | ABS | B, 0, 0, 0, 12), exit());
        SimulationException e = assertThrows(SimulationException.class, () -> new Interpreter(o).runWithArguments(o.programs().get(0)));
        assertEquals("prog insn 1 (r0 = *(u8 *)skb[12]): LD_ABS/LD_IND read packet data, but the program was run without a packet;"
                + " use runPacket", e.getMessage());
    }

    @Test
    void callThroughRegisterIsRefused() {
        org.jbpf.core.obj.BpfObject o = Programs.object("raw", List.of(), mov64Imm(R1, 0), new Insn(JMP | CALL | X, 1, 0, 0, 0),
                exit());
        SimulationException e = assertThrows(SimulationException.class, () -> new Interpreter(o).runWithArguments(o.programs().get(0)));
        assertTrue(e.getMessage().startsWith("prog insn 1 ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("): calls through a register (callx, opcode 8d) are not BPF the kernel runs"), e.getMessage());
    }
}
