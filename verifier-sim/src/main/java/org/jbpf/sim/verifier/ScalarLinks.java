package org.jbpf.sim.verifier;

import java.util.HashMap;
import java.util.Map;

/**
 * Scalars linked by a copy, as the kernel links them (its scalar ids, 6.11+ with a constant delta): {@code r2 = r1}
 * gives both one link id, and {@code r2 += c} (c a 32-bit constant, once) keeps the link with delta c, so a bound a
 * branch learns on one is learnt on every register and spilled slot of the link ({@link #sync}). A 32-bit
 * {@code w2 += c} links too when r2 fits in 32 bits: r2 is then the low half of the sum. On a scalar
 * {@link RegState#id()} is the link id, with {@link #DELTA} or {@link #DELTA32} set once a constant was added, and
 * {@link RegState#off()} that constant.
 *
 * <p>One instance also pairs the link ids of a kept state with those of a new one while they are compared, as the
 * kernel's idmap does: links must match one to one, else what one state learns at a branch the other would not.
 */
final class ScalarLinks {
    /** Set in a scalar's id once a constant was added to the copy (the kernel's BPF_ADD_CONST). */
    static final int DELTA = 1 << 30;
    /** Set instead when the constant was added in 32 bits: the register is the low half of base plus delta. */
    static final int DELTA32 = 1 << 29;
    private static final int FLAGS = DELTA | DELTA32;

    private final Map<Integer, Integer> oldToNew = new HashMap<>(), newToOld = new HashMap<>();
    private int unique = -1;
    /** Pointer and reference ids of the old state paired with the new state's, as the kernel's id map pairs them. */
    final IdPairs pointerIds = new IdPairs();

    static int base(RegState r) { return r.id() & ~FLAGS; }

    /** The constant a linked scalar lies above its link's base value. */
    static long delta(RegState r) { return (r.id() & FLAGS) != 0 ? r.off() : 0; }

    private static boolean low32(RegState r) { return (r.id() & DELTA32) != 0; }

    /**
     * For {@code dst = src} between scalars: {@code src} as the copy leaves it, in a link of its own when it was
     * not (a constant needs none); a source that already carries a delta starts a fresh link, as in the kernel.
     */
    static RegState beforeCopy(RegState src, VerifierContext cx) {
        if (!src.isScalar()) return src;
        if ((src.id() & FLAGS) != 0) src = src.withId(0).withOff(0);
        if (src.id() == 0 && !src.value().isConst()) src = src.withId(cx.newId());
        return src;
    }

    /**
     * {@code d} after {@code d += c} (64-bit when {@code wide}) whose result is {@code value}: still linked with delta c
     * when it was linked without one and c fits in 32 bits (and, for a 32-bit add, d in 32 bits), else a scalar of
     * its own.
     */
    static RegState afterAdd(RegState d, long c, ScalarBounds value, boolean wide) {
        RegState r = RegState.scalar(value);
        if (d.id() == 0 || (d.id() & FLAGS) != 0 || c < Integer.MIN_VALUE || c > Integer.MAX_VALUE) return r;
        if (!wide && Long.compareUnsigned(d.value().umax(), 0xffffffffL) > 0) return r;
        return r.withId(d.id() | (wide ? DELTA : DELTA32)).withOff((int) c);
    }

    /**
     * After a branch narrowed register {@code r} of the top frame: every other scalar of its link, in any frame's
     * registers or spilled slots, takes its range, shifted by the difference of their deltas.
     */
    static void sync(VerifierState st, int r) {
        RegState known = st.reg(r);
        if (!known.isScalar() || known.id() == 0) return;
        int id = base(known), top = st.frames.size() - 1;
        for (int f = 0; f <= top; f++) {
            FrameState fs = st.frames.get(f);
            for (int i = 0; i < fs.regs.length; i++)
                if (!(f == top && i == r)) fs.regs[i] = follow(fs.regs[i], known, id);
            fs.stack.mapSpills(new java.util.function.UnaryOperator<RegState>() {   // a class: see Liveness
                @Override public RegState apply(RegState s) { return follow(s, known, id); }
            });
        }
    }

    private static RegState follow(RegState reg, RegState known, int id) {
        if (!reg.isScalar() || reg.id() == 0 || base(reg) != id) return reg;
        if (!low32(reg) && !low32(known)) {
            long d = delta(reg) - delta(known);
            return reg.withValue(d == 0 ? known.value() : known.value().add(ScalarBounds.constant(d)));
        }
        // a link with a 32-bit sum has a base below 2^32, which is the low half of known - its delta
        ScalarBounds base = known.value().add(ScalarBounds.constant(-delta(known)));
        if (low32(known)) base = base.truncate(4);
        ScalarBounds v = base.add(ScalarBounds.constant(delta(reg)));
        return reg.withValue(low32(reg) ? v.truncate(4) : v);
    }

    /**
     * The registers and slots linked to register {@code r} of the top frame, for the history a precision walk reads
     * ({@link History#link}); empty when it is linked to nothing.
     */
    static int[] members(VerifierState st, int r) {
        RegState known = st.reg(r);
        if (!known.isScalar() || known.id() == 0) return new int[0];
        int id = base(known);
        int[] out = new int[8];
        int n = 0;
        for (int f = 0; f < st.frames.size(); f++) {
            FrameState fs = st.frames.get(f);
            for (int i = 0; i < fs.regs.length; i++) {
                RegState x = fs.regs[i];
                if (x.isScalar() && x.id() != 0 && base(x) == id) {
                    if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
                    out[n++] = History.link(f, false, i);
                }
            }
            for (int k = 0; k < StackState.SIZE / 8; k++) {
                RegState x = fs.stack.spillAt(8 * k - StackState.SIZE);
                if (x != null && x.isScalar() && x.id() != 0 && base(x) == id) {
                    if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
                    out[n++] = History.link(f, true, k);
                }
            }
        }
        return n > 1 ? java.util.Arrays.copyOf(out, n) : new int[0];
    }

    /**
     * True when scalar {@code now} of a new state may stand where {@code old} of a kept one was, as far as links go:
     * the same delta, and link ids that pair one to one over the whole comparison (a scalar in no link pairs only
     * with a scalar in none).
     */
    boolean match(RegState old, RegState now) {
        if (old.id() == 0 && now.id() == 0) return true;
        if ((old.id() & FLAGS) != (now.id() & FLAGS) || delta(old) != delta(now)) return false;
        int o = old.id() == 0 ? unique-- : base(old), n = now.id() == 0 ? unique-- : base(now);
        Integer paired = oldToNew.putIfAbsent(o, n);
        if (paired != null && paired != n) return false;
        Integer back = newToOld.putIfAbsent(n, o);
        return back == null || back == o;
    }
}
