package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jbpf.core.asm.Disassembler;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which updates of a looked-up array value become stores through its pointer, and the code they leave. */
class ArrayElementStoresTest {
    static List<Insn> code(String probe) {
        return Translator.translate("org.jbpf.translator.intrinsic.ArrayElementStoreProbes$" + probe,
                Translator.ClassSource.of(ArrayElementStoresTest.class.getClassLoader())).programs().get(0).insns();
    }

    static long calls(List<Insn> code, int helper) {
        return code.stream().filter(i -> i.opcode() == (JMP | CALL) && i.imm() == helper).count();
    }

    static long slots(List<Insn> code) {
        return code.stream().mapToLong(i -> i.opcode() == (LD | IMM | DW) ? 2 : 1).sum();
    }

    /** Stores of {@code size} through a register other than the frame's: into the looked-up value. */
    static long storesThroughPointer(List<Insn> code, int size) {
        return code.stream().filter(i -> i.opcode() == (STX | MEM | size) && i.dst() != R10).count();
    }

    @Test
    void theLargestValueIsStoredWhereTheLookupPointsAsCWritesIt() {
        List<Insn> code = code("Largest");
        String listing = Disassembler.listing(code);
        assertEquals(0, calls(code, HelperTable.MAP_UPDATE_ELEM), listing);
        assertEquals(1, storesThroughPointer(code, DW), listing);
        // load n, key, map, key address, lookup, null test, load, compare, store, return 0: clang-19's 13 slots
        assertEquals(13, slots(code), listing);
    }

    @Test
    void aPerCpuArrayStoresIntoThisCpusValueWithTheValuesWidth() {
        List<Insn> code = code("PerCpuLargest");
        String listing = Disassembler.listing(code);
        assertEquals(0, calls(code, HelperTable.MAP_UPDATE_ELEM), listing);
        assertEquals(1, storesThroughPointer(code, W), listing);
    }

    @Test
    void aStructOfThreeLongsIsCopiedInThreeStores() {
        List<Insn> code = code("StructOfThree");
        String listing = Disassembler.listing(code);
        assertEquals(0, calls(code, HelperTable.MAP_UPDATE_ELEM), listing);
        assertEquals(3, storesThroughPointer(code, DW), listing);
        for (int off : new int[] {0, 8, 16})
            assertTrue(code.stream().anyMatch(i -> i.opcode() == (STX | MEM | DW) && i.dst() != R10 && i.off() == off), listing);
    }

    @Test
    void theStatusOfAnUpdateWithExistIsZero() {
        List<Insn> code = code("ExistStatus");
        String listing = Disassembler.listing(code);
        assertEquals(0, calls(code, HelperTable.MAP_UPDATE_ELEM), listing);
        int exit = code.size() - 1;
        assertEquals(JMP | EXIT, code.get(exit).opcode(), listing);
        // both returns give 0: the missing value's and the update's
        assertTrue(code.stream().filter(i -> i.dst() == R0 && cls(i.opcode()) == ALU64 && op(i.opcode()) == MOV)
                .allMatch(i -> source(i.opcode()) == K && i.imm() == 0), listing);
    }

    @Test
    void aKeyVariableUnchangedSinceTheLookupInTheProgramsOwnStraightCodeUpdatesInPlace() {
        List<Insn> code = code("KeyVariable");
        String listing = Disassembler.listing(code);
        assertEquals(0, calls(code, HelperTable.MAP_UPDATE_ELEM), listing);
        assertEquals(1, storesThroughPointer(code, DW), listing);
    }

    @ParameterizedTest
    @CsvSource({
        "KeyReassigned, the key variable changed since the lookup",
        "PreviousIteration, in a loop a pointer may be from the lookup's run under another key",
        "KeyInHelper, an inlined body may run more than once",
        "StructOfFour, the copy would take as many slots as the call",
        "NoExist, NOEXIST fails on an array: the call's status is kept",
        "Hash, a hash map's update may put a new element in the old one's stead",
        "OtherKey, the update writes another key's element",
        "MaybeNull, the lookup may have found nothing",
    })
    void otherUpdatesStayCalls(String probe, String why) {
        List<Insn> code = code(probe);
        assertEquals(1, calls(code, HelperTable.MAP_UPDATE_ELEM), why + "\n" + Disassembler.listing(code));
    }
}
