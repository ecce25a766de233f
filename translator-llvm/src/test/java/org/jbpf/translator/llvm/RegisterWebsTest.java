package org.jbpf.translator.llvm;

import static org.jbpf.core.asm.Opcodes.*;
import static org.jbpf.translator.llvm.LoweringErrorsTest.insn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirInstruction;
import org.junit.jupiter.api.Test;

/** A virtual register reused for unrelated values is split into one register per web; related values stay together. */
class RegisterWebsTest {
    private static final int V = 16;

    /**
     * v16 is a frame address, then a scalar loaded from the frame that becomes an index: split, the index is no longer
     * taken for an address, so the lowering protects it where it is checked and added.
     */
    @Test
    void aRegisterHoldingAnAddressAndThenAnIndexIsSplit() {
        List<MirInstruction> code = List.of(
                insn(ALU64 | MOV | X, V, R10, 0, 0, 0),     // 0: v16 = r10
                insn(ALU64 | ADD | K, V, 0, 0, -8, 0),      // 1: v16 += -8
                insn(ST | MEM | DW, V, 0, 0, 5, 0),         // 2: *(u64 *)(v16 + 0) = 5
                insn(LDX | MEM | DW, V, R10, -8, 0, 0),     // 3: v16 = *(u64 *)(r10 - 8)
                insn(ALU64 | AND | K, V, 0, 0, 7, 0),       // 4: v16 &= 7
                insn(ALU64 | MOV | X, V + 1, R10, 0, 0, 0), // 5: v17 = r10
                insn(ALU64 | ADD | X, V + 1, V, 0, 0, 0),   // 6: v17 += v16
                insn(LDX | MEM | B, R0, V + 1, -16, 0, 0),  // 7: r0 = *(u8 *)(v17 - 16)
                insn(JMP | EXIT, 0, 0, 0, 0, 0));
        assertTrue(AddressRegisters.of(code).contains(V), "before: v16 counts as an address everywhere");
        List<MirInstruction> split = RegisterWebs.split(code);
        int address = split.get(0).dst(), index = split.get(3).dst();
        assertEquals(V, address, "the first web keeps its number");
        assertNotEquals(address, index);
        assertEquals(List.of(address, address, index, index, index), List.of(split.get(1).dst(), split.get(2).dst(), split.get(4).dst(),
                split.get(6).src(), split.get(3).dst()));
        Set<Integer> addresses = AddressRegisters.of(split);
        assertTrue(addresses.contains(address) && addresses.contains(V + 1));
        assertFalse(addresses.contains(index));
        assertEquals(Set.of(index), AddressRegisters.indexes(split, addresses));
    }

    /** Definitions on two paths that reach one use are one web, and a loop's counter keeps one register. */
    @Test
    void definitionsMeetingAtAUseKeepOneRegister() {
        Mir mir = new Mir();
        Mir.Label otherwise = mir.newLabel(), join = mir.newLabel(), loop = mir.newLabel();
        List<MirInstruction> code = List.of(
                insn(LDX | MEM | DW, V, R1, 0, 0, 0),      // 0: v16 = *(u64 *)(r1 + 0)
                jump(JMP | JGT | K, V, 3, otherwise),      // 1: if v16 > 3 goto otherwise
                insn(ALU64 | MOV | K, V + 1, 0, 0, 1, 0),  // 2: v17 = 1
                jump(JMP | JA, 0, 0, join),                // 3: goto join
                label(otherwise),                          // 4
                insn(ALU64 | MOV | K, V + 1, 0, 0, 2, 0),  // 5: v17 = 2
                label(join),                               // 6
                insn(ALU64 | MOV | K, V, 0, 0, 0, 0),      // 7: v16 = 0 (a new web of v16)
                label(loop),                               // 8
                insn(ALU64 | ADD | K, V, 0, 0, 1, 0),      // 9: v16 += 1
                jump(JMP | JLT | X, V, V + 1, loop),       // 10: if v16 < v17 goto loop
                insn(ALU64 | MOV | X, R0, V, 0, 0, 0),     // 11: r0 = v16
                insn(JMP | EXIT, 0, 0, 0, 0, 0));
        List<MirInstruction> split = RegisterWebs.split(code);
        int sum = split.get(2).dst();
        assertEquals(List.of(sum, sum), List.of(split.get(5).dst(), split.get(10).src()));
        int counter = split.get(7).dst();
        assertNotEquals(split.get(0).dst(), counter, "v16 = 0 starts a web of its own");
        assertEquals(List.of(counter, counter, counter), List.of(split.get(9).dst(), split.get(10).dst(), split.get(11).src()));
        assertEquals(split.get(0).dst(), split.get(1).dst());
    }

    /** A fetching atomic reads and writes its source register: the value before it and the old value after it are one web. */
    @Test
    void aFetchingAtomicKeepsItsSourceInOneWeb() {
        List<MirInstruction> code = List.of(
                insn(ALU64 | MOV | K, V, 0, 0, 5, 0),                   // 0: v16 = 5
                insn(STX | MEM | DW, R10, V, -16, 0, 0),                // 1: *(u64 *)(r10 - 16) = v16
                insn(ALU64 | MOV | K, V, 0, 0, 1, 0),                   // 2: v16 = 1 (a new web)
                insn(STX | ATOMIC | DW, R10, V, -8, ADD | FETCH, 0),    // 3: v16 = atomic_fetch_add(*(u64 *)(r10 - 8), v16)
                insn(ALU64 | MOV | X, R0, V, 0, 0, 0),                  // 4: r0 = v16
                insn(JMP | EXIT, 0, 0, 0, 0, 0));
        List<MirInstruction> split = RegisterWebs.split(code);
        int fetched = split.get(2).dst();
        assertNotEquals(split.get(0).dst(), fetched);
        assertEquals(List.of(split.get(0).dst(), fetched, fetched), List.of(split.get(1).src(), split.get(3).src(), split.get(4).src()));
        assertEquals(R10, split.get(3).dst());
    }

    @Test
    void codeWithOneWebPerRegisterIsReturnedAsItIs() {
        List<MirInstruction> code = List.of(insn(ALU64 | MOV | K, V, 0, 0, 4, 0), insn(ALU64 | MOV | X, R0, V, 0, 0, 0), insn(JMP | EXIT, 0, 0, 0, 0, 0));
        assertSame(code, RegisterWebs.split(code));
    }

    private static MirInstruction jump(int opcode, int dst, int imm, Mir.Label target) {
        Mir.MInsn m = (Mir.MInsn) insn(opcode, dst, (opcode & X) != 0 ? imm : 0, 0, (opcode & X) != 0 ? 0 : imm, 0);
        m.target = target;
        return m;
    }

    private static MirInstruction label(Mir.Label l) {
        Mir.MInsn m = new Mir.MInsn();
        m.label = l;
        return m;
    }
}
