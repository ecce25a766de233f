package org.jbpf.translator.llvm;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.translator.mir.MirInstruction;

/**
 * The conditional jumps inside a loop: between a label and a later jump back to it. Their tested register is held
 * opaque for LLVM, which would otherwise test a copy of a loop counter taken before the counter changed, against a
 * shifted bound ({@code k-- > 0} as {@code old k > 1} at the loop's end). The kernel learns the bound of the copy only,
 * not of the counter, and gives up on such a loop after a million instructions.
 */
final class LoopTests {
    private LoopTests() {}

    /** For each position of {@code code}, whether it is a conditional jump inside a loop. */
    static boolean[] of(List<MirInstruction> code) {
        Map<Integer, Integer> labelAt = new HashMap<>();
        for (int p = 0; p < code.size(); p++) if (code.get(p).isLabel()) labelAt.put(code.get(p).labelId(), p);
        int[] depth = new int[code.size() + 1];   // +1 at a loop's start, -1 past its back jump
        for (int q = 0; q < code.size(); q++) {
            MirInstruction in = code.get(q);
            if (in.isLabel() || in.targetId() < 0) continue;
            Integer l = labelAt.get(in.targetId());
            if (l != null && l < q) { depth[l]++; depth[q + 1]--; }
        }
        boolean[] inLoop = new boolean[code.size()];
        for (int p = 0, open = 0; p < code.size(); p++) {
            open += depth[p];
            MirInstruction in = code.get(p);
            inLoop[p] = open > 0 && !in.isLabel() && in.targetId() >= 0 && (cls(in.opcode()) == JMP || cls(in.opcode()) == JMP32)
                    && op(in.opcode()) != JA;
        }
        return inLoop;
    }
}
