package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.mir.Mir;

/**
 * A {@code bpf_loop} call ({@code Loops.repeat}) whose count is the constant 0 never runs its body and returns 0: it
 * becomes {@code r0 = 0}, and its argument moves go with it: the body's address, so the body is no longer one of
 * the program's functions, and the moves into r1, r3 and r4, which without the call would overwrite whatever the
 * register allocator keeps in those registers across it. The kernel would skip verifying a body no iteration reaches, drop it as dead code and then fail to find
 * it for the address the call passes ("verifier bug: No program to jit").
 */
final class NeverRunLoops implements Pass {
    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        for (int p = 0; p < code.size(); p++) {
            Mir.MInsn call = code.get(p);
            if (!call.isCall() || call.src != 0 || call.imm != HelperTable.LOOP) continue;
            int count = -1, body = -1;
            List<Mir.MInsn> moves = new ArrayList<>();
            // the argument moves of this call: back to the start of its block or the call before it
            for (int q = p - 1; q >= 0; q--) {
                Mir.MInsn m = code.get(q);
                if (m.isLabel() || m.isJump() || m.isCall() || m.isExit()) break;
                int def = Mir.def(m);
                if (def < R1 || def > R5) continue;
                moves.add(m);
                if (count < 0 && def == R1) count = q;
                if (body < 0 && def == R2) body = q;
            }
            if (count < 0 || body < 0) continue;
            Mir.MInsn n = code.get(count), f = code.get(body);
            boolean zero = (n.opcode == (ALU | MOV | K) || n.opcode == (ALU64 | MOV | K)) && n.off == 0 && n.imm == 0;
            if (!zero || f.opcode != (LD | IMM | DW) || f.src != PSEUDO_FUNC) continue;
            call.opcode = ALU64 | MOV | K;
            call.dst = R0;
            call.src = 0;
            call.imm = 0;
            call.ref = null;
            call.callArgs = 0;
            code.removeAll(moves);
            p -= moves.size();
        }
    }
}
