package org.jbpf.core.asm;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Every ALU operation in both widths on the edge values where the RFC 9669 rules matter. */
class AluSemanticsTest {
    private static final long MIN = Long.MIN_VALUE, MAX = Long.MAX_VALUE, U32 = 0xffffffffL;

    private static long a64(int op, long dst, long src) { return AluSemantics.eval(ALU64 | op | X, 0, 0, dst, src); }
    private static long a32(int op, long dst, long src) { return AluSemantics.eval(ALU | op | X, 0, 0, dst, src); }
    private static long s64(int op, long dst, long src) { return AluSemantics.eval(ALU64 | op | X, AluSemantics.SIGNED, 0, dst, src); }
    private static long s32(int op, long dst, long src) { return AluSemantics.eval(ALU | op | X, AluSemantics.SIGNED, 0, dst, src); }

    @Test void addSubMulWrapAndAlu32ZeroExtends() {
        assertEquals(MIN, a64(ADD, MAX, 1));
        assertEquals(0, a32(ADD, 0xffffffffL, 1));
        assertEquals(0x1_0000_0000L + 5 & U32, a32(ADD, 0x1_0000_0002L, 3), "upper halves of the operands are ignored");
        assertEquals(MAX, a64(SUB, MIN, 1));
        assertEquals(U32, a32(SUB, 0, 1), "-1 in 32 bits, zero-extended");
        assertEquals(0xfffffffffffffffeL, a64(MUL, MAX, 2));
        assertEquals(0xfffffffeL, a32(MUL, 0x7fffffff, 2));
        assertEquals(1, a32(MUL, -1, -1));
    }

    @Test void unsignedDivisionAndModulo() {
        assertEquals(0x7fffffffffffffffL, a64(DIV, -1, 2), "unsigned: -1 is 2^64-1");
        assertEquals(1, a64(MOD, -1, 2));
        assertEquals(0x7fffffffL, a32(DIV, -1, 2), "32-bit unsigned: 0xffffffff / 2");
        assertEquals(3, a32(DIV, 0x5_0000_0007L, 2), "only the low 32 bits divide");
        assertEquals(1, a32(MOD, -1, 2));
        assertEquals(0, a64(DIV, 5, -1), "5 / (2^64-1)");
        assertEquals(5, a64(MOD, 5, -1));
    }

    @Test void divisionByZeroGivesZeroAndModuloByZeroKeepsTheDividend() {
        assertEquals(0, a64(DIV, 12345, 0));
        assertEquals(0, s64(DIV, -12345, 0));
        assertEquals(0, a32(DIV, 12345, 0));
        assertEquals(0, a32(DIV, 7, 0x1_0000_0000L), "the 32-bit divisor is the low half: zero");
        assertEquals(-12345, a64(MOD, -12345, 0));
        assertEquals(-12345, s64(MOD, -12345, 0));
        assertEquals(0xabcdL, a32(MOD, 0x7777_0000_abcdL, 0), "the 32-bit dividend, its upper half zeroed");
        assertEquals(0xffffcfc7L, s32(MOD, -12345, 0));
    }

    @Test void signedDivisionTruncatesAndModuloTakesTheDividendsSign() {
        assertEquals(-3, s64(DIV, -7, 2));
        assertEquals(-1, s64(MOD, -7, 2));
        assertEquals(1, s64(MOD, 7, -2));
        assertEquals(-3, s64(DIV, 7, -2));
        assertEquals(MIN, s64(DIV, MIN, -1), "overflow wraps");
        assertEquals(0, s64(MOD, MIN, -1));
        assertEquals(0xfffffffdL, s32(DIV, -7, 2));
        assertEquals(0x80000000L, s32(DIV, Integer.MIN_VALUE, -1));
        assertEquals(0, s32(MOD, Integer.MIN_VALUE, -1));
        assertEquals(U32, s32(MOD, -7, 2));
    }

