package org.jbpf.sim.verifier;

import java.util.Arrays;

/**
 * What one call frame's 512-byte stack holds, byte by byte: nothing written yet, some scalar bytes, known zero
 * bytes, or part of a spilled register (kept whole per aligned 8-byte slot so it can be filled back; a scalar stored
 * with fewer bytes at a slot's start is spilled in those bytes, as the kernel spills narrow scalars).
 * Byte {@code i} is at frame offset {@code i - 512}.
 */
public final class StackState {
    public static final int SIZE = 512;
    public static final byte INVALID = 0, MISC = 1, ZERO = 2, SPILL = 3;

    /** Copied on write: a copy shares them until one side changes its stack (most kept states never do). */
    private byte[] kind;
    private RegState[] spilled;
    private boolean shared;
    /** Deepest offset (as a positive byte count) ever touched, for the combined stack size check. */
    private int depth;

    public StackState() { this(new byte[SIZE], new RegState[SIZE / 8], 0); }

    private StackState(byte[] kind, RegState[] spilled, int depth) {
        this.kind = kind;
        this.spilled = spilled;
        this.depth = depth;
    }

    public StackState copy() {
        shared = true;
        StackState c = new StackState(kind, spilled, depth);
        c.shared = true;
        return c;
    }

    /** Takes private copies of the arrays before a change. */
    private void own() {
        if (!shared) return;
        kind = kind.clone();
        spilled = spilled.clone();
        shared = false;
    }

    public int depth() { return depth; }

    private static int index(int off) { return off + SIZE; }

    public byte kindAt(int off) { return kind[index(off)]; }

    /** The register spilled at the aligned slot containing {@code off}, or null. */
    public RegState spillAt(int off) {
        int i = index(off);
        return kind[i] == SPILL ? spilled[i / 8] : null;
    }

    /** How many bytes from the start of the slot containing {@code off} hold a spilled register (8, or fewer for a narrow scalar). */
    public int spillSize(int off) {
        int s = index(off) / 8 * 8, n = 0;
        while (n < 8 && kind[s + n] == SPILL) n++;
        return n;
    }

    /** Replaces the register spilled whole at the aligned slot containing {@code off} (a widened scalar). */
    void replaceSpill(int off, RegState reg) {
        int i = index(off);
        own();
        if (kind[i] == SPILL) spilled[i / 8] = reg;
    }

    public void touch(int off) { depth = Math.max(depth, -off); }

    /** Records a write of {@code size} bytes at {@code off}; a full aligned 8-byte write of a register spills it. */
    public void write(int off, int size, RegState reg) {
        touch(off);
        own();
        int i = index(off);
        // a partial write destroys any spilled register it overlaps
        for (int s = i / 8; s <= (i + size - 1) / 8; s++) {
            if (spilled[s] != null && !(size == 8 && i % 8 == 0)) {
                for (int b = s * 8; b < s * 8 + 8; b++) if (kind[b] == SPILL) kind[b] = MISC;
                spilled[s] = null;
            }
        }
        if (i % 8 == 0 && reg != null && (size == 8 || reg.isScalar())) {
            Arrays.fill(kind, i, i + size, SPILL);
            spilled[i / 8] = reg;
            return;
        }
        byte k = reg != null && reg.isConst() && reg.value().constValue() == 0 ? ZERO : MISC;
        Arrays.fill(kind, i, i + size, k);
    }

    /**
     * A write that may reach any byte of the {@code len} bytes at {@code off} (a variable offset): each becomes
     * unknown and spilled registers there are lost, except that writing zero keeps known zeros and spilled zeros.
     */
    public void writeAnywhere(int off, int len, boolean zero) {
        touch(off);
        own();
        for (int i = index(off); i < index(off) + len; i++) {
            int s = i / 8;
            if (kind[i] == SPILL) {
                if (zero && spilled[s].isConst() && spilled[s].value().constValue() == 0) continue;
                for (int b = s * 8; b < s * 8 + 8; b++) if (kind[b] == SPILL) kind[b] = MISC;
                spilled[s] = null;
            }
            kind[i] = zero && kind[i] == ZERO ? ZERO : MISC;
        }
    }

    /** Marks bytes written by a helper (for example probe_read into the stack). */
    public void writeUnknown(int off, int size) { write(off, size, null); }

    public boolean initialized(int off, int size) {
        for (int i = index(off); i < index(off) + size; i++) if (kind[i] == INVALID) return false;
        return true;
    }

    /** Replaces the spilled registers for which {@code f} returns a different value (null-test propagation). */
    public void mapSpills(java.util.function.UnaryOperator<RegState> f) {
        for (int s = 0; s < spilled.length; s++) {
            if (spilled[s] == null) continue;
            RegState r = f.apply(spilled[s]);
            if (r == spilled[s]) continue;
            own();
            spilled[s] = r;
        }
    }

    public boolean anySpill(java.util.function.Predicate<RegState> p) {
        for (RegState r : spilled) if (r != null && p.test(r)) return true;
        return false;
    }

    /** True when every byte the old state had initialised is initialised the same way here. */
    public boolean safeWhere(StackState old) { return safeWhere(old, -1L, -1L, new ScalarLinks()); }

