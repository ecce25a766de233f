package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jbpf.core.asm.Disassembler;
import org.jbpf.core.asm.Insn;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/**
 * {@code ctx.length()} as a 32-bit difference, the widenings to long that stay and go after it, and an early
 * return that shares the program's exit.
 */
class PacketLengthCodeTest {
    private static List<Insn> code(String probe) {
        return Translator.translate("org.jbpf.translator.opt.PacketLengthProbes$" + probe,
                Translator.ClassSource.of(PacketLengthCodeTest.class.getClassLoader())).programs().get(0).insns();
    }

    private static long signExtensions(List<Insn> code) {
        return code.stream().filter(i -> i.opcode() == (ALU64 | MOV | X) && i.off() == 32).count();
    }

    private static long count(List<Insn> code, int opcode) {
        return code.stream().filter(i -> i.opcode() == opcode).count();
    }

    /** Instruction slots: a 64-bit immediate load takes two. */
    private static long slots(List<Insn> code) {
        return code.stream().mapToLong(i -> i.opcode() == (LD | IMM | DW) ? 2 : 1).sum();
    }

    @Test
    void aCountedLengthIsA32BitDifferenceStoredWithoutWideningAndTheDropSharesTheExit() {
        List<Insn> code = code("Counted");
        String listing = Disassembler.listing(code);
        assertEquals(1, count(code, ALU | SUB | X), listing);
        assertEquals(0, count(code, ALU64 | SUB | X), listing);
        assertEquals(0, signExtensions(code), listing);
        assertEquals(1, count(code, JMP | EXIT), listing);
        // two loads and the difference, XDP_DROP set before its test, two lookups with their adds, XDP_PASS, exit
        assertEquals(24, slots(code), listing);
        assertTrue(listing.contains("w0 = 1") && listing.indexOf("w0 = 1") < listing.indexOf("if w"), listing);
    }

    @Test
    void aDifferenceThatMayBeNegativeKeepsItsWidening() {
        List<Insn> code = code("Differences");
        assertEquals(1, signExtensions(code), Disassembler.listing(code));
    }

    @Test
    void aLengthTheVerifierMustBoundKeepsItsWideningWhenComparedAfterwards() {
        List<Insn> code = code("Compared");
        assertEquals(1, signExtensions(code), Disassembler.listing(code));
    }

    @Test
    void aMaskedValueTheVerifierKnowsNonNegativeLosesItsWideningWhateverReadsIt() {
        List<Insn> code = code("Masked");
        assertEquals(0, signExtensions(code), Disassembler.listing(code));
    }
}
