package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.Arrays;
import java.util.List;
import org.jbpf.core.asm.Insn;

/**
 * The kernel's precision marks: a scalar's exact value matters only where a check depends on it (a branch whose
 * outcome is decided, an offset added to a pointer, a helper's size argument). From such a use this walks the
 * path back, instruction by instruction, through the registers and stack slots the value was computed from, frame
 * by frame across BPF-to-BPF calls and returns, and marks them precise in every checkpoint on the way. A
 * checkpoint's imprecise scalars then match any scalar when pruning. Where the walk cannot follow a value (a legacy
 * packet load, a stretch too long to keep) every scalar of the checkpoints above is marked, as the kernel's fallback
 * does; stack accesses at a variable offset are stepped over as the kernel does (they neither spill nor fill).
 */
final class Precision {
    /**
     * Instructions a path may run without a checkpoint before it stops recording them (a loop whose head holds the
     * kernel's maximum of states): a walk that reaches such a stretch marks everything above it, so cost stays bounded.
     */
    static final int MAX_WALK = 1024;
    private static final int ARGS = 0x3e, CLOBBERED = 0x3f;

    private final List<Insn> insns;
    /** What is still needed, per call frame, while walking back; {@code depth} is the frame being walked. */
    private final int[] regs = new int[VerifierContext.MAX_FRAMES];
    private final long[] slots = new long[VerifierContext.MAX_FRAMES];
    private int depth;
    /** The step just walked back over was a bpf_loop call in the frame being walked: an exit before it ends a round of its body. */
    private boolean afterLoopCall;
    /** The instruction run after the one being walked back over: tells a round's start from a bpf_loop call run straight on. */
    private int subsequent;
    /** Marks set so far, over all checkpoints: tells whether a round of {@link LoopVisits} changed anything. */
    private long marks;

    Precision(List<Insn> insns) { this.insns = insns; }

    long marks() { return marks; }

    /** Marks what register {@code r} of frame {@code frame} depends on, wanted exactly at instruction {@code pc}. */
    void mark(int r, int frame, History recent, Checkpoint last, int pc) {
        Arrays.fill(regs, 0);
        Arrays.fill(slots, 0);
        regs[frame] = 1 << r;
        walk(frame, recent, last, pc);
    }

    /** Marks what the scalar spilled in 8-byte stack slot {@code slot} of frame {@code frame} depends on, at {@code pc}. */
    void markSlot(int slot, int frame, History recent, Checkpoint last, int pc) {
        Arrays.fill(regs, 0);
        Arrays.fill(slots, 0);
        slots[frame] = 1L << slot;
        walk(frame, recent, last, pc);
    }

    /** Marks, along the current path, what a checkpoint that covered its state needed exactly in live registers and slots. */
    void markCovered(Checkpoint covering, int frame, History recent, Checkpoint last, int[] liveRegs, long[] liveSlots) {
        if (covering.allPrecise) { markAll(last); return; }
        Arrays.fill(regs, 0);
        Arrays.fill(slots, 0);
        for (int f = 0; f < covering.preciseRegs.length; f++) regs[f] = covering.preciseRegs[f] & liveRegs[f];
        for (int f = 0; f < covering.preciseSlots.length; f++) slots[f] = covering.preciseSlots[f] & liveSlots[f];
        walk(frame, recent, last, covering.pc);
    }

    private void walk(int frame, History recent, Checkpoint last, int pc) {
        depth = frame;
        afterLoopCall = false;
        subsequent = pc;
        int[] segment = recent.toArray();
        for (Checkpoint cp = last; ; cp = cp.parent) {
            if (segment == null) { markAll(cp); return; }
            for (int i = segment.length - 1; i >= 0 && !done(); i--) {
                if (History.isLink(segment[i])) { i = linked(segment, i); continue; }
                if (!back(segment[i])) { markAll(cp); return; }
                subsequent = History.pc(segment[i]);
            }
            if (done() || cp == null) return;
            if (!reach(cp)) { markAll(cp); return; }
            segment = cp.segment;
        }
    }

