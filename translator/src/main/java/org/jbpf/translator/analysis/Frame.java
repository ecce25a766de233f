package org.jbpf.translator.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jbpf.translator.TranslationException;

/** The values of a method's locals and operand stack before one instruction. */
public final class Frame implements StackShuffle.Stack<Value> {
    public final Value[] locals;
    public final List<Value> stack;
    /** Ring buffer records reserved on the way here and not yet submitted or discarded (the most over all paths). */
    public int reservations;
    /** Where the newest outstanding reservation was made, for the message when it leaks. */
    String reservedAt = "";
    /** Numeric iterators made on the way here and not yet closed (the most over all paths), and where the newest was. */
    public int iterators;
    public String iteratorAt = "";
    /** Arrays and structs copied into struct fields on the way here, where Java would share them (CopySteps). */
    CopyFacts copies = CopyFacts.NONE;

    Frame(int maxLocals) {
        locals = new Value[maxLocals];
        Arrays.fill(locals, new Value.Top("not assigned"));
        stack = new ArrayList<>();
    }

    Frame(Frame other) {
        locals = other.locals.clone();
        stack = new ArrayList<>(other.stack);
        reservations = other.reservations;
        reservedAt = other.reservedAt;
        iterators = other.iterators;
        iteratorAt = other.iteratorAt;
        copies = other.copies;
    }

    public void push(Value v) { stack.add(v); }

    /** For {@link StackShuffle}: whether the entry {@code depth} below the top is a long. */
    @Override public boolean wideAt(int depth) { return peek(depth) instanceof Value.Scalar s && s.isLong(); }

    /** For {@link StackShuffle}: a duplicated value is the same value. */
    @Override public Value copy(Value v) { return v; }

    public Value pop() {
        // a value of the wrong size (a long where two ints belong) empties the stack early in damaged class files
        if (stack.isEmpty()) throw new TranslationException("the operand stack is empty where a value is needed; the class file is damaged: recompile it with javac");
        return stack.remove(stack.size() - 1);
    }

    public Value peek(int depthFromTop) { return stack.get(stack.size() - 1 - depthFromTop); }

    /** Merges {@code other} into this frame; returns true when anything changed. */
    boolean mergeFrom(Frame other, long mergeSite) {
        if (other.stack.size() != stack.size())
            throw new TranslationException("operand stack heights differ at a join (" + stack.size() + " vs " + other.stack.size() + ")");
        boolean changed = false;
        if (other.reservations > reservations) {
            reservations = other.reservations;
            reservedAt = other.reservedAt;
            changed = true;
        }
        if (other.iterators > iterators) {
            iterators = other.iterators;
            iteratorAt = other.iteratorAt;
            changed = true;
        }
        int n = locals.length + stack.size();
        Value[] mine = new Value[n], theirs = new Value[n], merged = new Value[n];
        for (int i = 0; i < n; i++) {
            mine[i] = i < locals.length ? locals[i] : stack.get(i - locals.length);
            theirs[i] = i < locals.length ? other.locals[i] : other.stack.get(i - locals.length);
            merged[i] = Value.merge(mine[i], theirs[i], mergeSite * 1024 + (i < locals.length ? i : 512 + i - locals.length));
        }
        sameMergedIds(mine, theirs, merged);
        CopyFacts mergedCopies = copies.merge(other.copies);
        for (int i = 0; i < n; i++) {
            // a lambda carried round a loop holds the merges of what it captured on each way in
            if (merged[i] instanceof Value.FuncRef m && mine[i] instanceof Value.FuncRef x && theirs[i] instanceof Value.FuncRef y
                    && m.captured().size() == x.captured().size() && m.captured().size() == y.captured().size())
                for (int k = 0; k < m.captured().size(); k++)
                    if (m.captured().get(k) instanceof Value.Ptr)
                        mergedCopies = mergedCopies.withHeld(mergedCopies.held.chosen(m.captured().get(k), copies.held, x.captured().get(k),
                                other.copies.held, y.captured().get(k)));
            if (!(merged[i] instanceof Value.Ptr)) continue;
            // what the merged pointer may be comes from each way in, not from what the other knew of the same key; a
            // pointer chosen among local objects of one type (two news' structs or arrays) is noted with no copies made
            mergedCopies = mergedCopies.withHeld(mergedCopies.held.chosen(merged[i], copies.held, mine[i], other.copies.held, theirs[i]));
            if (mergedCopies.isEmpty()) continue;
            // a pointer merged from a copy's side is on that side too
            mergedCopies = mergedCopies.derive(mine[i], merged[i]).derive(theirs[i], merged[i]);
            mergedCopies = mergedCopies.withHeld(mergedCopies.held.join(mine[i], theirs[i], merged[i]));
        }
        if (!mergedCopies.equals(copies)) { copies = mergedCopies; changed = true; }
        for (int i = 0; i < n; i++) {
            Value m = merged[i];
            if (i < locals.length) {
                if (!m.equals(locals[i])) { locals[i] = m; changed = true; }
            } else if (!m.equals(stack.get(i - locals.length))) { stack.set(i - locals.length, m); changed = true; }
        }
        return changed;
    }