    @Test void bitOperations() {
        assertEquals(0xff00ff00ff00ff00L | 0x0f, a64(OR, 0xff00ff00ff00ff00L, 0x0f));
        assertEquals(0xf0f0f0f0L, a32(OR, 0xffff_ffff_f0f0_0000L, 0xf0f0L));
        assertEquals(0x0000ff00L, a64(AND, 0xff00ff00L, 0x0000ffffL | 0xff00L));
        assertEquals(0, a32(AND, 0xffff_ffff_0000_0000L, -1));
        assertEquals(~0x1234L, a64(XOR, 0x1234, -1));
        assertEquals(0xffffedcbL, a32(XOR, 0x1234, -1));
    }

    @Test void shiftCountsAreMaskedToTheWidth() {
        assertEquals(2, a64(LSH, 1, 65));
        assertEquals(MIN, a64(LSH, 1, 63));
        assertEquals(2, a32(LSH, 1, 33));
        assertEquals(0x80000000L, a32(LSH, 1, 31));
        assertEquals(0, a32(LSH, 0x8000_0000L, 1), "the bit leaves 32 bits and is gone");
        assertEquals(1, a64(RSH, MIN, 63));
        assertEquals(MIN >>> 1, a64(RSH, MIN, 65));
        assertEquals(0x7fffffffL, a32(RSH, -1, 33));
        assertEquals(-1, a64(ARSH, MIN, 63));
        assertEquals(MIN >> 4, a64(ARSH, MIN, 68));
        assertEquals(U32, a32(ARSH, 0x8000_0000L, 31), "sign of bit 31, then zero-extended");
        assertEquals(0xc0000000L, a32(ARSH, 0x8000_0000L, 33));
        assertEquals(0x12345678L, a32(LSH, 0x12345678L, 32), "count 32 masks to 0");
    }

    @Test void negAndMov() {
        assertEquals(MIN, AluSemantics.eval(ALU64 | NEG, 0, 0, MIN, 0));
        assertEquals(-5, AluSemantics.eval(ALU64 | NEG, 0, 0, 5, 0));
        assertEquals(0xfffffffbL, AluSemantics.eval(ALU | NEG, 0, 0, 5, 0));
        assertEquals(0x80000000L, AluSemantics.eval(ALU | NEG, 0, 0, 0x8000_0000L, 0));
        assertEquals(MIN, a64(MOV, 0, MIN));
        assertEquals(0x89abcdefL, a32(MOV, 0, 0x0123_4567_89ab_cdefL));
    }

    @Test void movsxSignExtendsFromItsWidth() {
        assertEquals(-128, AluSemantics.eval(ALU64 | MOV | X, 8, 0, 0, 0x180));
        assertEquals(0x7f, AluSemantics.eval(ALU64 | MOV | X, 8, 0, 0, 0xff7f));
        assertEquals(-32768, AluSemantics.eval(ALU64 | MOV | X, 16, 0, 0, 0x1_8000));
        assertEquals(Integer.MIN_VALUE, AluSemantics.eval(ALU64 | MOV | X, 32, 0, 0, 0x1_8000_0000L));
        assertEquals(0xffffff80L, AluSemantics.eval(ALU | MOV | X, 8, 0, 0, 0x80), "32-bit movsx: extended to 32 then zero-extended");
        assertEquals(0xffff8000L, AluSemantics.eval(ALU | MOV | X, 16, 0, 0, 0x8000));
    }

    @Test void byteOrder() {
        long v = 0x0123_4567_89ab_cdefL;
        assertEquals(0xcdefL, AluSemantics.eval(ALU | END | TO_LE, 0, 16, v, 0), "to-le truncates");
        assertEquals(0x89abcdefL, AluSemantics.eval(ALU | END | TO_LE, 0, 32, v, 0));
        assertEquals(v, AluSemantics.eval(ALU | END | TO_LE, 0, 64, v, 0));
        assertEquals(0xefcdL, AluSemantics.eval(ALU | END | TO_BE, 0, 16, v, 0));
        assertEquals(0xefcdab89L, AluSemantics.eval(ALU | END | TO_BE, 0, 32, v, 0));
        assertEquals(0xefcdab8967452301L, AluSemantics.eval(ALU | END | TO_BE, 0, 64, v, 0));
        assertEquals(0xefcdL, AluSemantics.eval(ALU64 | END, 0, 16, v, 0), "bswap reverses whatever the source bit");
        assertEquals(0xefcdab89L, AluSemantics.eval(ALU64 | END, 0, 32, v, 0));
        assertEquals(0xefcdab8967452301L, AluSemantics.eval(ALU64 | END, 0, 64, v, 0));
        assertEquals("byte swap width must be 16, 32 or 64: 8",
                assertThrows(IllegalArgumentException.class, () -> AluSemantics.eval(ALU | END | TO_BE, 0, 8, v, 0)).getMessage());
    }

