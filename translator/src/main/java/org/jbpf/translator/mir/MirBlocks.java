package org.jbpf.translator.mir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Basic blocks of a MIR instruction list: start and end positions, successors and predecessors. */
public final class MirBlocks {
    public final int count;
    public final int[] start, end;
    public final int[] blockOf;
    public final List<List<Integer>> succ = new ArrayList<>(), pred = new ArrayList<>();

    public MirBlocks(List<Mir.MInsn> code) {
        int len = code.size();
        TreeSet<Integer> leaders = new TreeSet<>();
        Map<Mir.Label, Integer> labelPos = new HashMap<>();
        for (int p = 0; p < len; p++) {
            Mir.MInsn m = code.get(p);
            if (m.isLabel()) labelPos.put(m.label, p);
            if (p == 0 || m.isLabel() || code.get(p - 1).isJump() || code.get(p - 1).isExit()) leaders.add(p);
        }
        List<Integer> l = new ArrayList<>(leaders);
        count = l.size();
        start = new int[count];
        end = new int[count];
        blockOf = new int[len];
        for (int b = 0; b < count; b++) {
            start[b] = l.get(b);
            end[b] = b + 1 < count ? l.get(b + 1) - 1 : len - 1;
            for (int p = start[b]; p <= end[b]; p++) blockOf[p] = b;
            succ.add(new ArrayList<>());
            pred.add(new ArrayList<>());
        }
        for (int b = 0; b < count; b++) {
            Mir.MInsn last = code.get(end[b]);
            if (last.isJump()) link(b, blockOf[labelPos.get(last.target)]);
            if (!last.isExit() && !last.isUnconditionalJump() && b + 1 < count) link(b, b + 1);
        }
    }

    private void link(int from, int to) {
        if (!succ.get(from).contains(to)) succ.get(from).add(to);
        if (!pred.get(to).contains(from)) pred.get(to).add(from);
    }
}
