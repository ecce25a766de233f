package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.backend.StackFrameLayout;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;

/**
 * Removes stores to stack bytes that nothing reads afterwards on any path: the fields of a local struct whose loads
 * {@link StackLoadForwarding} replaced, a temporary copied into a nested field, a zero-fill overwritten on every
 * path. Bytes whose address is taken ({@link FrameEscapes}) are read by every call and every access through another
 * pointer, so stores to them stay — except before a helper that fills its whole buffer and reads nothing
 * ({@link HelperTable#fillsBuffer}, e.g. the zero-fill of a new array bpf_get_current_comm then writes): such a call
 * reads no byte, and what was stored to its buffer before is unread past it.
 */
final class UnreadStackStoreElimination implements Pass {
    private static final int FRAME = StackFrameLayout.MAX_STACK;

    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        MirBlocks blocks = new MirBlocks(code);
        BitSet escaped = FrameEscapes.of(mir);
        Map<Mir.MInsn, int[]> filled = filledBuffers(code, blocks);
        BitSet[] liveIn = new BitSet[blocks.count];
        for (int b = 0; b < blocks.count; b++) liveIn[b] = new BitSet(FRAME);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = blocks.count - 1; b >= 0; b--) {
                BitSet live = liveOut(blocks, liveIn, b);
                for (int p = blocks.end[b]; p >= blocks.start[b]; p--) step(code.get(p), live, escaped, filled, null);
                if (!live.equals(liveIn[b])) { liveIn[b] = live; changed = true; }
            }
        }
        List<Mir.MInsn> dead = new ArrayList<>();
        for (int b = 0; b < blocks.count; b++) {
            BitSet live = liveOut(blocks, liveIn, b);
            for (int p = blocks.end[b]; p >= blocks.start[b]; p--) step(code.get(p), live, escaped, filled, dead);
        }
        code.removeAll(dead);
        if (!dead.isEmpty()) new DeadCodeElimination().run(mir);   // what only those stores used
    }

    /** The calls of helpers that fill a buffer of the frame whose place and size are known, with that buffer. */
    private static Map<Mir.MInsn, int[]> filledBuffers(List<Mir.MInsn> code, MirBlocks blocks) {
        Map<Mir.MInsn, int[]> filled = new IdentityHashMap<>();
        for (int b = 0; b < blocks.count; b++)
            for (int p = blocks.start[b]; p <= blocks.end[b]; p++) {
                Mir.MInsn m = code.get(p);
                if (!m.isCall() || m.src != 0 || !HelperTable.fillsBuffer((int) m.imm)) continue;
                int[] buffer = HelperBuffers.frameBuffer(code, blocks.start[b], p);
                if (buffer != null && buffer[0] + FRAME >= 0) filled.put(m, buffer);
            }
        return filled;
    }

    private static BitSet liveOut(MirBlocks blocks, BitSet[] liveIn, int b) {
        BitSet live = new BitSet(FRAME);
        for (int s : blocks.succ.get(b)) live.or(liveIn[s]);
        return live;
    }

    /** Liveness of frame bytes (bit i is offset i - 512) backwards over one instruction; collects unread stores. */
    private static void step(Mir.MInsn m, BitSet live, BitSet escaped, Map<Mir.MInsn, int[]> filled, List<Mir.MInsn> dead) {
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
        } else if (filled.containsKey(m)) {
            int[] buffer = filled.get(m);
            live.clear(buffer[0] + FRAME, buffer[0] + buffer[1] + FRAME);   // written whole; the call reads no memory
        } else if (m.isCall() || c == LDX || c == ST || c == STX) {
            live.or(escaped);
        }
    }
}
