package org.jbpf.translator.backend;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;
import org.jbpf.translator.mir.VregLiveness;

/**
 * Linear-scan register allocation of MIR virtual registers onto BPF r1–r9. Values live across a helper call get
 * callee-saved r6–r9; short-lived values use r1–r5 where no call argument is being set up. Two values interfere
 * only where both hold something needed: a value dead between two of its definitions (a lookup result redefined by
 * a retried lookup) leaves its register, and any call in that hole, to others. What does not fit is
 * kept in an 8-byte stack slot and reloaded around each use with a scratch register free at that point; where an
 * instruction finds no free scratch register, another value live across it is spilled to make one.
 */
public final class RegisterAllocator {
    private static final int[] CALLER_SAVED = {R0, R1, R2, R3, R4, R5};
    private static final int[] CALLEE_SAVED = {R6, R7, R8, R9};

    private final Mir mir;
    private final StackFrameLayout frame;
    private final List<Mir.MInsn> code;
    private final int n;
    private final int[] start, end;
    /** Per value, the positions p where it holds something needed after p, or is written at p. */
    private final BitSet[] occupied;
    private final int[] assigned;   // physical register, or -1 when spilled
    private final int[] spillSlot;
    /** The spill slots so far, by offset: the values each holds, none of them needed where another is. */
    private final Map<Integer, List<Integer>> slotValues = new java.util.LinkedHashMap<>();
    /** Fixed intervals of physical registers r0–r5: [from, to] pairs per register. */
    private final List<List<int[]>> fixed = new ArrayList<>();
    private final List<Integer> calls = new ArrayList<>();
    private MirBlocks blocks;
    private final Map<Integer, Integer> hints = new HashMap<>();
    /** Physical register a value is moved into at its end (a helper argument or the return value). */
    private final Map<Integer, Integer> physicalHints = new HashMap<>();

    /** How many of r1–r5 hold arguments at entry: the context of a program, the parameters of a BPF function. */
    private final int entryArgs;

    public RegisterAllocator(Mir mir, StackFrameLayout frame) {
        this(mir, frame, 1);
    }

    public RegisterAllocator(Mir mir, StackFrameLayout frame, int entryArgs) {
        this.entryArgs = Math.max(1, entryArgs);
        this.mir = mir;
        this.frame = frame;
        this.code = mir.code;
        this.n = mir.vregCount();
        this.start = new int[n];
        this.end = new int[n];
        this.assigned = new int[n];
        this.spillSlot = new int[n];
        this.occupied = new BitSet[n];
        for (int v = 0; v < n; v++) occupied[v] = new BitSet();
        Arrays.fill(start, Integer.MAX_VALUE);
        Arrays.fill(end, -1);
        Arrays.fill(assigned, -1);
        for (int r = 0; r <= 5; r++) fixed.add(new ArrayList<>());
    }

    public void run() {
        computeIntervals();
        allocate();
        freeScratchRegisters();
        if (frame.used() > StackFrameLayout.MAX_STACK) packFrame();
        rewrite();
        mir.spillSlots = new java.util.HashSet<>(slotValues.keySet());
    }

    // ---- liveness and intervals -----------------------------------------------------------------------