    @Test void immediatesAreSignExtendedOperands() {
        assertEquals(-1, AluSemantics.immOperand(0xffffffffL));
        assertEquals(0, AluSemantics.apply(Insn.alu64Imm(ADD, R1, -1), 1, 999), "K form: the immediate, not the source register");
        assertEquals(0x7fffffffffffffffL, AluSemantics.apply(Insn.alu64Imm(RSH, R1, 1), -1, 0));
        assertEquals(1000, AluSemantics.apply(Insn.alu64Reg(ADD, R1, R2), 1, 999));
        assertEquals(0, AluSemantics.apply(Insn.alu64Imm(DIV, R1, -1), 5, 0), "imm -1 divides as 2^64-1");
        assertEquals(-3, AluSemantics.apply(Insn.sdivImm(DIV, true, R1, 2), -7, 0));
        assertEquals(0xefcdL, AluSemantics.apply(new Insn(ALU | END | TO_BE, R1, 0, 0, 16), 0xcdef, 0));
        assertEquals(-128, AluSemantics.apply(Insn.movsx64(R1, R2, 8), 0, 0x80));
    }

    @Test void unknownOperationsAndClassesAreRefused() {
        assertEquals("no ALU operation 0xe0", assertThrows(IllegalArgumentException.class, () -> a64(0xe0, 1, 1)).getMessage());
        assertEquals("opcode 0x15 is not an ALU instruction",
                assertThrows(IllegalArgumentException.class, () -> AluSemantics.eval(JMP | JEQ, 0, 0, 1, 1)).getMessage());
    }

    @Test void conditionalJumps() {
        assertTrue(AluSemantics.jumpTaken(JMP | JGT, -1, 1), "unsigned: -1 is the largest");
        assertFalse(AluSemantics.jumpTaken(JMP | JSGT, -1, 1));
        assertTrue(AluSemantics.jumpTaken(JMP32 | JEQ, 0x1_0000_0005L, 5), "JMP32 compares the low halves");
        assertFalse(AluSemantics.jumpTaken(JMP | JEQ, 0x1_0000_0005L, 5));
        assertTrue(AluSemantics.jumpTaken(JMP32 | JSLT, 0x8000_0000L, 0), "bit 31 is the JMP32 sign");
        assertFalse(AluSemantics.jumpTaken(JMP | JSLT, 0x8000_0000L, 0));
        assertTrue(AluSemantics.jumpTaken(JMP32 | JGT, 0xffff_ffffL, 0x1_0000_0000L));
        assertTrue(AluSemantics.jumpTaken(JMP | JGE, 5, 5));
        assertFalse(AluSemantics.jumpTaken(JMP | JLT, 5, 5));
        assertTrue(AluSemantics.jumpTaken(JMP | JLE, 5, 5));
        assertTrue(AluSemantics.jumpTaken(JMP | JSGE, -5, -5));
        assertTrue(AluSemantics.jumpTaken(JMP | JSLE, MIN, MAX));
        assertTrue(AluSemantics.jumpTaken(JMP | JNE, 1, 2));
        assertTrue(AluSemantics.jumpTaken(JMP | JSET, 6, 2));
        assertFalse(AluSemantics.jumpTaken(JMP32 | JSET, 0x1_0000_0000L, 0x1_0000_0000L));
        assertThrows(IllegalArgumentException.class, () -> AluSemantics.jumpTaken(JMP | CALL, 0, 0));
    }
}
