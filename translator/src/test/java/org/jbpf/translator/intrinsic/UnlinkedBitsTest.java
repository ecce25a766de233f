package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.jbpf.core.asm.Disassembler;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/**
 * Math.abs and numberOfTrailingZeros test no copy of their argument that the kernel links to it: abs has no branch at
 * all, trailing zeros are counted on the lowest one bit alone. A test of such a copy would narrow the local's range
 * too, and a loop taking the same local's abs or zeros again would find the test decided and keep its paths apart.
 */
class UnlinkedBitsTest {
    private static final long[] VALUES = {0, 1, -1, 5, -5, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE,
            1L << 32, 0x8000000000000000L | 1L << 40, 0x123456789abcdef0L, -0x100000000L, 96, 1L << 63 | 1L << 31};

    private static BpfObject translate(String probe) {
        BpfObject obj = Translator.translate("org.jbpf.translator.intrinsic.UnlinkedBitProbes$" + probe,
                Translator.ClassSource.of(UnlinkedBitsTest.class.getClassLoader()));
        for (VerifierResult r : Verifier.verifyAll(obj)) assertTrue(r.ok(), r.toString());
        return obj;
    }

    private static boolean conditionalJump(Insn i) {
        int c = i.opcode() & 0x07, op = i.opcode() & 0xf0;
        return (c == JMP || c == JMP32) && op != JA && op != CALL && op != EXIT;
    }

    private static long[] run(BpfObject obj, long a) {
        Interpreter interpreter = new Interpreter(obj);
        interpreter.map("in").update(key(0), ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(a).array(), 0);
        assertEquals(2, interpreter.runPacket("run", new byte[64]));
        return new long[] {interpreter.map("out").getLong(0), interpreter.map("out").getLong(1)};
    }

    private static byte[] key(int k) { return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(k).array(); }

    @Test
    void absHasNoBranchAndGivesJavasValues() {
        BpfObject obj = translate("Abs");
        List<Insn> code = obj.programs().get(0).insns();
        String listing = Disassembler.listing(code);
        // the null test of the lookup is the program's only conditional jump
        assertEquals(1, code.stream().filter(UnlinkedBitsTest::conditionalJump).count(), listing);
        assertEquals(1, code.stream().filter(i -> i.opcode() == (ALU64 | ARSH | K) && i.imm() == 63).count(), listing);
        assertEquals(1, code.stream().filter(i -> i.opcode() == (ALU | ARSH | K) && i.imm() == 31).count(), listing);
        for (long a : VALUES) {
            long[] r = run(obj, a);
            assertEquals(Math.abs((int) a), r[0], "Math.abs((int) " + a + ")");
            assertEquals(Math.abs(a), r[1], "Math.abs(" + a + ")");
        }
    }

    @Test
    void trailingZerosTestTheLowestOneBitAloneAndGiveJavasValues() {
        BpfObject obj = translate("TrailingZeros");
        List<Insn> code = obj.programs().get(0).insns();
        String listing = Disassembler.listing(code);
        // the first test after the lookup's null test is of a register the and of x with -x wrote, not of x's copy
        int firstTest = -1;
        for (int k = 0, seen = 0; k < code.size() && firstTest < 0; k++) if (conditionalJump(code.get(k)) && ++seen == 2) firstTest = k;
        int tested = code.get(firstTest).dst(), writer = firstTest - 1;
        while (writer >= 0 && code.get(writer).dst() != tested) writer--;
        assertTrue(writer >= 0, listing);
        assertEquals(ALU64 | AND | X, code.get(writer).opcode(), "the tested register is x & -x: " + listing);
        int negated = code.get(writer).src();
        int neg = writer - 1;
        while (neg >= 0 && code.get(neg).dst() != negated) neg--;
        assertEquals(ALU64 | NEG, code.get(neg).opcode(), listing);
        assertNotEquals(tested, negated, listing);
        for (long a : VALUES) {
            long[] r = run(obj, a);
            assertEquals(Long.numberOfTrailingZeros(a), r[0], "Long.numberOfTrailingZeros(" + a + ")");
            assertEquals(Integer.numberOfTrailingZeros((int) a), r[1], "Integer.numberOfTrailingZeros((int) " + a + ")");
        }
    }
}