    private void computeIntervals() {
        int len = code.size();
        VregLiveness live = new VregLiveness(code, n);
        blocks = live.blocks;
        int nb = blocks.count;
        int[] bStart = blocks.start, bEnd = blocks.end;
        for (int b = 0; b < nb; b++) {
            BitSet in = live.in(b), out = live.out(b);
            for (int v = in.nextSetBit(0); v >= 0; v = in.nextSetBit(v + 1)) extend(v, bStart[b]);
            for (int v = out.nextSetBit(0); v >= 0; v = out.nextSetBit(v + 1)) extend(v, bEnd[b] + 1);
            markOccupied(b, bStart[b], bEnd[b], out);
        }
        int[] physDef = new int[6];
        Arrays.fill(physDef, -1);
        boolean[] physLive = new boolean[6];
        for (int r = R1; r < R1 + entryArgs; r++) physLive[r] = true;   // the context or parameters arrive here

        for (int p = 0; p < len; p++) {
            Mir.MInsn m = code.get(p);
            for (int u : Mir.uses(m)) {
                if (Mir.isVirtual(u)) extend(u, p);
                else if (u <= R5 && physLive[u]) { fixed.get(u).add(new int[] {physDef[u], p}); physLive[u] = false; }
            }
            if (m.isCall()) {
                calls.add(p);
                for (int r = R1; r <= R5; r++) physLive[r] = false;
            }
            int d = Mir.def(m);
            if (Mir.isVirtual(d)) { extend(d, p); extend(d, p + 1); }
            else if (d >= 0 && d <= R5) { physDef[d] = p; physLive[d] = true; }
            if (m.isLabel()) for (int r = 0; r <= R5; r++) physLive[r] = false;
            // a plain copy is free when both ends share a register; a sign-extending one (off != 0) costs the same either way
            if (m.opcode == (ALU64 | MOV | X) && m.off == 0 && !m.isLabel() && Mir.isVirtual(m.dst) && Mir.isVirtual(m.src)) {
                hints.put(m.dst, m.src);
                hints.putIfAbsent(m.src, m.dst);
            }
            if (m.opcode == (ALU64 | MOV | X) && !m.isLabel() && m.dst <= R5 && Mir.isVirtual(m.src))
                physicalHints.put(m.src, m.dst);
            // a value taken from r0–r5 (a helper's result, the context) is best left where it arrives
            if (m.opcode == (ALU64 | MOV | X) && !m.isLabel() && Mir.isVirtual(m.dst) && m.src <= R5)
                physicalHints.putIfAbsent(m.dst, m.src);
        }
    }

    /** Walks block b backwards from the values live at its end, marking where each value is needed or written. */
    private void markOccupied(int b, int from, int to, BitSet liveOut) {
        BitSet live = (BitSet) liveOut.clone();
        for (int p = to; p >= from; p--) {
            Mir.MInsn m = code.get(p);
            for (int v = live.nextSetBit(0); v >= 0; v = live.nextSetBit(v + 1)) occupied[v].set(p);
            int d = Mir.def(m);
            if (Mir.isVirtual(d)) { occupied[d].set(p); live.clear(d); }
            for (int u : Mir.uses(m)) if (Mir.isVirtual(u)) live.set(u);
        }
    }

    private void extend(int v, int p) {
        if (p < start[v]) start[v] = p;
        if (p > end[v]) end[v] = p;
    }

    // ---- allocation ---------------------------------------------------------------------------------

    /** Whether v is still needed after some call (a call writes no virtual register). */
    private boolean crossesCall(int v) {
        for (int c : calls) if (occupied[v].get(c)) return true;
        return false;
    }

    /** Whether v is needed or written while physical register reg carries a value from its write to its read. */
    private boolean fixedConflict(int reg, int v) {
        if (reg > R5) return false;
        for (int[] f : fixed.get(reg)) {
            int next = occupied[v].nextSetBit(Math.max(f[0], 0));
            if (next >= 0 && next < f[1]) return true;
        }
        return false;
    }

    private boolean interfere(int v, int w) { return occupied[v].intersects(occupied[w]); }

