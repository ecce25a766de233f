package org.jbpf.translator.backend;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;
import org.jbpf.translator.opt.FrameEscapes;

/**
 * Where each frame area the lowering allocated (a struct, an array, a key or scratch area) holds something, on MIR
 * with virtual registers: the positions on some path from one instruction that reads or writes the area to another.
 * An instruction reads or writes an area when it loads or stores at an r10 offset inside it, loads or stores through
 * a frame address ({@code rX = r10}, then constants and indexes added) whose constant part and offset fall inside it,
 * or passes such an address to a call. Each use names which instruction carries the area's offset (the load or store,
 * or the first constant added to the address), so the area can move. Two areas whose positions do not meet may share
 * their bytes. Where the frame's uses cannot be followed (an address stored to memory or returned, r10 used another
 * way, an offset in no area, two addresses meeting in one register) there is no answer, and the frame keeps its layout.
 */
final class FrameAreaLiveness {
    /** The areas by index: their offsets and sizes as the lowering allocated them. */
    final int[] offset, size;
    /** Per area, the positions where it holds something. */
    final BitSet[] live;
    /** The instructions that name an area's offset (an r10 load or store's off, an address's added K), by area. */
    final List<List<Integer>> namedAt = new ArrayList<>();

    private FrameAreaLiveness(int[] offset, int[] size, BitSet[] live) {
        this.offset = offset;
        this.size = size;
        this.live = live;
    }