    /**
     * Copies of one pointer on both sides (a variable and the stack entry loaded from it) stay copies of one pointer
     * after the merge, so a null test of one refines the others: each gets the id of the first such merge.
     */
    private static void sameMergedIds(Value[] mine, Value[] theirs, Value[] merged) {
        for (int i = 0; i < merged.length; i++) {
            if (!(merged[i] instanceof Value.Ptr m) || !(mine[i] instanceof Value.Ptr p) || !(theirs[i] instanceof Value.Ptr q) || p.id() == q.id()) continue;
            for (int j = 0; j < i; j++) {
                if (merged[j] instanceof Value.Ptr first && mine[j] instanceof Value.Ptr p2 && theirs[j] instanceof Value.Ptr q2
                        && p2.id() == p.id() && q2.id() == q.id() && first.nullable() == m.nullable()) {
                    merged[i] = m.withId(first.id());
                    break;
                }
            }
        }
    }

    /**
     * The instruction that makes pointer {@code made}, on top of the stack, ran again (a loop's next round): every other
     * copy of it here is one an earlier run made, which refers to what was there then. They take the earlier runs' key
     * (HeldFields.earlierRun), so that what is known of the new pointer (not null, not left behind by a write) is not
     * taken for them, and what was known of them stays theirs.
     */
    void madeAgain(Value.Ptr made) {
        long id = made.id(), earlier = HeldFields.earlierRun(id);
        if (earlier == id) return;
        for (int i = 0; i < locals.length; i++) locals[i] = earlierRun(locals[i], id, earlier);
        for (int i = 0; i < stack.size() - 1; i++) stack.set(i, earlierRun(stack.get(i), id, earlier));
        copies = copies.madeAgain(id);
    }

    /**
     * Local object {@code made} (a struct or array made by new) is made again now, by {@code at}, in the stack area of
     * those made there before: every copy of one of those here ({@code skipTop}: but the top of the stack, the new one),
     * and every pointer that may be one or lead inside one, is an earlier one, which a use refuses (CopySteps.notStale).
     */
    void localMadeAgain(Value.StackObj made, HeldFields.Replaced at, boolean skipTop) {
        long key = CopyFacts.key(made), earlier = HeldFields.earlierRun(key);
        // a direct copy would need a path round the loop on which no join met another value; kept a pointer all the same
        Value old = new Value.Ptr(made.type(), false, earlier, "a " + made.type().javaName() + " made before", false);
        boolean held = false;
        for (int i = 0; i < locals.length; i++) {
            Value v = earlierCopy(locals[i], made, old);
            held |= v != locals[i];
            locals[i] = v;
        }
        for (int i = 0; i < stack.size() - (skipTop ? 1 : 0); i++) {
            Value v = earlierCopy(stack.get(i), made, old);
            held |= v != stack.get(i);
            stack.set(i, v);
        }
        HeldFields h = copies.held.localMadeAgain(key, at);
        if (held) h = h.earlierCopyHeld(key, at);
        copies = copies.withHeld(h);
    }

    private static Value earlierCopy(Value v, Value.StackObj made, Value old) {
        if (v.equals(made)) return old;
        if (v instanceof Value.FuncRef ref && ref.captured().contains(made)) {
            List<Value> captured = new ArrayList<>(ref.captured());
            for (int i = 0; i < captured.size(); i++) if (captured.get(i).equals(made)) captured.set(i, old);
            return new Value.FuncRef(ref.owner(), ref.name(), ref.desc(), ref.site(), List.copyOf(captured));
        }
        return v;
    }

    private static Value earlierRun(Value v, long id, long earlier) {
        if (v instanceof Value.Ptr p && p.id() == id) return p.withId(earlier);
        // a lambda made before holds what it captured then
        if (v instanceof Value.FuncRef ref && !ref.captured().isEmpty()) {
            List<Value> captured = new ArrayList<>(ref.captured());
            boolean changed = false;
            for (int i = 0; i < captured.size(); i++) {
                Value c = earlierRun(captured.get(i), id, earlier);
                changed |= c != captured.get(i);
                captured.set(i, c);
            }
            if (changed) return new Value.FuncRef(ref.owner(), ref.name(), ref.desc(), ref.site(), List.copyOf(captured));
        }
        return v;
    }

    /** Replaces every copy of pointer {@code id} (after a null test). */
    void refine(long id, Value replacement) {
        for (int i = 0; i < locals.length; i++)
            if (locals[i] instanceof Value.Ptr p && p.id() == id) locals[i] = replacement != null ? replacement : p.withNullable(false);
        for (int i = 0; i < stack.size(); i++)
            if (stack.get(i) instanceof Value.Ptr p && p.id() == id) stack.set(i, replacement != null ? replacement : p.withNullable(false));
    }
}
