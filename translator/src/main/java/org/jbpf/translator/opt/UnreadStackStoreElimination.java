package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jbpf.translator.backend.StackFrameLayout;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;

/**
 * Removes stores to stack bytes that nothing reads afterwards on any path: the fields of a local struct whose loads
 * {@link StackLoadForwarding} replaced, a temporary copied into a nested field, a zero-fill overwritten on every
 * path. Bytes whose address is taken ({@link FrameEscapes}) are read by every call and every access through another
 * pointer, so stores to them stay.
 */
final class UnreadStackStoreElimination implements Pass {
    private static final int FRAME = StackFrameLayout.MAX_STACK;

    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        MirBlocks blocks = new MirBlocks(code);
        BitSet escaped = FrameEscapes.of(mir);
        BitSet[] liveIn = new BitSet[blocks.count];
        for (int b = 0; b < blocks.count; b++) liveIn[b] = new BitSet(FRAME);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = blocks.count - 1; b >= 0; b--) {
                BitSet live = liveOut(blocks, liveIn, b);
                for (int p = blocks.end[b]; p >= blocks.start[b]; p--) step(code.get(p), live, escaped, null);
                if (!live.equals(liveIn[b])) { liveIn[b] = live; changed = true; }
            }
        }
        List<Mir.MInsn> dead = new ArrayList<>();
        for (int b = 0; b < blocks.count; b++) {
            BitSet live = liveOut(blocks, liveIn, b);
            for (int p = blocks.end[b]; p >= blocks.start[b]; p--) step(code.get(p), live, escaped, dead);
        }
        code.removeAll(dead);
        if (!dead.isEmpty()) new DeadCodeElimination().run(mir);   // what only those stores used
    }

    private static BitSet liveOut(MirBlocks blocks, BitSet[] liveIn, int b) {
        BitSet live = new BitSet(FRAME);
        for (int s : blocks.succ.get(b)) live.or(liveIn[s]);
        return live;
    }

    /** Liveness of frame bytes (bit i is offset i - 512) backwards over one instruction; collects unread stores. */
    private static void step(Mir.MInsn m, BitSet live, BitSet escaped, List<Mir.MInsn> dead) {
        if (m.isLabel()) return;
        int c = cls(m.opcode);
        if ((c == ST || c == STX) && mode(m.opcode) == MEM && m.dst == R10) {
            int from = m.off + FRAME, to = from + sizeBytes(m.opcode);
            if (from < 0) return;
            if (dead != null && live.get(from, to).isEmpty()) dead.add(m);
            live.clear(from, to);
        } else if (c == LDX && m.src == R10 || c == STX && m.dst == R10) {   // a load, or an atomic that also reads
            int from = m.off + FRAME;
            if (from >= 0) live.set(from, from + sizeBytes(m.opcode));
        } else if (m.isCall() || c == LDX || c == ST || c == STX) {
            live.or(escaped);
        }
    }
}
