package org.jbpf.sim.verifier;

import java.util.Arrays;

/**
 * The instructions one path ran since its last checkpoint, oldest first: what the kernel's jump history and
 * instruction indices let it walk back through. An entry is the instruction's index shifted left by 10, the call
 * frame whose stack it accessed (3 bits) and that 8-byte stack slot plus one (7 bits; {@link #NO_STACK} for none,
 * {@link #ANY_STACK} when the slot is not known). Past {@link Precision#MAX_WALK} instructions (a loop whose head keeps no more states) it
 * stops recording and only remembers that it overflowed: a walk back that reaches it marks everything instead, and
 * copying it at a branch stays cheap. A branch whose compared register is linked to others ({@link ScalarLinks}) is
 * followed by one negative entry per member of the link ({@link #link}), as the kernel keeps linked registers in its
 * jump history.
 */
final class History {
    static final int NO_STACK = 0, ANY_STACK = 0x7f;

    private int[] entries;
    private int size;
    private boolean overflowed;
    /**
     * Entries the kernel's own jump history holds for this stretch: one per jump point reached, register spilled to
     * or filled from the stack, and branch on linked registers. Past {@link #KERNEL_LIMIT} the kernel keeps a state
     * at the next prune point whatever its other rules say.
     */
    private int kernelEntries;
    static final int KERNEL_LIMIT = 40;

    History() { this(new int[16], 0, false); }

    private History(int[] entries, int size, boolean overflowed) {
        this.entries = entries;
        this.size = size;
        this.overflowed = overflowed;
    }

    /** The low bits of an entry: slot code {@code stack} of frame {@code frame}. */
    static int access(int frame, int stack) { return frame << 7 | stack; }

    /** Records instruction {@code pc}, which made stack {@code access} (from {@link #access}). */
    void add(int pc, int access) {
        if (overflowed) return;
        if (size == Precision.MAX_WALK) { overflowed = true; entries = new int[4]; size = 0; return; }
        if (size == entries.length) entries = Arrays.copyOf(entries, size * 2);
        entries[size++] = pc << 10 | access;
    }

    /** A link member: register or stack slot {@code index} of frame {@code frame}. */
    static int link(int frame, boolean slot, int index) { return Integer.MIN_VALUE | frame << 8 | (slot ? 1 << 7 : 0) | index; }

    static boolean isLink(int entry) { return entry < 0; }

    static boolean linkIsSlot(int entry) { return (entry & 1 << 7) != 0; }

    static int linkIndex(int entry) { return entry & 0x7f; }

    static int linkFrame(int entry) { return (entry >>> 8) & 7; }

    /** Records the members of the link the branch just recorded narrowed. */
    void addLinks(int[] members) {
        for (int m : members) {
            if (overflowed) return;
            if (size == Precision.MAX_WALK) { overflowed = true; entries = new int[4]; size = 0; return; }
            if (size == entries.length) entries = Arrays.copyOf(entries, size * 2);
            entries[size++] = m;
        }
    }

    /** The entries, or null when the history overflowed. */
    int[] toArray() { return overflowed ? null : Arrays.copyOf(entries, size); }

    History copy() {
        History h = new History(Arrays.copyOf(entries, Math.max(size, 4)), size, overflowed);
        h.kernelEntries = kernelEntries;
        return h;
    }

    /** One more entry in the kernel's jump history. */
    void countKernelEntry() { kernelEntries++; }

    /** Whether the kernel's jump history has grown long enough to force a new state. */
    boolean kernelHistoryLong() { return kernelEntries > KERNEL_LIMIT; }

    void clear() {
        kernelEntries = 0;
        if (overflowed) entries = new int[16];
        size = 0;
        overflowed = false;
    }

    /** Whether the stack slot of {@code access} (from {@link #access}; none, or unknown: false) holds a spilled register in {@code st}. */
    static boolean spilledAt(VerifierState st, int access) {
        int slot = stack(access);
        if (slot == NO_STACK || slot == ANY_STACK || frame(access) >= st.frames.size()) return false;
        return st.frames.get(frame(access)).stack.kindAt((slot - 1) * 8 - StackState.SIZE) == StackState.SPILL;
    }

    static int pc(int entry) { return entry >>> 10; }

    static int frame(int entry) { return (entry >>> 7) & 7; }

    static int stack(int entry) { return entry & 0x7f; }
}
