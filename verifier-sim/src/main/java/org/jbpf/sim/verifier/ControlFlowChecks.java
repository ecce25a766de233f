package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jbpf.core.asm.Insn;

/**
 * The checks the kernel makes before exploring any path: every instruction is a valid encoding, every jump and call
 * lands on an instruction, every instruction is reachable and the code cannot run past its end; and, once all paths
 * are explored, that the stacks of one call chain fit together in 512 bytes.
 */
final class ControlFlowChecks {
    /** Bytes of stack from which a function gets a private stack, in the types that have them (the kernel's BPF_PRIV_STACK_MIN_SIZE). */
    private static final int PRIVATE_STACK_MIN = 64;

    private final VerifierContext cx;
    private boolean privateStacks;
    /**
     * The instructions the kernel records in a path's jump history whenever it reaches them (its jmp_point): the end
     * of every jump, a function's first instruction, the instruction after any call, and a bpf_loop call itself.
     */
    private boolean[] jumpPoints;

    ControlFlowChecks(VerifierContext cx) { this.cx = cx; }

    /** Checks the program's shape; returns the instructions where states are compared and kept, as in the kernel. */
    boolean[] check() {
        int n = cx.insns.size();
        for (cx.pc = 0; cx.pc < n; cx.pc++) checkEncoding(cx.insns.get(cx.pc));
        FuncInfoChecks funcInfo = new FuncInfoChecks(cx);
        funcInfo.checkRecords();
        checkFunctions(funcInfo);
        boolean[] prunePoint = new boolean[n];
        jumpPoints = new boolean[n];
        boolean[] seen = new boolean[n];
        Deque<Integer> work = new ArrayDeque<>();
        work.push(0);
        seen[0] = true;
        while (!work.isEmpty()) {
            int pc = cx.pc = work.pop();
            Insn in = cx.insns.get(pc);
            List<Integer> next = new ArrayList<>();
            if (in.isExit()) {
                // no successor
            } else if (in.isJump()) {
                // where the kernel looks for an equal state: at a conditional jump itself and at the target of any
                // jump (check_cfg marks every branch edge's end, where paths join)
                int t = cx.targetIndex(pc, in.jumpOffset(), false);
                next.add(t);
                prunePoint[t] = true;
                jumpPoints[t] = true;
                if (in.isConditionalJump()) { next.add(pc + 1); prunePoint[pc] = true; }
            } else if (in.isCall() || isFunctionAddress(in)) {
                // ... and at a call of a function, at the function's first instruction (the call's branch edge) and
                // after any call; a callback's body is reached through its address
                if (in.isLocalCall() || isFunctionAddress(in)) {
                    int callee = cx.targetIndex(pc, (int) in.imm(), true);
                    next.add(callee);
                    prunePoint[callee] = true;
                    jumpPoints[callee] = true;
                    prunePoint[pc] = true;
                }
                if (in.isHelperCall() && in.imm() == org.jbpf.core.helper.HelperTable.LOOP) jumpPoints[pc] = true;
                next.add(pc + 1);
                if (pc + 1 < n) prunePoint[pc + 1] = jumpPoints[pc + 1] = true;
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

    /** After {@link #check}: the instructions the kernel records in a path's jump history when it reaches them. */
    boolean[] jumpPoints() { return jumpPoints; }

    /** The load of a function's address (a callback): the function starts there, as at a call's target. */
    private static boolean isFunctionAddress(Insn in) {
        return in.isLdImm64() && in.src() == org.jbpf.core.asm.Opcodes.PSEUDO_FUNC;
    }

    private static void checkEncoding(Insn in) {
        int opc = in.opcode();
        if (!Encoding.known(opc))
            throw new Reject(String.format("unknown opcode %02x", opc), "instruction " + in + " is not a valid BPF instruction");
        if (in.isLdImm64() && in.src() > 6)
            throw new Reject("unrecognized bpf_ld_imm64 insn", "a 64-bit constant load has the unknown source " + in.src());
        if (in.dst() > 10 || in.src() > 10 && !in.isLdImm64() && !in.isCall())
            throw new Reject("R" + Math.max(in.dst(), in.src()) + " is invalid", "register number out of range in " + in);
    }

    /**
     * Functions start at index 0 and at every target of a BPF-to-BPF call. Jumps must stay inside their function and
     * each function must end with an exit or an unconditional jump, so that no path falls into the next one.
     */
    private void checkFunctions(FuncInfoChecks funcInfo) {
        int n = cx.insns.size();
        TreeSet<Integer> starts = new TreeSet<>(List.of(0));
        Set<Integer> called = new HashSet<>();
        for (cx.pc = 0; cx.pc < n; cx.pc++)
            if (cx.insns.get(cx.pc).isLocalCall() || isFunctionAddress(cx.insns.get(cx.pc))) {
                int start = cx.targetIndex(cx.pc, (int) cx.insns.get(cx.pc).imm(), true);
                starts.add(start);
                if (cx.insns.get(cx.pc).isLocalCall()) called.add(start);
            }
        for (cx.pc = 0; cx.pc < n; cx.pc++) {
            Insn in = cx.insns.get(cx.pc);
            int start = starts.floor(cx.pc);
            Integer nextStart = starts.higher(cx.pc);
            int end = nextStart == null ? n : nextStart;
            if (in.isJump()) {
                int to = cx.slotOf[cx.pc] + 1 + in.jumpOffset();
                if (to < cx.slotOf[start] || to >= cx.slotOf[end])
                    throw new Reject("jump out of range from insn " + cx.slotOf[cx.pc] + " to " + to,
                            start == 0 && end == n ? "a jump leaves the program (target slot " + to + ")"
                                    : "a jump leaves the function it is in (target slot " + to + "); functions are entered only by calls");
            }
            if (cx.pc == end - 1 && !in.isExit() && !(op(in.opcode()) == JA && isJump(in.opcode())))
                throw new Reject("last insn is not an exit or jmp", end == n
                        ? "the program can run past its last instruction"
                        : "the code before the function at slot " + cx.slotOf[end] + " can run into it; end it with a return or a jump");
        }
        funcInfo.checkLayout(starts, called);
        // a tail call from a BPF function needs the function's BTF (the kernel then limits the stack below it)
        for (cx.pc = 0; cx.pc < n; cx.pc++)
            if (isTailCall(cx.insns.get(cx.pc)) && starts.floor(cx.pc) != 0 && FuncInfoChecks.records(cx).isEmpty())
                throw new Reject("tail_call is not allowed in subprogs without BTF",
                        "a tail call inside a BPF function needs the program's BTF function records; make the tail call from the"
                                + " program's entry function");
    }

    private static boolean isTailCall(Insn in) { return in.isHelperCall() && in.imm() == org.jbpf.core.helper.HelperTable.TAIL_CALL; }

    /**
     * The kernel adds up the stack of every function along the deepest call chain (rounded to 16 bytes). For the
     * types {@link ProgramKind#privateStacks} names, without tail calls, x86-64 gives each function using 64 bytes or
     * more a private stack that does not count towards the chain.
     */
    void checkCombinedStack() {
        boolean tailCalls = false;
        for (Insn in : cx.insns) tailCalls |= isTailCall(in);
        privateStacks = cx.kind.privateStacks() && !tailCalls;
        int[] worst = chain(0, new HashSet<>());
        if (worst[0] > StackState.SIZE) {
            cx.pc = 0;
            throw new Reject("combined stack size of " + worst[1] + " calls is " + worst[0] + ". Too large",
                    "the functions on one call chain use " + worst[0] + " bytes of stack together, more than 512");
        }
    }

    private int[] chain(int function, Set<Integer> onPath) {
        int own = (cx.maxDepth.getOrDefault(function, 0) + 15) / 16 * 16;
        if (privateStacks && own >= PRIVATE_STACK_MIN) own = 0;
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