    /**
     * As {@link #safeWhere(StackState)}; spilled scalars in slots outside {@code preciseSlots} only need to be
     * scalars, and slots outside {@code liveSlots} (bit k: offset 8k - 512) are not compared; scalar links pair up
     * in {@code links} over the whole state. As the kernel compares a privileged program's stacks: bytes the old state
     * held as unknown (or never wrote) match anything, and a spilled scalar, of 8 bytes or of the 4 at a slot's start,
     * matches bytes that are all unknown or unwritten on the other side as a scalar of any value would.
     */
    boolean safeWhere(StackState old, long preciseSlots, long liveSlots, ScalarLinks links) {
        for (int slot = 0; slot < SIZE / 8; slot++) {
            if ((liveSlots & (1L << slot)) == 0) continue;
            int start = slot * 8;
            boolean precise = (preciseSlots & (1L << slot)) != 0;
            // the whole slot, then its low half, as one scalar on each side when both hold one
            int whole = scalarsMatch(old, start, 8, precise, links);
            if (whole == 1) continue;
            if (whole == -1) return false;
            for (int i = start + 7; i >= start + 4; i--) if (!byteSafe(old, i, precise, links)) return false;
            int low = scalarsMatch(old, start, 4, precise, links);
            if (low == 1) continue;
            if (low == -1) return false;
            for (int i = start + 3; i >= start; i--) if (!byteSafe(old, i, precise, links)) return false;
        }
        return true;
    }

    /**
     * Whether the {@code width} bytes at {@code start} hold one scalar on both sides (a spill of that width, or bytes
     * all unknown or unwritten): 1 when they match as scalars, -1 when they do not, 0 when either side holds no scalar.
     */
    private int scalarsMatch(StackState old, int start, int width, boolean precise, ScalarLinks links) {
        // bytes the current stack has not allocated match nothing the old state wrote (the kernel's first test)
        RegState o = old.scalarAt(start, width), n = start < SIZE - allocated() ? null : scalarAt(start, width);
        if (o == null || n == null) return 0;
        if (!precise || o == UNBOUND) return 1;
        return n.safeWhere(o, links) ? 1 : -1;
    }

    /** Any scalar, for bytes that are unknown or unwritten. */
    private static final RegState UNBOUND = RegState.UNKNOWN_SCALAR;

    /** The scalar the {@code width} bytes at {@code start} hold: a spilled scalar of that width, any value, or null. */
    private RegState scalarAt(int start, int width) {
        if (kind[start] == SPILL) {
            RegState r = spilled[start / 8];
            int n = 0;
            while (n < 8 && kind[start + n] == SPILL) n++;
            return r != null && r.isScalar() && n == width ? r : null;
        }
        for (int i = start; i < start + width; i++) if (kind[i] != MISC && kind[i] != INVALID) return null;
        // all unwritten: the kernel skips such bytes of the old state before it gets here
        return UNBOUND;
    }

    /** One byte, where neither side holds a scalar over its slot or half. */
    private boolean byteSafe(StackState old, int i, boolean precise, ScalarLinks links) {
        byte o = old.kind[i];
        if (o == INVALID || o == MISC) return true;
        byte n = kind[i];
        if (i < SIZE - allocated()) return false;
        if (o == SPILL) {
            if (n != SPILL) return false;
            RegState n8 = spilled[i / 8], o8 = old.spilled[i / 8];
            boolean imprecise = !precise && n8.type() == RegType.SCALAR && o8.type() == RegType.SCALAR;
            return i % 8 != 0 || imprecise || n8.safeWhere(o8, links);
        }
        // known zeros: only known zeros match (a spilled 0 is a register, which the kernel does not take for them)
        return n == ZERO;
    }

    /** Bytes the kernel has allocated for this stack: the deepest access, in whole 8-byte slots. */
    private int allocated() { return (depth + 7) / 8 * 8; }

    /**
     * The kernel's comparison of a loop's states (its RANGE_WITHIN): every byte {@code old} had allocated holds the
     * same kind of content here, nothing written where old had nothing and known zeros only where old had them, and
     * each spilled register lies within old's ({@link RegState#withinRange}); bytes old never allocated are not
     * compared. Slots in {@code forgotten} (bit k: offset 8k - 512) count as never written in old: the kernel had
     * cleared them from old as dead ({@link Checkpoint#cleaned}).
     */
    boolean rangeWithin(StackState old, long forgotten, ScalarLinks links) {
        int from = SIZE - old.allocated();
        if (allocated() < old.allocated()) return false;
        for (int i = from; i < SIZE; i++) {
            boolean cleared = (forgotten & (1L << (i / 8))) != 0;
            byte o = cleared ? INVALID : old.kind[i], n = kind[i];
            if (o != n) return false;
            if (o == SPILL && i % 8 == 0 && !spilled[i / 8].withinRange(old.spilled[i / 8], links)) return false;
        }
        return true;
    }

    /** True when {@code o} holds exactly what this stack holds, spilled registers' ids paired by {@code ids}. */
    boolean sameAs(StackState o, IdPairs ids) {
        if (!Arrays.equals(kind, o.kind)) return false;
        for (int s = 0; s < spilled.length; s++) {
            if (spilled[s] == null || o.spilled[s] == null) { if (spilled[s] != o.spilled[s]) return false; }
            else if (!spilled[s].sameAs(o.spilled[s], ids)) return false;
        }
        return true;
    }

    @Override public boolean equals(Object o) {
        return o instanceof StackState s && Arrays.equals(kind, s.kind) && Arrays.equals(spilled, s.spilled);
    }

    @Override public int hashCode() { return Arrays.hashCode(kind) * 31 + Arrays.hashCode(spilled); }
}
