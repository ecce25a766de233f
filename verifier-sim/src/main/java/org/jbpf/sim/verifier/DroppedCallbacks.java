package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;

/**
 * The kernel's removal of code no path reached, checked against the addresses of callbacks the program loads: an
 * address into a removed run ends up pointing at whatever moved there, and 6.18 then refuses the program.
 */
final class DroppedCallbacks {
    private DroppedCallbacks() {}

    /**
     * A callback whose address some path loads but that no path ever called (bpf_loop with a count of 0): the kernel
     * removes each run of never-reached instructions before compiling, moving later code up, and an address that
     * pointed into a removed run keeps its position, so it then points at whatever moved there. When BPF functions
     * remain to be compiled one by one and no function starts at that position, the kernel refuses the program (6.18
     * reports it as its own bug); with the entry function alone left, the address is never looked up.
     */
    static void check(VerifierContext cx, boolean[] seen) {
        boolean otherFunctions = false;
        java.util.TreeSet<Integer> starts = new java.util.TreeSet<>(List.of(0));
        for (int pc = 0; pc < cx.insns.size(); pc++) {
            Insn in = cx.insns.get(pc);
            if (in.isLocalCall() || in.isLdImm64() && in.src() == PSEUDO_FUNC) {
                int callee = cx.targetIndex(pc, (int) in.imm(), true);
                starts.add(callee);
                otherFunctions |= seen[pc] && callee != 0 && seen[callee];
            }
        }
        if (!otherFunctions) return;
        // the runs of never-reached instructions, in slots, in the order the kernel removes them
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < seen.length; i++)
            if (!seen[i]) {
                int j = i;
                while (j < seen.length && !seen[j]) j++;
                runs.add(new int[] {cx.slotOf[i], cx.slotOf[j]});
                i = j;
            }
        java.util.Set<Integer> kept = new java.util.HashSet<>();
        for (int start : starts) if (seen[start]) kept.add(cx.slotOf[start] - removedBefore(runs, cx.slotOf[start]));
        for (int pc = 0; pc < cx.insns.size(); pc++) {
            Insn in = cx.insns.get(pc);
            if (!seen[pc] || !in.isLdImm64() || in.src() != PSEUDO_FUNC) continue;
            int callee = cx.targetIndex(pc, (int) in.imm(), true);
            if (seen[callee]) continue;
            int at = cx.slotOf[callee], removed = 0;
            for (int[] r : runs) {
                int len = r[1] - r[0], end = r[0] - removed + len;
                if (at >= end) at -= len;
                removed += len;
            }
            if (kept.contains(at)) continue;
            cx.pc = pc;
            throw new Reject("verifier bug: No program to jit at insn " + at + " (subprog < 0)",
                    "the callback at instruction " + cx.slotOf[callee] + " is never called (a bpf_loop count of 0?), so the kernel"
                            + " drops its code and then cannot compile the address taken of it; call it at least once or remove it");
        }
    }

    /** Slots of the runs wholly before {@code slot}. */
    private static int removedBefore(List<int[]> runs, int slot) {
        int n = 0;
        for (int[] r : runs) if (r[1] <= slot) n += r[1] - r[0];
        return n;
    }
}
