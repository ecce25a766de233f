package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jbpf.core.asm.Insn;

/**
 * The checks the kernel makes before exploring any path: every instruction is a valid encoding, every jump and call
 * lands on an instruction, every instruction is reachable and the code cannot run past its end; and, once all paths
 * are explored, that the stacks of one call chain fit together in 512 bytes.
 */
final class ControlFlowChecks {
    private final VerifierContext cx;

    ControlFlowChecks(VerifierContext cx) { this.cx = cx; }

    /** Checks the program's shape; returns which instructions are jump or call targets (where states are pruned). */
    boolean[] check() {
        List<Insn> insns = cx.insns;
        int n = insns.size();
        for (cx.pc = 0; cx.pc < n; cx.pc++) checkEncoding(insns.get(cx.pc));
        Insn last = insns.get(n - 1);
        if (!last.isExit() && !(op(last.opcode()) == JA && isJump(last.opcode()))) {
            cx.pc = n - 1;
            throw new Reject("last insn is not an exit or jmp", "the program can run past its last instruction");
        }
        boolean[] prunePoint = new boolean[n];
        boolean[] seen = new boolean[n];
        Deque<Integer> work = new ArrayDeque<>();
        work.push(0);
        seen[0] = true;
        while (!work.isEmpty()) {
            int pc = cx.pc = work.pop();
            Insn in = insns.get(pc);
            List<Integer> next = new ArrayList<>();
            if (in.isExit()) {
                // no successor
            } else if (in.isJump()) {
                int t = cx.targetIndex(pc, in.jumpOffset(), false);
                next.add(t);
                prunePoint[t] = true;
                if (in.isConditionalJump()) { next.add(pc + 1); prunePoint[pc + 1] = true; }
            } else if (in.isLocalCall()) {
                int t = cx.targetIndex(pc, (int) in.imm(), true);
                next.add(t);
                prunePoint[t] = true;
                next.add(pc + 1);
            } else {
                next.add(pc + 1);
            }
            for (int t : next) {
                if (t >= n) throw new Reject("jump out of range from insn " + cx.slotOf[pc] + " to " + cx.slotOf[n],
                        "execution runs past the end of the program");
                if (!seen[t]) { seen[t] = true; work.push(t); }
            }
        }
        for (cx.pc = 0; cx.pc < n; cx.pc++)
            if (!seen[cx.pc]) throw new Reject("unreachable insn " + cx.slotOf[cx.pc], "this code can never run; remove it");
        return prunePoint;
    }

    private static void checkEncoding(Insn in) {
        int opc = in.opcode(), c = cls(opc), op = op(opc);
        boolean ok;
        switch (c) {
            case ALU: case ALU64:
                ok = op <= END && (op != END || in.imm() == 16 || in.imm() == 32 || in.imm() == 64)
                        && !(c == ALU64 && op == END && source(opc) != 0)
                        && (op != MOV || source(opc) == K || in.off() == 0 || in.off() == 8 || in.off() == 16 || (c == ALU64 && in.off() == 32))
                        && ((op == DIV || op == MOD) ? in.off() == 0 || in.off() == 1 : op == MOV || in.off() == 0);
                break;
            case JMP: case JMP32:
                ok = op != 0xe0 && op != 0xf0 && !(c == JMP32 && (op == CALL || op == EXIT));
                break;
            case LD:
                ok = opc == (LD | IMM | DW) || mode(opc) == ABS || mode(opc) == IND;
                ok &= mode(opc) == IMM || size(opc) != DW;
                break;
            case LDX:
                ok = mode(opc) == MEM || (mode(opc) == MEMSX && size(opc) != DW);
                break;
            case ST:
                ok = mode(opc) == MEM;
                break;
            default: // STX
                ok = mode(opc) == MEM || (mode(opc) == ATOMIC && (size(opc) == W || size(opc) == DW));
        }
        if (!ok) throw new Reject(String.format("unknown opcode %02x", opc), "instruction " + in + " is not a valid BPF instruction");
        if (in.dst() > 10 || in.src() > 10 && !in.isLdImm64() && !in.isCall())
            throw new Reject("R" + Math.max(in.dst(), in.src()) + " is invalid", "register number out of range in " + in);
    }

    /** The kernel adds up the stack of every function along the deepest call chain (rounded to 16 bytes). */
    void checkCombinedStack() {
        int[] worst = chain(0, new HashSet<>());
        if (worst[0] > StackState.SIZE) {
            cx.pc = 0;
            throw new Reject("combined stack size of " + worst[1] + " calls is " + worst[0] + ". Too large",
                    "the functions on one call chain use " + worst[0] + " bytes of stack together, more than 512");
        }
    }

    private int[] chain(int function, Set<Integer> onPath) {
        int own = (cx.maxDepth.getOrDefault(function, 0) + 15) / 16 * 16;
        int[] best = { own, 1 };
        if (!onPath.add(function)) return best;
        for (int callee : cx.callees.getOrDefault(function, Set.of())) {
            int[] c = chain(callee, onPath);
            if (own + c[0] > best[0]) best = new int[] { own + c[0], c[1] + 1 };
        }
        onPath.remove(function);
        return best;
    }
}
