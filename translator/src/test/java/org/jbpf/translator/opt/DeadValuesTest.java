package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jbpf.translator.mir.Mir;
import org.junit.jupiter.api.Test;

/**
 * Values no path reads and copies that change nothing, before and after register allocation: the code
 * {@link DeadCodeElimination}, {@link StoreReloadForwarding} and {@link SelfMoveElimination} leave, by its text.
 */
class DeadValuesTest {

    @Test
    void aConstantOverwrittenOnEveryPathGoesThoughItsRegisterIsReadLater() {
        // x = 0 is a branch lowering's first guess; both paths set x again before the exit reads it
        MirPassesTest.B b = new MirPassesTest.B();
        int v = b.v(), x = b.v();
        Mir.Label other = b.newLabel(), end = b.newLabel();
        b.load(v, R1, 0).movImm(x, 0).jeq(v, 0, other).movImm(x, 1).jump(end);
        b.label(other).movImm(x, 2);
        b.label(end).exit(x);
        new DeadCodeElimination().run(b.mir);
        assertEquals(List.of("r15 = *(u64 *)(r1 +0) [dst v16]", "if r15 == 0x0 goto pc+0 [dst v16] -> L0", "r15 = 1 [dst v17]",
                "goto pc+0 -> L1", "L0:", "r15 = 2 [dst v17]", "L1:", "r0 = r15 [src v17]", "exit"), b.text());
    }

    @Test
    void aConstantOnePathReadsStays() {
        MirPassesTest.B b = new MirPassesTest.B();
        int v = b.v(), x = b.v();
        Mir.Label end = b.newLabel();
        b.load(v, R1, 0).movImm(x, 0).jeq(v, 0, end).movImm(x, 1);
        b.label(end).exit(x);
        List<String> before = b.text();
        new DeadCodeElimination().run(b.mir);
        assertEquals(before, b.text());
    }

    @Test
    void deadValuesOfAllocatedRegistersGoButCallArgumentsAndTheResultStay() {
        MirPassesTest.B b = new MirPassesTest.B();
        b.movImm(R6, 5).movImm(R1, 1).movImm(R2, 2).movImm(R6, 7).call(org.jbpf.core.helper.HelperTable.MAP_LOOKUP_ELEM, 2)
                .movImm(R3, 3).addReg(R0, R6).add(JMP | EXIT, 0, 0, 0, 0);
        new DeadCodeElimination().run(b.mir);
        assertEquals(List.of("r1 = 1", "r2 = 2", "r6 = 7", "call bpf_map_lookup_elem#1", "r0 += r6", "exit"), b.text());
    }

    @Test
    void aReloadOfTheSlotJustStoredBecomesACopyOrNothing() {
        MirPassesTest.B b = new MirPassesTest.B();
        b.movImm(R6, 5).store(8, -8, R6).load(R6, R10, -8).store(8, -16, R6).load(R7, R10, -16)
                .store(4, -24, R7);
        b.add(LDX | MEM | W, R7, R10, -24, 0);
        b.exit(R7);
        new StoreReloadForwarding().run(b.mir);
        new SelfMoveElimination().run(b.mir);
        // the 4-byte reload also cuts the value to 32 bits: it stays
        assertEquals(List.of("r6 = 5", "*(u64 *)(r10 -8) = r6", "*(u64 *)(r10 -16) = r6", "r7 = r6", "*(u32 *)(r10 -24) = r7",
                "r7 = *(u32 *)(r10 -24)", "r0 = r7", "exit"), b.text());
    }

    @Test
    void aCopyBackOfTheValueJustCopiedGoesUnlessALabelSeparatesThem() {
        MirPassesTest.B b = new MirPassesTest.B();
        Mir.Label l = b.newLabel();
        b.movImm(R8, 1).mov(R0, R8).mov(R8, R0).mov(R1, R8).label(l).mov(R8, R1).addImm(R8, 1).jeq(R8, 9, l).exit(R8);
        new SelfMoveElimination().run(b.mir);
        assertEquals(List.of("r8 = 1", "r0 = r8", "r1 = r8", "L0:", "r8 = r1", "r8 += 1", "if r8 == 0x9 goto pc+0 -> L0",
                "r0 = r8", "exit"), b.text());
    }
}