    /**
     * The liveness of {@code areas} (offset to size) in {@code code}, whose blocks are {@code blocks}; null where the
     * frame's uses cannot be followed.
     */
    static FrameAreaLiveness of(List<Mir.MInsn> code, MirBlocks blocks, Map<Integer, Integer> areas) {
        int k = areas.size();
        int[] offset = new int[k], size = new int[k];
        int a = 0;
        for (Map.Entry<Integer, Integer> e : new java.util.TreeMap<>(areas).entrySet()) { offset[a] = e.getKey(); size[a++] = e.getValue(); }
        FrameAreaLiveness f = new FrameAreaLiveness(offset, size, new BitSet[k]);
        for (int i = 0; i < k; i++) { f.namedAt.add(new ArrayList<>()); f.base = Math.max(f.base, -offset[i]); }
        f.touched = new BitSet[code.size()];
        f.read = new BitSet[code.size()];
        f.written = new BitSet[code.size()];
        f.addArea = new HashMap<>();
        // the frame addresses each register holds at each block's start, found to a fixpoint; then one pass records the uses
        int nb = blocks.count;
        List<Map<Integer, long[]>> entry = new ArrayList<>();
        for (int b = 0; b < nb; b++) entry.add(null);
        entry.set(0, new HashMap<>());
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int b = 0; b < nb; b++) {
                if (entry.get(b) == null) continue;
                Map<Integer, long[]> state = new HashMap<>(entry.get(b));
                for (int p = blocks.start[b]; p <= blocks.end[b]; p++) if (!f.step(code.get(p), p, state, false)) return null;
                for (int s : blocks.succ.get(b)) {
                    Map<Integer, long[]> old = entry.get(s), joined = join(old, state);
                    if (joined == null) return null;
                    if (old == null || !same(old, joined)) { entry.set(s, joined); changed = true; }
                }
            }
        }
        for (int b = 0; b < nb; b++) {
            if (entry.get(b) == null) {
                for (int p = blocks.start[b]; p <= blocks.end[b]; p++) if (!code.get(p).isLabel()) return null;   // never reached: not followed
                continue;
            }
            Map<Integer, long[]> state = new HashMap<>(entry.get(b));
            for (int p = blocks.start[b]; p <= blocks.end[b]; p++) if (!f.step(code.get(p), p, state, true)) return null;
        }
        for (Map.Entry<Integer, Integer> e : f.addArea.entrySet()) f.namedAt.get(e.getValue()).add(e.getKey());
        f.liveness(blocks);
        return f;
    }

    /** Byte b of the frame's bit sets is r10 offset b - base. */
    private int base;
    /** Per position: the areas it reads or writes, the bytes it may read, the bytes it writes whole (or null). */
    private BitSet[] touched, read, written;
    /**
     * The bytes something in the program writes: a read of any other byte (the padding of a key whose helper reads
     * only its size) reads what was there before the program, whatever the layout, and keeps nothing live.
     */
    private final BitSet everWritten = new BitSet();
    /** The area each address's first added constant places it in, by the position of that {@code rX += K}. */
    private Map<Integer, Integer> addArea;

    /**
     * Steps {@code state} (register to its frame address: the constant part from r10 and the position of the first
     * constant added, or -1) over m at p; with {@code record}, notes the areas m reads or writes. False where the frame's
     * use cannot be followed.
     */
    private boolean step(Mir.MInsn m, int p, Map<Integer, long[]> state, boolean record) {
        if (m.isLabel()) return true;
        int c = cls(m.opcode);
        if (c == LDX) {
            boolean followed = m.src == R10 ? direct(m.off, sizeBytes(m.opcode), false, p, record)
                    : !state.containsKey(m.src) || through(state.get(m.src), m.off, p, record, true, false);
            state.remove(m.dst);   // after: the loaded value may replace the address it was loaded through
            return followed;
        }
        if (c == ST || c == STX) {
            if (c == STX && (m.src == R10 || state.containsKey(m.src))) return false;   // an address kept in memory
            return m.dst == R10 ? direct(m.off, sizeBytes(m.opcode), mode(m.opcode) != ATOMIC, p, record)
                    : !state.containsKey(m.dst) || through(state.get(m.dst), m.off, p, record, mode(m.opcode) == ATOMIC, true);
        }
        if (m.isCall()) {
            for (int r = R1; r <= m.callArgs; r++) if (state.containsKey(r) && !through(state.get(r), 0, p, record, true, FrameEscapes.callWritesMemory(m))) return false;
            for (int r = R0; r <= R5; r++) state.remove(r);
            return true;
        }
        if (m.isExit()) return !state.containsKey(R0);
        if (c == JMP || c == JMP32) return m.dst != R10 && (source(m.opcode) != X || m.src != R10);
        if (c == ALU64 || c == ALU) {
            boolean fromX = source(m.opcode) == X;
            long[] d = state.get(m.dst), s = fromX ? state.get(m.src) : null;
            int op = op(m.opcode);
            if (fromX && m.src == R10) {
                if (c != ALU64 || op != MOV) return false;
                state.put(m.dst, new long[] {0, -1});
            } else if (m.dst == R10) {
                return false;
            } else if (op == MOV && !fromX) {
                state.remove(m.dst);
            } else if (c == ALU64 && op == MOV && fromX) {
                if (s != null) state.put(m.dst, s); else state.remove(m.dst);
            } else if (c == ALU64 && (op == ADD || op == SUB) && !fromX && d != null) {
                long offset = d[0] + (op == ADD ? m.imm : -m.imm);
                state.put(m.dst, new long[] {offset, d[1] < 0 ? p : d[1]});
            } else if (c == ALU64 && op == ADD && fromX && (d == null) != (s == null)) {
                state.put(m.dst, d != null ? d : s);   // an index added to an address
            } else if (c == ALU64 && op == SUB && fromX && d != null && s == null) {
                state.put(m.dst, d);
            } else {
                if (d != null || s != null) return false;
                state.remove(m.dst);
            }
            return true;
        }
        int def = Mir.def(m);
        if (def >= 0) state.remove(def);
        return true;
    }

    /** An r10 load or store (a plain one when {@code store}) of {@code width} bytes at {@code off}: it names its area's offset. */
    private boolean direct(int off, int width, boolean store, int p, boolean record) {
        int i = areaAt(off);
        if (i < 0 || off + width > offset[i] + size[i]) return false;
        if (record) {
            namedAt.get(i).add(p);
            touch(p, i);
            BitSet bytes = new BitSet();
            bytes.set(off + base, off + width + base);
            if (store) { written[p] = bytes; everWritten.or(bytes); }
            else read(p).or(bytes);
        }
        return true;
    }

    private void touch(int p, int area) {
        if (touched[p] == null) touched[p] = new BitSet();
        touched[p].set(area);
    }

    private BitSet read(int p) {
        if (read[p] == null) read[p] = new BitSet();
        return read[p];
    }

    /**
     * A use at p of an address {@code at} ({constant part, position of its first added constant}) with {@code off}
     * added, which may read the whole area when {@code reads} and write any byte of it when {@code writes} (a store
     * through it writes bytes an index may choose, as a call may):
     * the area holding the constant part names its offset at that first constant, or at p's own off when none was
     * added; an address passed to a call must have had one.
     */
    private boolean through(long[] at, int off, int p, boolean record, boolean reads, boolean writes) {
        int i = areaAt((int) (at[0] + off));
        if (i < 0) return false;
        if (at[1] >= 0) {
            Integer before = addArea.get((int) at[1]);
            if (before != null && before != i) return false;
            if (areaAt((int) at[0]) != i && at[0] != offset[i] + size[i]) return false;
            if (record) addArea.put((int) at[1], i);
        } else if (record) {
            namedAt.get(i).add(p);
        }
        if (record) {
            touch(p, i);
            if (reads) read(p).set(offset[i] + base, offset[i] + size[i] + base);
            if (writes) everWritten.set(offset[i] + base, offset[i] + size[i] + base);
        }
        return true;
    }

    private static Map<Integer, long[]> join(Map<Integer, long[]> a, Map<Integer, long[]> b) {
        if (a == null) return new HashMap<>(b);
        Map<Integer, long[]> j = new HashMap<>();
        for (Map.Entry<Integer, long[]> e : a.entrySet()) {
            long[] o = b.get(e.getKey());
            if (o == null) { j.put(e.getKey(), e.getValue()); continue; }   // a frame address on one path only: kept, conservatively
            if (o[0] != e.getValue()[0] || o[1] != e.getValue()[1]) return null;
            j.put(e.getKey(), o);
        }
        for (Map.Entry<Integer, long[]> e : b.entrySet()) j.putIfAbsent(e.getKey(), e.getValue());
        return j;
    }

    private static boolean same(Map<Integer, long[]> a, Map<Integer, long[]> b) {
        if (!a.keySet().equals(b.keySet())) return false;
        for (Map.Entry<Integer, long[]> e : a.entrySet()) if (!java.util.Arrays.equals(e.getValue(), b.get(e.getKey()))) return false;
        return true;
    }

    /** The index of the area holding r10 offset {@code off}, or -1. */
    private int areaAt(int off) {
        for (int i = 0; i < offset.length; i++) if (offset[i] <= off && off < offset[i] + size[i]) return i;
        return -1;
    }

    /**
     * Fills {@link #live}: an area holds something at p where p reads or writes it, or some byte of it is read on a
     * path after p before a store writes that byte.
     */
    private void liveness(MirBlocks blocks) {
        for (BitSet r : read) if (r != null) r.and(everWritten);
        int nb = blocks.count;
        BitSet[] in = new BitSet[nb];
        for (int b = 0; b < nb; b++) in[b] = new BitSet();
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int b = nb - 1; b >= 0; b--) {
                BitSet live = liveOut(b, blocks, in);
                for (int p = blocks.end[b]; p >= blocks.start[b]; p--) before(p, live);
                if (!live.equals(in[b])) { in[b] = live; changed = true; }
            }
        }
        for (int i = 0; i < offset.length; i++) live[i] = new BitSet();
        for (int b = 0; b < nb; b++) {
            BitSet after = liveOut(b, blocks, in);
            for (int p = blocks.end[b]; p >= blocks.start[b]; p--) {
                for (int i = 0; i < offset.length; i++) {
                    int next = after.nextSetBit(offset[i] + base);
                    if (next >= 0 && next < offset[i] + size[i] + base || touched[p] != null && touched[p].get(i)) live[i].set(p);
                }
                before(p, after);
            }
        }
    }

    private static BitSet liveOut(int b, MirBlocks blocks, BitSet[] in) {
        BitSet out = new BitSet();
        for (int s : blocks.succ.get(b)) out.or(in[s]);
        return out;
    }

    /** Turns the bytes live after p into those live before it. */
    private void before(int p, BitSet live) {
        if (written[p] != null) live.andNot(written[p]);
        if (read[p] != null) live.or(read[p]);
    }

}