    /**
     * The link entries that end at {@code end}: when any member is needed, all are, since a branch gave each the
     * others' bounds (the kernel's bt_sync_linked_regs). Returns the index of the first.
     */
    private int linked(int[] segment, int end) {
        int start = end;
        while (start > 0 && History.isLink(segment[start - 1])) start--;
        boolean any = false;
        for (int i = start; i <= end; i++) any |= needed(segment[i]);
        if (any)
            for (int i = start; i <= end; i++) {
                int e = segment[i], f = History.linkFrame(e);
                if (History.linkIsSlot(e)) slots[f] |= 1L << History.linkIndex(e);
                else regs[f] |= 1 << History.linkIndex(e);
            }
        return start;
    }

    private boolean needed(int e) {
        int f = History.linkFrame(e);
        return History.linkIsSlot(e) ? (slots[f] & 1L << History.linkIndex(e)) != 0 : (regs[f] & 1 << History.linkIndex(e)) != 0;
    }

    private boolean done() {
        for (int f = 0; f <= depth; f++) if (regs[f] != 0 || slots[f] != 0) return false;
        return true;
    }

    /**
     * A may_goto loop was cut short by comparing ranges alone: what its pruned iterations would have needed is not
     * known, so the states kept from the loop's entry {@code entry} up to {@code from} prune others only by the
     * ranges of all their scalars ({@link Checkpoint#rangesExact}).
     */
    void markLoop(Checkpoint from, Checkpoint entry) {
        for (Checkpoint c = from; c != null; c = c.parent) {
            c.rangesExact = true;
            if (c == entry) return;
        }
    }

    /** Every scalar of {@code cp} and the checkpoints above it is needed exactly. */
    void markAllFrom(Checkpoint cp) { markAll(cp); }

    private void markAll(Checkpoint cp) {
        for (Checkpoint c = cp; c != null && !c.allPrecise; c = c.parent) {
            c.allPrecise = true;
            marks++;
        }
    }

    /**
     * At a checkpoint: marks the needed scalars precise there; those already precise were followed further before.
     * False when the checkpoint's frames do not match the walk's (then everything is marked instead).
     */
    private boolean reach(Checkpoint cp) {
        if (cp.freed) throw new FreedStateReached(cp);
        if (cp.state.frames.size() != depth + 1) return false;
        if (cp.allPrecise) { Arrays.fill(regs, 0); Arrays.fill(slots, 0); return true; }
        for (int f = 0; f <= depth; f++) {
            FrameState fs = cp.state.frames.get(f);
            for (int r = 0; r <= 10; r++) {
                int bit = 1 << r;
                if ((regs[f] & bit) == 0) continue;
                if (!fs.regs[r].isScalar() || (cp.preciseRegs[f] & bit) != 0) regs[f] &= ~bit;
                else { cp.preciseRegs[f] |= bit; marks++; }
            }
            for (int k = 0; k < 64; k++) {
                long bit = 1L << k;
                if ((slots[f] & bit) == 0) continue;
                RegState spilled = fs.stack.spillAt(8 * k - StackState.SIZE);
                if (spilled == null || !spilled.isScalar() || (cp.preciseSlots[f] & bit) != 0) slots[f] &= ~bit;
                else { cp.preciseSlots[f] |= bit; marks++; }
            }
        }
        return true;
    }

    /**
     * A walk needed something in a kept state the kernel has already freed: it reads freed memory there, and 6.18 then
     * reports its own bug ("stack slot 8, total slots 0") or crashes ({@link Checkpoint#freed}).
     */
    static final class FreedStateReached extends RuntimeException {
        final transient Checkpoint state;

        FreedStateReached(Checkpoint state) {
            super(null, null, false, false);
            this.state = state;
        }
    }

    private boolean has(int r) { return (regs[depth] & (1 << r)) != 0; }
    private void set(int r) { regs[depth] |= 1 << r; }
    private void clear(int r) { regs[depth] &= ~(1 << r); }

