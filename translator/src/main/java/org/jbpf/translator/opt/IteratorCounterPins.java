package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;

/**
 * Keeps the counter of a loop around a {@code Loops.numbers} loop exact in the kernel's verifier. At each
 * {@code bpf_iter_num_next} the verifier widens every number it has not marked precise and that differs from the state
 * of an earlier pass through the same call: an outer loop's counter, known on each pass (0, 1, ...) but compared only
 * against an unknown bound, becomes unknown there, after which two passes round the outer loop can be equal and the
 * program is refused as an "infinite loop". A compare of a known number against a constant marks it precise, and
 * precise numbers are not widened; so before an iterator is made inside a loop, each of r6–r9 and each spill slot
 * that is live there, set in the outer loop and left alone by the inner one is compared with 0 (a slot through r0,
 * which the call sets anyway) by a jump to the next instruction, which changes nothing else. Runs on allocated code,
 * after the cleanups that would drop such a jump.
 */
final class IteratorCounterPins implements Pass {
    private static final String NEW = "bpf_iter_num_new", NEXT = "bpf_iter_num_next";
    private static final int FIRST = R6, LAST = R9;
    /** Where a spill slot's bit starts in the sets of live places; below it, a register's number. */
    private static final int SLOTS = 16;
    /** The spill slots' offsets, by bit from {@link #SLOTS}. */
    private List<Integer> slots;

    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        List<Integer> news = new ArrayList<>();
        for (int p = 0; p < code.size(); p++) if (isKfunc(code.get(p), NEW)) news.add(p);
        if (news.isEmpty()) return;
        slots = new ArrayList<>(mir.spillSlots);
        MirBlocks blocks = new MirBlocks(code);
        BitSet[] liveOut = liveOut(code, blocks);
        List<int[]> pins = new ArrayList<>();
        for (int p : news) {
            int b = blocks.blockOf[p];
            BitSet cycle = reach(blocks, b, -1, true);
            cycle.and(reach(blocks, b, -1, false));
            if (!cycle.get(b)) continue;   // not inside a loop
            BitSet inner = new BitSet();
            for (int n = cycle.nextSetBit(0); n >= 0; n = cycle.nextSetBit(n + 1)) {
                if (!holdsNext(code, blocks, n)) continue;
                BitSet around = reach(blocks, n, b, true);
                around.and(reach(blocks, n, b, false));
                inner.or(around);
            }
            BitSet live = liveAfter(code, blocks, liveOut, p);
            for (int r = live.nextSetBit(0); r >= 0; r = live.nextSetBit(r + 1))
                if (setIn(code, blocks, cycle, inner, r) && !setIn(code, blocks, inner, null, r)) pins.add(new int[] {p, r});
        }
        for (int k = pins.size() - 1; k >= 0; k--) {
            int[] pin = pins.get(k);
            int at = pin[0], reg = pin[1];
            Mir.MInsn test = insn(JMP | JEQ | K, reg, 0, 0, code.get(at));
            code.add(at, test);   // off 0, no target: the next instruction on both outcomes
            if (reg >= SLOTS) {
                test.dst = R0;
                code.add(at, insn(LDX | MEM | DW, R0, R10, slots.get(reg - SLOTS), test));
            }
        }
    }

    private static Mir.MInsn insn(int opcode, int dst, int src, int off, Mir.MInsn at) {
        Mir.MInsn m = new Mir.MInsn();
        m.opcode = opcode;
        m.dst = dst;
        m.src = src;
        m.off = off;
        m.line = at.line;
        return m;
    }

    private static boolean isKfunc(Mir.MInsn m, String name) { return m.isCall() && m.src == PSEUDO_KFUNC_CALL && name.equals(m.ref); }

    private static boolean holdsNext(List<Mir.MInsn> code, MirBlocks blocks, int b) {
        for (int p = blocks.start[b]; p <= blocks.end[b]; p++) if (isKfunc(code.get(p), NEXT)) return true;
        return false;
    }

    /** Blocks reachable from {@code from} (forward) or reaching it (backward) in one step or more, not through {@code avoid}. */
    private static BitSet reach(MirBlocks blocks, int from, int avoid, boolean forward) {
        BitSet seen = new BitSet();
        List<Integer> work = new ArrayList<>(List.of(from));
        while (!work.isEmpty()) {
            int b = work.remove(work.size() - 1);
            for (int s : forward ? blocks.succ.get(b) : blocks.pred.get(b))
                if (s != avoid && !seen.get(s)) {
                    seen.set(s);
                    if (s != from) work.add(s);
                }
        }
        return seen;
    }

    /** Whether an instruction of the blocks in {@code in}, but not in {@code except}, writes place {@code r}. */
    private boolean setIn(List<Mir.MInsn> code, MirBlocks blocks, BitSet in, BitSet except, int r) {
        for (int b = in.nextSetBit(0); b >= 0; b = in.nextSetBit(b + 1)) {
            if (except != null && except.get(b)) continue;
            for (int p = blocks.start[b]; p <= blocks.end[b]; p++) if (def(code.get(p)) == r) return true;
        }
        return false;
    }

    /** The place m writes: one of r6–r9, a spill slot, or -1. */
    private int def(Mir.MInsn m) {
        if (m.opcode == (STX | MEM | DW) && m.dst == R10) return slot(m.off);
        int d = Mir.def(m);
        return d >= FIRST && d <= LAST ? d : -1;
    }

    private int slot(int off) {
        int k = slots.indexOf(off);
        return k < 0 ? -1 : SLOTS + k;
    }

    /** r6–r9 and the spill slots live at each block's end: read on some path before being written. */
    private BitSet[] liveOut(List<Mir.MInsn> code, MirBlocks blocks) {
        BitSet[] in = new BitSet[blocks.count], out = new BitSet[blocks.count];
        for (int b = 0; b < blocks.count; b++) {
            in[b] = new BitSet();
            out[b] = new BitSet();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = blocks.count - 1; b >= 0; b--) {
                BitSet o = new BitSet();
                for (int s : blocks.succ.get(b)) o.or(in[s]);
                out[b] = o;
                BitSet i = (BitSet) o.clone();
                for (int p = blocks.end[b]; p >= blocks.start[b]; p--) step(code.get(p), i);
                if (!i.equals(in[b])) {
                    in[b] = i;
                    changed = true;
                }
            }
        }
        return out;
    }

    private BitSet liveAfter(List<Mir.MInsn> code, MirBlocks blocks, BitSet[] liveOut, int p) {
        BitSet live = (BitSet) liveOut[blocks.blockOf[p]].clone();
        for (int q = blocks.end[blocks.blockOf[p]]; q > p; q--) step(code.get(q), live);
        return live;
    }

    /** Liveness backwards over one instruction. */
    private void step(Mir.MInsn m, BitSet live) {
        int d = def(m);
        if (d >= 0) live.clear(d);
        for (int u : Mir.uses(m)) if (u >= FIRST && u <= LAST) live.set(u);
        if (m.opcode == (LDX | MEM | DW) && m.src == R10 && slot(m.off) >= 0) live.set(slot(m.off));
    }
}