    private void allocate() {
        // by start, then number: each as one long (start in the high half), sorted without a comparator's lambda, which
        // would link method handles at its first call in a cold translate
        long[] keys = new long[n];
        int count = 0;
        for (int v = Mir.VREG_BASE; v < n; v++) if (end[v] >= 0) keys[count++] = (long) start[v] << 32 | v;
        Arrays.sort(keys, 0, count);
        List<Integer> active = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int v = (int) keys[k];
            for (java.util.Iterator<Integer> i = active.iterator(); i.hasNext(); ) if (end[i.next()] <= start[v]) i.remove();
            boolean crosses = crossesCall(v);
            int reg = -1;
            // a value moved into a helper argument is best computed there; then one copied from or to another value
            Integer phys = physicalHints.get(v);
            if (phys != null && usable(phys, v, crosses, active)) reg = phys;
            Integer hint = hints.get(v);
            if (reg < 0 && hint != null && assigned[hint] >= 0 && usable(assigned[hint], v, crosses, active)) reg = assigned[hint];
            // a value copied into one that must survive calls is best born in a callee-saved register
            if (reg < 0 && !crosses && feedsCallSurvivor(v))
                for (int r : CALLEE_SAVED) if (usable(r, v, false, active)) { reg = r; break; }
            if (reg < 0 && !crosses) for (int r : CALLER_SAVED) if (usable(r, v, false, active)) { reg = r; break; }
            if (reg < 0) for (int r : CALLEE_SAVED) if (usable(r, v, crosses, active)) { reg = r; break; }
            if (reg < 0) {
                // steal from the active interval that ends last, if that helps and its register suits v
                int victim = -1;
                for (int w : active)
                    if (assigned[w] >= 0 && end[w] > end[v] && (victim < 0 || end[w] > end[victim])
                            && (!crosses || assigned[w] >= R6) && !fixedConflict(assigned[w], v)) victim = w;
                if (victim >= 0) {
                    // another active value may share the victim's register in its holes; v must fit beside it too
                    active.remove((Integer) victim);
                    if (usable(assigned[victim], v, crosses, active)) {
                        reg = assigned[victim];
                        spill(victim);
                    } else {
                        active.add(victim);
                    }
                }
            }
            if (reg < 0) { spill(v); continue; }
            assigned[v] = reg;
            active.add(v);
        }
    }

    private boolean feedsCallSurvivor(int v) {
        Integer w = hints.get(v);
        return w != null && assigned[w] < 0 && start[w] >= end[v] - 1 && end[w] >= 0 && crossesCall(w);
    }

    private boolean usable(int reg, int v, boolean crosses, List<Integer> active) {
        if (crosses && reg < R6) return false;
        if (fixedConflict(reg, v)) return false;
        for (int w : active) if (assigned[w] == reg && interfere(v, w)) return false;
        return true;
    }

    /**
     * Keeps v in a stack slot: one that holds values never needed where v is, as registers are shared, or a new one,
     * so a program with many short spilled values does not grow its frame by 8 bytes for each.
     */
    private void spill(int v) {
        assigned[v] = -1;
        for (Map.Entry<Integer, List<Integer>> slot : slotValues.entrySet()) {
            boolean free = true;
            for (int w : slot.getValue()) if (interfere(v, w)) { free = false; break; }
            if (free) {
                spillSlot[v] = slot.getKey();
                slot.getValue().add(v);
                return;
            }
        }
        spillSlot[v] = frame.allocate(8, 8);
        List<Integer> values = new ArrayList<>();
        values.add(v);
        slotValues.put(spillSlot[v], values);
    }

    /**
     * Lets the lowering's frame areas and the spill slots share bytes where they hold something at different places,
     * for a frame that would not fit BPF's 512 bytes laid out one area after another; keeps that layout when the
     * areas' uses cannot be followed or packing gains nothing.
     */
    private void packFrame() {
        Map<Integer, Integer> lowered = new HashMap<>(frame.areas());
        for (Integer slot : slotValues.keySet()) lowered.remove(slot);
        FrameAreaLiveness areas = FrameAreaLiveness.of(code, blocks, lowered);
        if (areas == null) return;
        int k = areas.offset.length, slots = slotValues.size();
        int[] size = new int[k + slots];
        BitSet[] live = new BitSet[k + slots];
        List<Integer> slotOffsets = new ArrayList<>(slotValues.keySet());
        for (int i = 0; i < k; i++) { size[i] = areas.size[i]; live[i] = areas.live[i]; }
        for (int s = 0; s < slots; s++) {
            size[k + s] = 8;
            live[k + s] = new BitSet();
            for (int v : slotValues.get(slotOffsets.get(s))) live[k + s].or(spilledAt(v));
        }
        FramePacking packed = FramePacking.of(size, live);
        if (packed.used >= frame.used()) return;
        Map<Integer, Integer> moved = new HashMap<>();
        for (int i = 0; i < k; i++) {
            int delta = packed.offset[i] - areas.offset[i];
            moved.put(areas.offset[i], packed.offset[i]);
            for (int p : areas.namedAt.get(i)) {
                Mir.MInsn m = code.get(p);
                if (m.opcode == (ALU64 | ADD | K)) m.imm += delta;
                else if (m.opcode == (ALU64 | SUB | K)) m.imm -= delta;
                else m.off += delta;
            }
        }
        Map<Integer, List<Integer>> repacked = new java.util.LinkedHashMap<>();
        for (int s = 0; s < slots; s++) {
            int to = packed.offset[k + s];
            moved.put(slotOffsets.get(s), to);
            for (int v : slotValues.get(slotOffsets.get(s))) spillSlot[v] = to;
            List<Integer> values = repacked.get(to);
            if (values == null) repacked.put(to, values = new ArrayList<>());
            values.addAll(slotValues.get(slotOffsets.get(s)));
        }
        slotValues.clear();
        slotValues.putAll(repacked);
        frame.repack(moved, packed.used);
    }

    /** Where spilled value v's slot holds it: where it is needed or written, and where it is reloaded for a use. */
    private BitSet spilledAt(int v) {
        BitSet at = (BitSet) occupied[v].clone();
        for (int p = 0; p < code.size(); p++) for (int u : Mir.uses(code.get(p))) if (u == v) at.set(p);
        return at;
    }

    // ---- rewriting ------------------------------------------------------------------------------------

    /** Physical registers in use at position p (by allocated intervals and fixed r0–r5 intervals). */
    private BitSet busyAt(int p) {
        BitSet busy = new BitSet(11);
        for (int v = Mir.VREG_BASE; v < n; v++)
            if (assigned[v] >= 0 && occupied[v].get(p)) busy.set(assigned[v]);
        for (int r = 0; r <= R5; r++) for (int[] f : fixed.get(r)) if (f[0] <= p && p <= f[1]) busy.set(r);
        busy.set(R10);
        return busy;
    }

    /**
     * Spills more values until every instruction that reloads a spilled operand finds the scratch registers it
     * needs. Spilling a value frees its register everywhere it lived, so this repeats until nothing changes.
     */
    private void freeScratchRegisters() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int p = 0; p < code.size(); p++) {
                Mir.MInsn m = code.get(p);
                while (scratchNeeded(m) > free(occupied(p, m))) {
                    int victim = -1;
                    for (int w = Mir.VREG_BASE; w < n; w++)
                        if (assigned[w] >= 0 && occupied[w].get(p) && w != m.dst && w != m.src
                                && (victim < 0 || end[w] > end[victim])) victim = w;
                    if (victim < 0) throw tooComplex(m);
                    spill(victim);
                    changed = true;
                }
            }
        }
    }

    private static int free(BitSet busy) {
        int f = 0;
        for (int r = R0; r <= R9; r++) if (!busy.get(r)) f++;
        return f;
    }

    /** How many scratch registers {@link #rewrite} takes for m: one per spilled operand, one for a spilled-to-spilled move. */
    private int scratchNeeded(Mir.MInsn m) {
        if (m.isLabel()) return 0;
        boolean dstSpilled = Mir.isVirtual(m.dst) && assigned[m.dst] < 0;
        boolean srcSpilled = Mir.isVirtual(m.src) && usesSrc(m) && assigned[m.src] < 0;
        if (isPlainMove(m)) return dstSpilled && srcSpilled ? 1 : 0;
        return (dstSpilled ? 1 : 0) + (srcSpilled ? 1 : 0);
    }

    private static boolean isPlainMove(Mir.MInsn m) { return m.opcode == (ALU64 | MOV | X) && m.off == 0; }

    /** Registers m cannot take as scratch: those live at p and those of its own operands. */
    private BitSet occupied(int p, Mir.MInsn m) {
        BitSet busy = busyAt(p);
        if (usesSrc(m)) markOperand(busy, m.src);
        if (readsDst(m) || Mir.def(m) == m.dst) markOperand(busy, m.dst);
        return busy;
    }

    private void markOperand(BitSet busy, int reg) {
        int r = Mir.isVirtual(reg) ? assigned[reg] : reg;
        if (r >= 0 && r <= 10) busy.set(r);
    }

    private TranslationException tooComplex(Mir.MInsn m) {
        String what = "expression too complex for BPF's ten registers; split it into statements with local variables";
        return m.line != null ? new TranslationException(m.line.file(), m.line.line(), what) : new TranslationException(what);
    }

    private void rewrite() {
        List<Mir.MInsn> out = new ArrayList<>();
        for (int p = 0; p < code.size(); p++) {
            Mir.MInsn m = code.get(p);
            if (m.isLabel()) { out.add(m); continue; }
            boolean dstV = Mir.isVirtual(m.dst), srcV = Mir.isVirtual(m.src) && usesSrc(m);
            boolean dstSpilled = dstV && assigned[m.dst] < 0, srcSpilled = srcV && assigned[m.src] < 0;
            // moves touching a spilled register become a plain load or store, or both through one scratch register
            if (isPlainMove(m) && (dstSpilled || srcSpilled)) {
                if (dstSpilled && !srcSpilled) {
                    out.add(copy(m, STX | MEM | DW, R10, phys(m.src), spillSlot[m.dst], 0));
                    continue;
                }
                if (srcSpilled && !dstSpilled) {
                    out.add(copy(m, LDX | MEM | DW, phys(m.dst), R10, spillSlot[m.src], 0));
                    continue;
                }
                if (spillSlot[m.dst] == spillSlot[m.src]) continue;
                int t = scratch(occupied(p, m), m);
                out.add(copy(m, LDX | MEM | DW, t, R10, spillSlot[m.src], 0));
                out.add(copy(m, STX | MEM | DW, R10, t, spillSlot[m.dst], 0));
                continue;
            }
            BitSet busy = occupied(p, m);
            int srcReg = m.src, dstReg = m.dst;
            if (srcV) srcReg = srcSpilled ? -1 : assigned[m.src];
            if (dstV) dstReg = dstSpilled ? -1 : assigned[m.dst];
            if (srcSpilled) {
                srcReg = scratch(busy, m);
                busy.set(srcReg);
                out.add(copy(m, LDX | MEM | DW, srcReg, R10, spillSlot[m.src], 0));
            }
            boolean dstRead = dstV && readsDst(m);
            if (dstSpilled) {
                dstReg = scratch(busy, m);
                busy.set(dstReg);
                if (dstRead) out.add(copy(m, LDX | MEM | DW, dstReg, R10, spillSlot[m.dst], 0));
            }
            Mir.MInsn r = copy(m, m.opcode, dstReg, srcV ? srcReg : m.src, m.off, m.imm);
            out.add(r);
            if (dstSpilled && Mir.def(m) == m.dst)
                out.add(copy(m, STX | MEM | DW, R10, dstReg, spillSlot[m.dst], 0));
        }
        code.clear();
        code.addAll(out);
    }

    private int scratch(BitSet busy, Mir.MInsn m) {
        for (int r : new int[] {R0, R1, R2, R3, R4, R5, R6, R7, R8, R9}) if (!busy.get(r)) return r;
        throw tooComplex(m);
    }

    private int phys(int reg) { return Mir.isVirtual(reg) ? assigned[reg] : reg; }

    private static boolean usesSrc(Mir.MInsn m) {
        for (int u : Mir.uses(m)) if (u == m.src) return true;
        return cls(m.opcode) == LDX;
    }

    private static boolean readsDst(Mir.MInsn m) {
        for (int u : Mir.uses(m)) if (u == m.dst) return true;
        return false;
    }

    private static Mir.MInsn copy(Mir.MInsn m, int opcode, int dst, int src, int off, long imm) {
        Mir.MInsn c = new Mir.MInsn();
        c.opcode = opcode; c.dst = dst; c.src = src; c.off = off; c.imm = imm;
        c.ref = m.ref; c.target = m.target; c.callArgs = m.callArgs; c.line = m.line;
        if (opcode != m.opcode) { c.ref = null; c.target = null; }
        return c;
    }
}
