package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.translator.mir.Mir;

/** Every {@code r0 = K; exit} but the last one with the same K becomes a jump to that last one. */
final class ReturnMerging implements Pass {
    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        Map<Long, Integer> last = new HashMap<>();
        for (int i = 0; i + 1 < code.size(); i++)
            if (isReturnConstant(code.get(i)) && code.get(i + 1).isExit()) last.put(code.get(i).imm, i);
        // a snapshot of the constants: merging one moves the others' positions, which are then looked up again
        for (Long k : List.copyOf(last.keySet())) {
            Map.Entry<Long, Integer> e = Map.entry(k, last.get(k));
            int at = e.getValue();
            Mir.Label ret = mir.newLabel();
            Mir.MInsn label = new Mir.MInsn();
            label.label = ret;
            label.line = code.get(at).line;
            boolean used = false;
            for (int i = 0; i + 1 < at; i++) {
                Mir.MInsn m = code.get(i);
                if (isReturnConstant(m) && m.imm == e.getKey() && code.get(i + 1).isExit()) {
                    m.opcode = JMP | JA; m.dst = 0; m.src = 0; m.imm = 0; m.target = ret;
                    code.remove(i + 1);
                    at--;
                    used = true;
                }
            }
            if (used) code.add(at, label);
            // positions of the other constants' last returns may have moved; recompute them
            if (used) {
                last.clear();
                for (int i = 0; i + 1 < code.size(); i++)
                    if (isReturnConstant(code.get(i)) && code.get(i + 1).isExit()) last.put(code.get(i).imm, i);
            }
        }
    }

    private static boolean isReturnConstant(Mir.MInsn m) {
        return !m.isLabel() && m.dst == R0 && (m.opcode == (ALU64 | MOV | K) || m.opcode == (ALU | MOV | K));
    }
}
