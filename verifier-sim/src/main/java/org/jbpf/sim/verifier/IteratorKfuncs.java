package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.PSEUDO_KFUNC_CALL;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;

/**
 * The kernel's open-coded numeric iterator (kfuncs {@code bpf_iter_num_new}, {@code _next}, {@code _destroy}) as its
 * verifier checks it. The iterator is an 8-byte, 8-aligned stack slot holding a {@link RegType#ITER} state: active or
 * drained, its nesting depth ({@code range}) and the reference {@code _new} acquired ({@code refId}), which only
 * {@code _destroy} releases. At {@code _next} on an active iterator the path splits: it goes on with the iterator
 * drained and r0 = NULL, and a new path starts with the iterator one deeper and r0 pointing at the 4-byte number.
 * A loop converges, instead of being followed iteration by iteration, when the state at {@code _next} lies within
 * the state an earlier iteration reached there (ranges compared exactly, precision aside); scalars the loop changes
 * and no check needed exactly are widened to unknown from one iteration to the next, as the kernel's
 * {@code widen_imprecise_scalars} does, so that happens after a few iterations.
 */
final class IteratorKfuncs {
    static final String NEW = "bpf_iter_num_new", NEXT = "bpf_iter_num_next", DESTROY = "bpf_iter_num_destroy";
    /** Iterator states, kept in the slot's {@code size}. */
    private static final int ACTIVE = 1, DRAINED = 2;

    private final VerifierContext cx;

    IteratorKfuncs(VerifierContext cx) { this.cx = cx; }

    static boolean handles(Insn in) {
        return in.isCall() && in.src() == PSEUDO_KFUNC_CALL && (NEW.equals(in.reference()) || NEXT.equals(in.reference())
                || DESTROY.equals(in.reference()));
    }

    boolean isNext(int pc) {
        Insn in = cx.insns.get(pc);
        return in.isCall() && in.src() == PSEUDO_KFUNC_CALL && NEXT.equals(in.reference());
    }

    /** Every {@code _next} call is a place where states are compared and always kept, as the kernel forces there. */
    void markPrunePoints(boolean[] prunePoint) {
        for (int pc = 0; pc < prunePoint.length; pc++) if (isNext(pc)) prunePoint[pc] = true;
    }

    /**
     * True when {@code v}, a state kept at this {@code _next} call by an iteration still being followed, covers
     * {@code st} and the iterator is active: the loop converged. Ranges are compared in the live registers
     * ({@code liveRegs}, per frame) and the whole stack.
     */
    boolean converged(Checkpoint v, VerifierState st, int[] liveRegs) {
        if (!st.rangeWithin(v.state, liveRegs, null)) return false;
        RegState it = slotAt(st, st.reg(1));
        if (it == null || it.size() != ACTIVE) return false;
        v.hits++;
        return true;
    }

    /**
     * Checks and runs the kfunc call at {@code cx.pc}; returns the next instruction. {@code previous} is the state kept
     * at this next call one iteration earlier, whose imprecise scalars the next iteration widens (null: none).
     */
    int call(VerifierState st, Insn in, BiConsumer<Integer, VerifierState> fork, Checkpoint previous) {
        String name = in.reference();
        RegState arg = cx.read(st, 1);
        int frame = arg.frame(), off = slotOffset(arg, name);
        StackState stack = st.frames.get(frame).stack;
        RegState it = stack.spillAt(off);
        boolean initialized = it != null && it.type() == RegType.ITER;
        if (name.equals(NEW)) {
            if (initialized)
                throw new Reject("expected uninitialized iter_num as arg #0",
                        "a numbers iterator is made again in the slot of one still open; close it first");
            cx.read(st, 2);
            cx.read(st, 3);
            int ref = cx.newId();
            st.refs.put(ref, cx.pc);
            cx.noteDepth(st.frames.get(frame), off);
            stack.write(off, 8, iterator(ACTIVE, 0, ref, frame));
            clobber(st, RegState.UNKNOWN_SCALAR);
            return cx.pc + 1;
        }
        if (!initialized)
            throw new Reject("expected an initialized iter_num as arg #0",
                    "the numbers iterator is used before Loops.numbers made it or after close()");
        if (name.equals(DESTROY)) {
            st.refs.remove(it.refId());
            stack.writeUnknown(off, 8);
            clobber(st, RegState.NOT_INIT);
            return cx.pc + 1;
        }
        if (it.size() == ACTIVE) {
            VerifierState more = st.copy();
            more.frames.get(frame).stack.write(off, 8, iterator(ACTIVE, it.range() + 1, it.refId(), frame));
            if (previous != null) ImpreciseWidening.widen(previous, more);
            clobber(more, RegState.pointer(RegType.MEM_RDONLY, 0).withSize(4));
            fork.accept(cx.pc + 1, more);
        }
        stack.write(off, 8, iterator(DRAINED, it.range(), it.refId(), frame));
        clobber(st, RegState.constant(0));
        return cx.pc + 1;
    }

    /** At the program's exit: an iterator still open is a leaked reference. */
    void checkExit(VerifierState st) {
        if (st.frames.size() != 1) return;
        for (Map.Entry<Integer, Integer> ref : st.refs.entrySet()) {
            Insn made = cx.insns.get(ref.getValue());
            if (!made.isCall() || made.src() != PSEUDO_KFUNC_CALL) continue;
            SourceLine at = made.source();
            throw new Reject("Unreleased reference id=" + ref.getKey() + " alloc_insn=" + cx.slotOf[ref.getValue()],
                    "the numbers iterator made at " + (at != null ? at.toString() : "insn " + cx.slotOf[ref.getValue()])
                            + " is not closed on this path before the program returns; call close() on it");
        }
    }

    /** The iterator slot {@code arg} points at: a stack pointer at a constant, 8-aligned offset. */
    private int slotOffset(RegState arg, String name) {
        if (arg.type() != RegType.STACK || !arg.value().isConst())
            throw new Reject("arg#0 expected pointer to an iterator on stack",
                    name + " needs the iterator's stack slot at a constant offset, not " + arg.describe());
        long off = arg.off() + arg.value().constValue();
        if (off % 8 != 0 || off < -StackState.SIZE || off + 8 > 0)
            throw new Reject("cannot pass in iter at an offset=" + off, "the numbers iterator must be an aligned 8-byte stack slot");
        return (int) off;
    }

    /** The iterator state in the slot {@code arg} points at, or null. */
    private static RegState slotAt(VerifierState st, RegState arg) {
        if (arg.type() != RegType.STACK || !arg.value().isConst()) return null;
        long off = arg.off() + arg.value().constValue();
        if (off % 8 != 0 || off < -StackState.SIZE || off + 8 > 0) return null;
        RegState it = st.frames.get(arg.frame()).stack.spillAt((int) off);
        return it != null && it.type() == RegType.ITER ? it : null;
    }

    /** An iterator's slot state: {@code size} is active or drained, {@code range} the depth, {@code refId} its reference. */
    private static RegState iterator(int state, int depth, int ref, int frame) {
        return new RegState(RegType.ITER, ScalarBounds.constant(0), 0, null, 0, ref, state, depth, frame);
    }

    private static void clobber(VerifierState st, RegState r0) {
        st.set(0, r0);
        for (int r = 1; r <= 5; r++) st.set(r, RegState.NOT_INIT);
    }
}
