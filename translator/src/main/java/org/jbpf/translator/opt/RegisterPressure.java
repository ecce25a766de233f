package org.jbpf.translator.opt;

import java.util.List;
import org.jbpf.translator.mir.Mir;

/**
 * How many virtual registers are live at each MIR position, counted as the linear-scan allocator sees them (from a
 * register's first mention to its last), and how many live across each call. A pass that makes a value live longer
 * asks here first, so that it does not trade a stack load for a spill.
 */
final class RegisterPressure {
    /** r1–r9; across a call only r6–r9 keep a value. */
    private static final int REGISTERS = 9, CALLEE_SAVED = 4;

    private final List<Mir.MInsn> code;
    private final int[] first, last;
    private final int[] live;
    private final boolean[] call;

    RegisterPressure(Mir mir) {
        this.code = mir.code;
        int n = mir.vregCount(), len = code.size();
        first = new int[n];
        last = new int[n];
        java.util.Arrays.fill(first, -1);
        for (int p = 0; p < len; p++) {
            Mir.MInsn m = code.get(p);
            for (int u : Mir.uses(m)) mention(u, p);
            mention(Mir.def(m), p);
        }
        live = new int[len + 1];
        call = new boolean[len];
        for (int p = 0; p < len; p++) call[p] = code.get(p).isCall();
        for (int v = 0; v < n; v++) if (first[v] >= 0) for (int p = first[v]; p <= last[v]; p++) live[p]++;
    }

    private void mention(int v, int p) {
        if (!Mir.isVirtual(v) || v >= first.length) return;
        if (first[v] < 0) first[v] = p;
        last[v] = Math.max(last[v], p);
    }

    /**
     * Whether register v may stay live up to position {@code to}; if so it is counted as live there. The position is
     * that of an instruction still in the code (passes that call this only rewrite instructions in place).
     */
    boolean extend(int v, int to) {
        if (!Mir.isVirtual(v) || v >= first.length || first[v] < 0 || to <= last[v]) return true;
        for (int p = last[v] + 1; p <= to; p++) {
            if (live[p] + 1 > REGISTERS) return false;
            if (call[p] && live[p] + 1 > CALLEE_SAVED) return false;
        }
        for (int p = last[v] + 1; p <= to; p++) live[p]++;
        last[v] = to;
        return true;
    }
}
