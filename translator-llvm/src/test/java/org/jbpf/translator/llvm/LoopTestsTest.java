package org.jbpf.translator.llvm;

import static org.jbpf.core.asm.Opcodes.*;
import static org.jbpf.translator.llvm.LoweringErrorsTest.insn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirInstruction;
import org.junit.jupiter.api.Test;

/** The conditional jumps between a label and a jump back to it are a loop's tests; the others are not. */
class LoopTestsTest {
    @Test
    void onlyConditionalJumpsInsideALoopAreItsTests() {
        Mir mir = new Mir();
        Mir.Label head = mir.newLabel(), exit = mir.newLabel(), skip = mir.newLabel();
        List<MirInstruction> code = List.of(
                jump(JMP | JEQ | K, 16, skip),             // 0: before the loop
                label(skip),                               // 1
                label(head),                               // 2
                insn(ALU64 | MOV | X, 17, 16, 0, 0, 0),    // 3: old k = k
                insn(ALU | ADD | K, 16, 0, 0, -1, 0),      // 4: k -= 1
                jump(JMP32 | JSLE | K, 17, exit),          // 5: if old k <= 0, leave
                jump(JMP | JA, 0, head),                   // 6: back
                label(exit),                               // 7
                jump(JMP | JGT | K, 16, skip),             // 8: after the loop, a jump back that is a loop of its own
                insn(JMP | EXIT, 0, 0, 0, 0, 0));
        assertArrayEquals(new boolean[] {false, false, false, false, false, true, false, false, true, false}, LoopTests.of(code));
    }

    private static MirInstruction jump(int opcode, int dst, Mir.Label target) {
        Mir.MInsn m = (Mir.MInsn) insn(opcode, dst, 0, 0, 0, 0);
        m.target = target;
        return m;
    }

    private static MirInstruction label(Mir.Label l) {
        Mir.MInsn m = new Mir.MInsn();
        m.label = l;
        return m;
    }
}
