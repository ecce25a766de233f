package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.jbpf.sim.kernel.Corpus.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;

/**
 * How 6.18 explores a loop whose states it has already found covered while the loop is still open: it compares the
 * loop's states by the ranges of all their scalars, not only the precise ones, so branches inside the loop that only
 * change numbers nothing checks are no longer pruned. Random wider shapes (seed 73, programs 77 and 107) met the
 * kernel's million instructions and its 8,192 pending jumps this way while the simulation, pruning them, accepted
 * both. The programs here are a may_goto loop whose body takes {@code k} two-way branches on a random number and
 * counts them in a register dead at the loop's head: the kernel follows all 2^k paths of the first iteration.
 */
final class LoopVisitsCorpus {
    private LoopVisitsCorpus() {}

    private static final List<Entry> ALL = new ArrayList<>();

    /** A may_goto loop of {@code k} branches on bits of a random number, each joining again after one add. */
    static Insn[] branchesInALoop(int k) {
        List<Insn> body = new ArrayList<>();
        body.add(call(7));
        body.add(mov64Imm(R5, 0));
        for (int i = 0; i < k; i++) {
            body.add(jumpImm(JSET, R0, 1L << i, 1));
            body.add(alu64Imm(ADD, R5, 1));
        }
        List<Insn> p = new ArrayList<>();
        p.add(mov64Imm(R6, 0));
        p.add(new Insn(JMP | 0xe0, 0, 0, body.size() + 1, 0));
        p.addAll(body);
        p.add(ja(-(body.size() + 2)));
        p.add(mov64Imm(R0, 0));
        p.add(exit());
        return p.toArray(new Insn[0]);
    }

    static {
        // 196,619 instructions in the kernel, and as many in the simulation, which needs the random helper's lack of
        // arguments to know r1-r5 dead at the loop's head (else it refuses at 8,193 pending jumps)
        ALL.add(new Entry("loop_of_16_branches_followed_path_by_path", TP, List.of(), List.of(branchesInALoop(16)), true, null));
        // 2^20 paths: a million instructions, where comparing only precise scalars would have pruned all but 20
        ALL.add(new Entry("loop_of_20_branches_is_too_large", TP, List.of(), List.of(branchesInALoop(20)), false,
                "BPF program is too large. Processed 1000001 insn"));
    }

    static List<Entry> all() { return ALL; }
}
