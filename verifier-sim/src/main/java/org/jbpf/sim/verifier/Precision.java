package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.core.asm.Insn;

/**
 * The kernel's precision marks: a scalar's exact value matters only where a check depends on it (a branch whose
 * outcome is decided, an offset added to a pointer, a helper's size argument). From such a use this walks the
 * path back, instruction by instruction, through the registers and stack slots the value was computed from, and
 * marks them precise in every checkpoint on the way. A checkpoint's imprecise scalars then match any scalar when
 * pruning. Where the walk cannot follow a value (a legacy packet load, an atomic operation on a needed slot), every
 * scalar of the checkpoints above is marked, as the kernel does; so it is after a long stretch without a checkpoint. Programs with BPF-to-BPF calls are not walked;
 * they use the static {@link PreciseRegisters} instead.
 */
final class Precision {
    static final int ALL_REGS = (1 << 11) - 1;
    /**
     * Instructions a path may run without a checkpoint before a use marks everything above it instead of walking
     * back (a loop whose head holds the kernel's maximum of states): keeps the walk's cost bounded.
     */
    static final int MAX_WALK = 1024;

    private final List<Insn> insns;
    private int regs;
    private long slots;

    Precision(List<Insn> insns) { this.insns = insns; }

    /**
     * Marks what {@code needRegs} and {@code needSlots}, wanted exactly at entry to the current instruction, depend
     * on: {@code recent} is the path since the checkpoint {@code last}.
     */
    void mark(int needRegs, long needSlots, History recent, Checkpoint last) {
        regs = needRegs;
        slots = needSlots;
        int[] segment = recent.toArray();
        for (Checkpoint cp = last; ; cp = cp.parent) {
            if (segment == null) { markAll(cp); return; }
            for (int i = segment.length - 1; i >= 0 && !done(); i--)
                if (!back(segment[i])) { markAll(cp); return; }
            if (done() || cp == null) return;
            reach(cp);
            segment = cp.segment;
        }
    }

    private boolean done() { return regs == 0 && slots == 0; }

    private static void markAll(Checkpoint cp) {
        for (Checkpoint c = cp; c != null && !c.allPrecise; c = c.parent) c.allPrecise = true;
    }

    /** At a checkpoint: marks the needed scalars precise there; those already precise were followed further before. */
    private void reach(Checkpoint cp) {
        if (cp.allPrecise) { regs = 0; slots = 0; return; }
        FrameState f = cp.state.frame();
        for (int r = 0; r <= 10; r++) {
            int bit = 1 << r;
            if ((regs & bit) == 0) continue;
            if (!f.regs[r].isScalar() || (cp.preciseRegs & bit) != 0) regs &= ~bit;
            else cp.preciseRegs |= bit;
        }
        for (int k = 0; k < 64; k++) {
            long bit = 1L << k;
            if ((slots & bit) == 0) continue;
            RegState spilled = f.stack.spillAt(8 * k - StackState.SIZE);
            if (spilled == null || !spilled.isScalar() || (cp.preciseSlots & bit) != 0) slots &= ~bit;
            else cp.preciseSlots |= bit;
        }
    }

    private boolean has(int r) { return (regs & (1 << r)) != 0; }
    private void set(int r) { regs |= 1 << r; }
    private void clear(int r) { regs &= ~(1 << r); }

    /** Steps back over one instruction: what was needed after it becomes what is needed before it. */
    private boolean back(int entry) {
        Insn in = insns.get(History.pc(entry));
        int stack = History.stack(entry);
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
                if (stack == History.ANY_STACK) return false;
                // a fill from the stack: the slot holds what was spilled; other memory gives a fresh value
                if (stack != History.NO_STACK) slots |= 1L << (stack - 1);
                return true;
            case ST: case STX: {
                if (mode(opc) == ATOMIC) {
                    int fetched = in.imm() == CMPXCHG ? R0 : (in.imm() & FETCH) != 0 ? src : -1;
                    boolean slotNeeded = stack != History.NO_STACK && (stack == History.ANY_STACK || (slots & (1L << (stack - 1))) != 0);
                    if (slotNeeded || fetched >= 0 && has(fetched) && stack != History.NO_STACK) return false;
                    if (fetched >= 0) clear(fetched);
                    return true;
                }
                if (stack == History.NO_STACK) return true;
                if (stack == History.ANY_STACK) return slots == 0;
                long bit = 1L << (stack - 1);
                if ((slots & bit) == 0) return true;
                // a full spill replaces the slot; a narrower store leaves the rest of it from earlier writes
                if (size(opc) == DW) slots &= ~bit;
                if (cls(opc) == STX) set(src);
                return true;
            }
            case LD:
                if (in.isLdImm64()) { clear(dst); return true; }
                return !has(R0);   // LD_ABS/LD_IND: the kernel does not follow these
            default:
                if (op == CALL) {
                    if (!in.isHelperCall()) return false;
                    regs &= ~0x3f;   // r0 is the helper's result, r1-r5 are clobbered
                    return true;
                }
                if (op == EXIT) return false;
                if (op != JA && source(opc) == X && (has(dst) || has(src))) { set(dst); set(src); }
                return true;
        }
    }
}