    /** Steps back over one instruction: what was needed after it becomes what is needed before it. */
    private boolean back(int entry) {
        boolean roundEnds = afterLoopCall;
        afterLoopCall = false;
        Insn in = insns.get(History.pc(entry));
        int stack = History.stack(entry), frame = History.frame(entry);
        long slotBit = stack == History.NO_STACK || stack == History.ANY_STACK ? 0 : 1L << (stack - 1);
        int opc = in.opcode(), op = op(opc), dst = in.dst(), src = in.src();
        switch (cls(opc)) {
            case ALU: case ALU64:
                if (!has(dst)) return true;
                if (op == MOV) clear(dst);
                if (source(opc) == X && op != NEG && op != END) set(src);
                return true;
            case LDX:
                if (!has(dst)) return true;
                clear(dst);
                // a fill from the stack: the slot holds what was spilled; other memory gives a fresh value, and so does
                // a read at a variable stack offset (always unknown), which the kernel's walk does not follow either
                if (stack != History.NO_STACK && stack != History.ANY_STACK) slots[frame] |= slotBit;
                return true;
            case ST: case STX: {
                if (mode(opc) == ATOMIC) {
                    // the kernel walks an atomic as the store it also is: a needed slot needs the source register too,
                    // and the register it fetched into stays needed as it was before (the slot stays needed as well)
                    if (stack == History.NO_STACK || stack == History.ANY_STACK) return true;
                    if ((slots[frame] & slotBit) != 0) set(src);
                    return true;
                }
                // a store at a variable stack offset leaves no spill behind (it makes bytes unknown), and the kernel's
                // walk steps over it as over any store that is not a spill
                if (stack == History.NO_STACK || stack == History.ANY_STACK) return true;
                if ((slots[frame] & slotBit) == 0) return true;
                // a full spill replaces the slot; a narrower store leaves the rest of it from earlier writes
                if (size(opc) == DW) slots[frame] &= ~slotBit;
                if (cls(opc) == STX) set(src);
                return true;
            }
            case LD:
                if (in.isLdImm64()) { clear(dst); return true; }
                return !has(R0);   // LD_ABS/LD_IND: the kernel does not follow these
            default:
                boolean loopCall = op == CALL && in.isHelperCall() && in.imm() == org.jbpf.core.helper.HelperTable.LOOP;
                if (loopCall && subsequent != History.pc(entry) + 1) {
                    // back out of a round of a bpf_loop body to the call that began it (the body ran next, not the
                    // instruction after the call): the body's r1-r5 were not the caller's registers, so they are dropped
                    // and the walk goes on in the caller, as the kernel's does; the body's stack it cannot follow there
                    if (depth == 0 || (regs[depth] & ~ARGS) != 0 || slots[depth] != 0) return false;
                    regs[depth] = 0;
                    depth--;
                    // the call was reached again after an earlier round: an exit before it ends that round
                    afterLoopCall = true;
                    return true;
                }
                if (loopCall) afterLoopCall = true;
                if (op == CALL && (in.isHelperCall() || in.src() == org.jbpf.core.asm.Opcodes.PSEUDO_KFUNC_CALL)) { regs[depth] &= ~CLOBBERED; return true; }
                if (op == CALL) {
                    // back into the caller: the callee's arguments came from the caller's r1-r5
                    if (depth == 0) return false;
                    int args = regs[depth] & ARGS;
                    regs[depth] = 0;
                    slots[depth] = 0;
                    depth--;
                    regs[depth] |= args;
                    return true;
                }
                if (op == EXIT && roundEnds) {
                    // back into a round of a bpf_loop body: the caller's registers were its arguments all along
                    if (depth + 1 >= regs.length) return false;
                    depth++;
                    regs[depth] = 0;
                    slots[depth] = 0;
                    return true;
                }
                if (op == EXIT) {
                    // back into the function that returned: its r0 is the caller's r0 after the call
                    if (depth + 1 >= regs.length) return false;
                    int r0 = regs[depth] & 1;
                    regs[depth] &= ~CLOBBERED;
                    depth++;
                    regs[depth] = r0;
                    slots[depth] = 0;
                    return true;
                }
                if (op != JA && source(opc) == X && (has(dst) || has(src))) { set(dst); set(src); }
                return true;
        }
    }
}
