package org.jbpf.translator.opt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;

/**
 * Removes the basic blocks no path from the entry reaches, found over the control-flow graph: a loop behind a
 * branch folded to a constant has its own labels and back edge, so it is dead even though jumps go to it. The
 * kernel refuses a program with such code ("unreachable insn").
 */
final class UnreachableCodeElimination implements Pass {
    @Override
    public void run(Mir mir) { removeUnreachable(mir.code); }

    /** Removes the unreachable blocks of {@code code}; true when something was removed. */
    static boolean removeUnreachable(List<Mir.MInsn> code) {
        if (code.isEmpty()) return false;
        MirBlocks blocks = new MirBlocks(code);
        boolean[] reached = new boolean[blocks.count];
        Deque<Integer> work = new ArrayDeque<>();
        reached[0] = true;
        work.push(0);
        while (!work.isEmpty())
            for (int s : blocks.succ.get(work.pop())) if (!reached[s]) { reached[s] = true; work.push(s); }
        List<Mir.MInsn> kept = new ArrayList<>(code.size());
        for (int b = 0; b < blocks.count; b++)
            if (reached[b]) for (int p = blocks.start[b]; p <= blocks.end[b]; p++) kept.add(code.get(p));
        if (kept.size() == code.size()) return false;
        code.clear();
        code.addAll(kept);
        return true;
    }
}
