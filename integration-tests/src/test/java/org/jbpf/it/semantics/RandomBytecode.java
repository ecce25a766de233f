package org.jbpf.it.semantics;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Writes the body of one random static method straight into ASM, in shapes javac does not make: values left on the
 * operand stack across jumps, joins, loops and calls; every stack shuffle on ints and longs; one local slot holding an
 * int, then a long, then a reference; slots above 255; {@code iinc} with wide and negative steps; loops entered in the
 * middle; sparse, negative and shared switch keys; jumps to the next instruction; code after a goto; constants in
 * every encoding. It tracks the types of the operand stack and of the locals, so everything it writes passes the JVM's
 * verifier; no division by zero and no unbounded loop, so the JVM's result is defined. With {@link #cells}, expressions
 * also read and write the class's array map {@code cells} of four longs in the middle of other values, which then stay
 * on the operand stack across the map helper's call: a lookup's null test on a copy of the reference on the stack or
 * in a slot of its own, with a default for an index past the map's end; updates, increments and adds at indexes in
 * range, whose result (0) joins the expression. The JVM runs a copy whose maps are {@link ArrayMapModel}s.
 */
final class RandomBytecode {
    /** A static method the body may call: its name, parameter and result types as descriptor letters (I J S B C Z). */
    record Callee(String owner, String name, String params, char result) {
        String descriptor() { return "(" + params + ")" + result; }
    }

    private static final int[] INT_BINARY = {IADD, ISUB, IMUL, IAND, IOR, IXOR, ISHL, ISHR, IUSHR, IADD, IXOR};
    private static final int[] LONG_BINARY = {LADD, LSUB, LMUL, LAND, LOR, LXOR, LADD};
    private static final int[] IF_INT = {IFEQ, IFNE, IFLT, IFGE, IFGT, IFLE};
    private static final int[] IF_CMP = {IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE};
    private static final int[] DIVISORS = {2, 3, 5, 7, 10, -1, -2, -3, -7, 1, 1000};
    /** Low slots and slots that need {@code wide}. */
    private static final int[] SLOTS = {6, 7, 8, 9, 10, 11, 12, 13, 256, 257, 258, 300, 301};
    /** Slots for loop counters, which no store picks. */
    private static final int[] COUNTERS = {24, 26, 28, 262, 264};

    private final Random random;
    private final MethodVisitor mv;
    private final String owner;
    private final List<Callee> callees;
    private final char result;
    /** The operand stack this body pushed, bottom first: 'I' or 'J'. */
    private final List<Character> stack = new ArrayList<>();
    /** Slots holding a value on every path here, by the first slot: 'I', 'J' or 'A'. */
    private Map<Integer, Character> locals = new TreeMap<>();
    /** Slots an enclosing loop needs unchanged in type (its state at the loop's head): slot to type. */
    private Map<Integer, Character> frozen = new HashMap<>();
    /** Loop counters: never stored or incremented by a loop's body. */
    private final Set<Integer> counters = new HashSet<>();
    private int budget;
    private int loopDepth;
    /** Whether expressions may call the map {@code cells} of the class ({@link AsmProbeClass#CELLS}). */
    boolean cells;
    /** The slot a looked-up value's reference goes through, which no other draw picks. */
    private static final int VALUE_SLOT = 20;

    /**
     * A body for a method whose parameters are {@code params} (descriptor letters, slots from 0) returning
     * {@code result}, of about {@code budget} generating steps, which may call {@code callees}.
     */
    RandomBytecode(Random random, MethodVisitor mv, String owner, String params, char result, int budget, List<Callee> callees) {
        this.random = random;
        this.mv = mv;
        this.owner = owner;
        this.result = result;
        this.budget = budget;
        this.callees = callees;
        int slot = 0;
        for (char p : params.toCharArray()) {
            locals.put(slot, p == 'J' ? 'J' : 'I');
            slot += p == 'J' ? 2 : 1;
        }
    }

    /** Writes the whole body: statements, then the result folded with every local that holds a number. */
    void write() {
        mv.visitCode();
        while (budget > 0) statement(3);
        expr(result == 'J' ? 'J' : 'I', 2);
        for (Map.Entry<Integer, Character> local : locals.entrySet()) {
            if (local.getValue() == 'A') continue;
            load(local.getValue(), local.getKey());
            combine();
        }
        returnValue();
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    // ---- statements: leave the operand stack as they found it

    private void statement(int depth) {
        budget--;
        int kind = depth <= 0 || budget <= 0 ? random.nextInt(4) : random.nextInt(16);
        switch (kind) {
            case 0, 1 -> store(depth);
            case 2 -> iinc();
            case 3 -> oddJump();
            case 4 -> ifElse(depth);
            case 5 -> assignInBothArms(depth);
            case 6, 7 -> loop(depth);
            case 8 -> earlyReturn(depth);
            case 9 -> reuseSlot();
            case 10 -> callAndDrop(depth);
            case 11 -> keepAcross(depth);
            default -> store(depth);
        }
    }

    private void store(int depth) {
        char t = random.nextInt(3) == 0 ? 'I' : 'J';
        int slot = slotFor(t);
        if (slot < 0) return;
        expr(t, depth);
        storeTop(slot);
    }

    /** A slot that may take a value of type {@code t} here, or -1. */
    private int slotFor(char t) {
        for (int tries = 0; tries < 8; tries++) {
            int slot = SLOTS[random.nextInt(SLOTS.length)];
            if (mayStore(slot, t)) return slot;
        }
        return -1;
    }

    private boolean mayStore(int slot, char t) {
        if (counters.contains(slot) || counters.contains(slot + 1) || t == 'J' && counters.contains(slot + 1)) return false;
        int end = slot + (t == 'J' ? 2 : 1);
        for (Map.Entry<Integer, Character> f : frozen.entrySet()) {
            int fs = f.getKey(), fe = fs + (f.getValue() == 'J' ? 2 : 1);
            if (fs < end && slot < fe && !(fs == slot && f.getValue() == t)) return false;
        }
        return true;
    }

    private void storeTop(int slot) {
        char t = pop();
        mv.visitVarInsn(t == 'J' ? LSTORE : t == 'A' ? ASTORE : ISTORE, slot);
        define(slot, t);
    }

    private void define(int slot, char t) {
        locals.remove(slot);
        if (t == 'J') locals.remove(slot + 1);
        Character below = locals.get(slot - 1);
        if (below != null && below == 'J') locals.remove(slot - 1);
        locals.put(slot, t);
    }

    private void iinc() {
        List<Integer> ints = new ArrayList<>();
        for (Map.Entry<Integer, Character> l : locals.entrySet())
            if (l.getValue() == 'I' && !counters.contains(l.getKey())) ints.add(l.getKey());
        if (ints.isEmpty()) return;
        int slot = ints.get(random.nextInt(ints.size()));
        int step = switch (random.nextInt(4)) {
            case 0 -> -1 - random.nextInt(128);
            case 1 -> random.nextInt(256) - 128;
            case 2 -> random.nextInt(65536) - 32768;
            default -> random.nextBoolean() ? 32767 : -32768;
        };
        mv.visitIincInsn(slot, step);
    }

    /** A conditional jump to the next instruction, a goto over dead code, a goto to the next instruction, or a nop. */
    private void oddJump() {
        Label next = new Label();
        switch (random.nextInt(4)) {
            case 0 -> { jumpIf(next, 1); mv.visitLabel(next); }
            case 1 -> {
                mv.visitJumpInsn(GOTO, next);
                // never reached: ASM's frames turn it into nop ... athrow, the shape other tools leave
                mv.visitInsn(ICONST_1);
                mv.visitInsn(POP);
                mv.visitLabel(next);
            }
            case 2 -> { mv.visitJumpInsn(GOTO, next); mv.visitLabel(next); }
            default -> mv.visitInsn(NOP);
        }
    }

    private void ifElse(int depth) {
        Label otherwise = new Label(), end = new Label();
        jumpIf(otherwise, depth - 1);
        Map<Integer, Character> before = new TreeMap<>(locals);
        statement(depth - 1);
        Map<Integer, Character> afterThen = locals;
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(otherwise);
        locals = new TreeMap<>(before);
        if (random.nextBoolean()) statement(depth - 1);
        mv.visitLabel(end);
        locals = meet(afterThen, locals);
    }

    /** {@code int x; if (c) x = ..; else x = ..;}: a slot first stored in both arms of a branch, read after the join. */
    private void assignInBothArms(int depth) {
        char t = random.nextBoolean() ? 'I' : 'J';
        int slot = slotFor(t);
        if (slot < 0) return;
        Label otherwise = new Label(), end = new Label();
        jumpIf(otherwise, depth - 1);
        Map<Integer, Character> before = new TreeMap<>(locals);
        expr(t, depth - 1);
        storeTop(slot);
        Map<Integer, Character> afterThen = locals;
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(otherwise);
        locals = new TreeMap<>(before);
        expr(t, depth - 1);
        storeTop(slot);
        mv.visitLabel(end);
        locals = meet(afterThen, locals);
    }

    /** A counted loop: do-while, while, or entered in the middle of its body (two entries, irreducible). */
    private void loop(int depth) {
        if (loopDepth >= 2) { store(depth); return; }
        int counter = -1;
        for (int slot : COUNTERS)
            if (!locals.containsKey(slot) && !counters.contains(slot) && mayStore(slot, 'I') && !locals.containsKey(slot - 1)) { counter = slot; break; }
        if (counter < 0) return;
        pushInt(1 + random.nextInt(3));
        storeTop(counter);
        counters.add(counter);
        loopDepth++;
        Map<Integer, Character> outerFrozen = frozen;
        int kind = random.nextInt(3);
        Label head = new Label(), test = new Label(), middle = new Label();
        if (kind == 2) jumpIf(middle, 0); // enters at the middle on one condition, at the head on the other
        frozen = new HashMap<>(locals);
        Map<Integer, Character> entry = new TreeMap<>(locals);
        if (kind == 1) mv.visitJumpInsn(GOTO, test);
        mv.visitLabel(head);
        statement(depth - 1);
        if (kind == 2) {
            mv.visitLabel(middle);
            locals = new TreeMap<>(entry);
            statement(depth - 1);
        }
        mv.visitIincInsn(counter, -1);
        mv.visitLabel(test);
        if (kind == 1) locals = new TreeMap<>(entry);
        if (random.nextBoolean()) {
            mv.visitVarInsn(ILOAD, counter);
            mv.visitJumpInsn(IFGT, head);
        } else {
            mv.visitInsn(ICONST_0);
            mv.visitVarInsn(ILOAD, counter);
            mv.visitJumpInsn(IF_ICMPLT, head);
        }
        frozen = outerFrozen;
        loopDepth--;
        counters.remove(counter);
    }

    /** {@code if (c) return v;} with whatever values the enclosing expression left on the stack still there. */
    private void earlyReturn(int depth) {
        Label skip = new Label();
        jumpIf(skip, depth - 1);
        List<Character> saved = new ArrayList<>(stack);
        Map<Integer, Character> before = new TreeMap<>(locals);
        expr(result == 'J' ? 'J' : 'I', depth - 1);
        returnValue();
        stack.clear();
        stack.addAll(saved);
        locals = before;
        mv.visitLabel(skip);
    }

    /** One slot holds an int, then a long, then a reference, then an int again, each read once. */
    private void reuseSlot() {
        int slot = slotFor('J');
        if (slot < 0 || !mayStore(slot, 'I') || !mayStore(slot, 'A')) return;
        expr('I', 0);
        storeTop(slot);
        mv.visitIincInsn(slot, 3);
        load('I', slot);
        convert('I', 'J');
        expr('J', 0);
        combine();
        convert(top(), 'J');
        storeTop(slot);
        if (random.nextBoolean()) mv.visitInsn(ACONST_NULL);
        else mv.visitFieldInsn(GETSTATIC, owner, "in", AsmProbeClass.MAP);
        stack.add('A');
        storeTop(slot);
        Label skip = new Label();
        mv.visitVarInsn(ALOAD, slot);
        mv.visitJumpInsn(random.nextBoolean() ? IFNULL : IFNONNULL, skip);
        mv.visitInsn(NOP);
        mv.visitLabel(skip);
        if (random.nextBoolean()) {
            expr('I', 0);
            storeTop(slot);
        }
    }

    private void callAndDrop(int depth) {
        if (callees.isEmpty()) return;
        call(depth);
        mv.visitInsn(pop() == 'J' ? POP2 : POP);
    }

    /** A value pushed before a statement with jumps, loops or calls and consumed after it, stored to a local. */
    private void keepAcross(int depth) {
        char t = random.nextBoolean() ? 'I' : 'J';
        int slot = slotFor(t);
        if (slot < 0) return;
        expr(t, 0);
        statement(depth - 1);
        storeTop(slot);
    }

    // ---- expressions: push one value of type t ('I' or 'J')

    void expr(char t, int depth) {
        budget--;
        if (depth <= 0 || budget <= 0 ? random.nextInt(4) != 0 : random.nextInt(6) == 0) { leaf(t); return; }
        switch (random.nextInt(cells ? 16 : 13)) {
            case 13, 14 -> { mapRead(depth); convert('J', t); }
            case 15 -> { mapWrite(depth); convert('J', t); }
            case 0, 1 -> binary(t, depth);
            case 2, 3 -> shuffle(t, depth);
            case 4 -> ternary(t, depth);
            case 5 -> switchOf(t, depth);
            case 6 -> { if (callees.isEmpty()) leaf(t); else { call(depth - 1); convert(top(), t); } }
            case 7 -> conversions(t, depth);
            case 8 -> divide(t, depth);
            case 9 -> {  // a statement between a value and its use: the value stays on the stack across it
                expr(t, depth - 1);
                statement(depth - 1);
                expr(t, depth - 1);
                combine();
                convert(top(), t);
            }
            case 10 -> { expr(t, depth - 1); mv.visitInsn(t == 'J' ? LNEG : INEG); }
            case 11 -> splitConstant(t);
            default -> binary(t, depth);
        }
    }

    /**
     * {@code cells.lookup(i)}'s value or a default when null, i an expression masked to 0..7 (4..7 are past the end):
     * the null test on a copy of the reference on the stack or on a slot it was stored to.
     */
    private void mapRead(int depth) {
        mv.visitFieldInsn(GETSTATIC, owner, "cells", AsmProbeClass.MAP);
        key(depth, 7);
        mv.visitMethodInsn(INVOKEVIRTUAL, "org/jbpf/maps/ArrayMap", "lookup", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        mv.visitTypeInsn(CHECKCAST, "java/lang/Long");
        Label present = new Label(), end = new Label();
        boolean onStack = random.nextBoolean();
        if (onStack) {
            mv.visitInsn(DUP);
            mv.visitJumpInsn(IFNONNULL, present);
            mv.visitInsn(POP);
        } else {
            mv.visitVarInsn(ASTORE, VALUE_SLOT);
            mv.visitVarInsn(ALOAD, VALUE_SLOT);
            mv.visitJumpInsn(IFNONNULL, present);
        }
        pushLong(random.nextInt(3) == 0 ? constant() : random.nextInt(100));
        pop();
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(present);
        if (!onStack) mv.visitVarInsn(ALOAD, VALUE_SLOT);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Long", "longValue", "()J", false);
        mv.visitLabel(end);
        stack.add('J');
    }

    /** {@code cells.update(i, v)}, {@code cells.increment(i)} or {@code cells.add(i, v)} at an index in range: its result, 0. */
    private void mapWrite(int depth) {
        mv.visitFieldInsn(GETSTATIC, owner, "cells", AsmProbeClass.MAP);
        key(depth, 3);
        switch (random.nextInt(3)) {
            case 0 -> {
                expr('J', depth - 1);
                pop();
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
                mv.visitMethodInsn(INVOKEVIRTUAL, "org/jbpf/maps/ArrayMap", "update", "(Ljava/lang/Object;Ljava/lang/Object;)J", false);
            }
            case 1 -> mv.visitMethodInsn(INVOKEVIRTUAL, "org/jbpf/maps/ArrayMap", "increment", "(Ljava/lang/Object;)J", false);
            default -> {
                expr('J', depth - 1);
                pop();
                mv.visitMethodInsn(INVOKEVIRTUAL, "org/jbpf/maps/ArrayMap", "add", "(Ljava/lang/Object;J)J", false);
            }
        }
        stack.add('J');
    }

    /** A boxed int key: an expression masked with {@code mask}. */
    private void key(int depth, int mask) {
        expr('I', depth - 1);
        pushInt(mask);
        combineWith(IAND);
        pop();
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
    }

    private void leaf(char t) {
        List<Integer> same = new ArrayList<>();
        for (Map.Entry<Integer, Character> l : locals.entrySet()) if (l.getValue() == t) same.add(l.getKey());
        int pick = random.nextInt(3);
        if (pick == 0 && !same.isEmpty()) load(t, same.get(random.nextInt(same.size())));
        else if (pick == 1 && !same.isEmpty()) load(t, same.get(0));
        else if (t == 'I') pushInt(constant());
        else pushLong(random.nextInt(3) == 0 ? constant() : random.nextLong() >> random.nextInt(64));
    }

    private int constant() {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt(7) - 1;
            case 1 -> random.nextInt(256) - 128;
            case 2 -> random.nextInt(65536) - 32768;
            case 3 -> random.nextInt();
            default -> random.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        };
    }

    /** An int in one of its encodings: iconst, bipush, sipush or ldc (ldc even where a shorter form exists). */
    private void pushInt(int v) {
        int form = random.nextInt(4);
        if (form == 0 && v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (form == 1 && v >= -128 && v <= 127) mv.visitIntInsn(BIPUSH, v);
        else if (form == 2 && v >= -32768 && v <= 32767) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
        stack.add('I');
    }

    private void pushLong(long v) {
        if ((v == 0 || v == 1) && random.nextBoolean()) mv.visitInsn(LCONST_0 + (int) v);
        else if (v == (int) v && random.nextInt(3) == 0) { pushInt((int) v); mv.visitInsn(I2L); stack.set(stack.size() - 1, 'J'); return; }
        else mv.visitLdcInsn(v);
        stack.add('J');
    }

    /** A constant as two that nobody folds: {@code c - d; d; add}. */
    private void splitConstant(char t) {
        int d = constant(), c = constant();
        if (t == 'I') { pushInt(c - d); pushInt(d); } else { pushLong((long) c - d); pushLong(d); }
        combineWith(t == 'I' ? IADD : LADD);
    }

    private void load(char t, int slot) {
        mv.visitVarInsn(t == 'J' ? LLOAD : t == 'A' ? ALOAD : ILOAD, slot);
        stack.add(t);
    }

    private void binary(char t, int depth) {
        expr(t, depth - 1);
        if (random.nextInt(4) == 0) {  // a shift by an int amount
            expr('I', depth - 1);
            combineWith(t == 'J' ? new int[] {LSHL, LSHR, LUSHR}[random.nextInt(3)] : new int[] {ISHL, ISHR, IUSHR}[random.nextInt(3)]);
            return;
        }
        expr(t, depth - 1);
        combine();
        convert(top(), t); // two longs may have been compared (lcmp), giving an int
    }

    private void divide(char t, int depth) {
        expr(t, depth - 1);
        if (random.nextBoolean()) {
            int d = DIVISORS[random.nextInt(DIVISORS.length)];
            if (t == 'I') pushInt(d); else pushLong(d);
        } else {  // a divisor that cannot be 0: x | 1
            expr(t, depth - 1);
            if (t == 'I') pushInt(1); else pushLong(1);
            combineWith(t == 'I' ? IOR : LOR);
        }
        boolean rem = random.nextBoolean();
        combineWith(t == 'I' ? (rem ? IREM : IDIV) : (rem ? LREM : LDIV));
    }

    /** Narrowing and widening in odd orders: int to byte, char, short, long and back, several in a row. */
    private void conversions(char t, int depth) {
        expr(random.nextBoolean() ? 'I' : 'J', depth - 1);
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            if (top() == 'J') { mv.visitInsn(L2I); stack.set(stack.size() - 1, 'I'); continue; }
            switch (random.nextInt(4)) {
                case 0 -> mv.visitInsn(I2B);
                case 1 -> mv.visitInsn(I2C);
                case 2 -> mv.visitInsn(I2S);
                default -> { mv.visitInsn(I2L); stack.set(stack.size() - 1, 'J'); }
            }
        }
        convert(top(), t);
    }

    /**
     * Pushes the values one stack shuffle needs (every form of DUP, DUP_X1, DUP_X2, DUP2, DUP2_X1, DUP2_X2, SWAP, POP,
     * POP2 over ints and longs), performs it, and folds what it left into one value of type t.
     */
    private void shuffle(char t, int depth) {
        String[][] forms = {
                {"DUP", "I"}, {"DUP_X1", "II"}, {"DUP_X2", "III"}, {"DUP_X2", "JI"}, {"DUP2", "II"}, {"DUP2", "J"},
                {"DUP2_X1", "III"}, {"DUP2_X1", "IJ"}, {"DUP2_X2", "IIII"}, {"DUP2_X2", "IIJ"}, {"DUP2_X2", "JII"},
                {"DUP2_X2", "JJ"}, {"SWAP", "II"}, {"POP", "II"}, {"POP2", "III"}, {"POP2", "IJ"}};
        String[] form = forms[random.nextInt(forms.length)];
        int base = stack.size();
        for (char c : form[1].toCharArray()) expr(c, depth - 1);
        if (random.nextInt(3) == 0) oddJump(); // the shuffled values come from another block
        int op = switch (form[0]) {
            case "DUP" -> DUP; case "DUP_X1" -> DUP_X1; case "DUP_X2" -> DUP_X2; case "DUP2" -> DUP2; case "DUP2_X1" -> DUP2_X1;
            case "DUP2_X2" -> DUP2_X2; case "SWAP" -> SWAP; case "POP" -> POP; default -> POP2;
        };
        mv.visitInsn(op);
        shuffleModel(op);
        if (random.nextInt(3) == 0) oddJump(); // and leave it for another, each in its depth's register
        while (stack.size() > base + 1) combine();
        if (stack.size() == base) { expr(t, 0); return; }
        convert(top(), t);
    }

    private void ternary(char t, int depth) {
        Label otherwise = new Label(), end = new Label();
        jumpIf(otherwise, depth - 1);
        List<Character> saved = new ArrayList<>(stack);
        Map<Integer, Character> before = new TreeMap<>(locals);
        expr(t, depth - 1);
        Map<Integer, Character> afterThen = locals;
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(otherwise);
        stack.clear();
        stack.addAll(saved);
        locals = new TreeMap<>(before);
        expr(t, depth - 1);
        mv.visitLabel(end);
        locals = meet(afterThen, locals);
    }

    /** tableswitch or lookupswitch: sparse, negative and huge keys, several keys sharing one arm. */
    private void switchOf(char t, int depth) {
        expr('I', depth - 1);
        if (random.nextBoolean()) { pushInt(15); combineWith(IAND); pushInt(8); combineWith(ISUB); }
        pop();
        int arms = 1 + random.nextInt(3);
        Label[] armLabels = new Label[arms];
        for (int k = 0; k < arms; k++) armLabels[k] = new Label();
        Label dflt = new Label(), end = new Label();
        if (random.nextBoolean()) {
            int min = random.nextInt(10) - 6, n = 1 + random.nextInt(7);
            Label[] targets = new Label[n];
            for (int k = 0; k < n; k++) targets[k] = random.nextInt(4) == 0 ? dflt : armLabels[random.nextInt(arms)];
            mv.visitTableSwitchInsn(min, min + n - 1, dflt, targets);
        } else {
            TreeMap<Integer, Label> keys = new TreeMap<>();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                int key = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(16) - 8;
                    case 1 -> random.nextInt(2000) - 1000;
                    case 2 -> random.nextInt();
                    default -> random.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
                };
                keys.put(key, armLabels[random.nextInt(arms)]);
            }
            int[] k = keys.keySet().stream().mapToInt(Integer::intValue).toArray();
            mv.visitLookupSwitchInsn(dflt, k, keys.values().toArray(new Label[0]));
        }
        List<Character> saved = new ArrayList<>(stack);
        Map<Integer, Character> before = new TreeMap<>(locals), joined = null;
        for (int k = 0; k <= arms; k++) {
            mv.visitLabel(k < arms ? armLabels[k] : dflt);
            stack.clear();
            stack.addAll(saved);
            locals = new TreeMap<>(before);
            expr(t, depth - 1);
            if (k < arms) mv.visitJumpInsn(GOTO, end);
            joined = joined == null ? locals : meet(joined, locals);
        }
        mv.visitLabel(end);
        locals = joined;
    }

    /** Calls a callee with each argument narrowed to its parameter type; pushes its result as 'I' or 'J'. */
    private void call(int depth) {
        Callee c = callees.get(random.nextInt(callees.size()));
        for (char p : c.params().toCharArray()) {
            expr(p == 'J' ? 'J' : 'I', depth);
            switch (p) {
                case 'S' -> mv.visitInsn(I2S);
                case 'B' -> mv.visitInsn(I2B);
                case 'C' -> mv.visitInsn(I2C);
                case 'Z' -> { pushInt(1); combineWith(IAND); }
                default -> { }
            }
        }
        for (int k = 0; k < c.params().length(); k++) pop();
        mv.visitMethodInsn(INVOKESTATIC, c.owner(), c.name(), c.descriptor(), false);
        stack.add(c.result() == 'J' ? 'J' : 'I');
    }

    /** Emits a conditional jump to {@code target} on a random test of fresh values (ints, longs or a reference). */
    private void jumpIf(Label target, int depth) {
        switch (random.nextInt(4)) {
            case 0 -> { expr('I', depth); pop(); mv.visitJumpInsn(IF_INT[random.nextInt(IF_INT.length)], target); }
            case 1 -> { expr('I', depth); expr('I', depth); pop(); pop(); mv.visitJumpInsn(IF_CMP[random.nextInt(IF_CMP.length)], target); }
            case 2 -> { expr('J', depth); expr('J', depth); combineWith(LCMP); pop(); mv.visitJumpInsn(IF_INT[random.nextInt(IF_INT.length)], target); }
            default -> {
                List<Integer> refs = new ArrayList<>();
                for (Map.Entry<Integer, Character> l : locals.entrySet()) if (l.getValue() == 'A') refs.add(l.getKey());
                if (refs.isEmpty()) { expr('I', depth); pop(); mv.visitJumpInsn(IF_INT[random.nextInt(IF_INT.length)], target); return; }
                mv.visitVarInsn(ALOAD, refs.get(random.nextInt(refs.size())));
                mv.visitJumpInsn(random.nextBoolean() ? IFNULL : IFNONNULL, target);
            }
        }
    }

    // ---- the stack model

    /** What {@code op} does to the modelled stack: a long is one entry of two slots. */
    private void shuffleModel(int op) {
        int n = stack.size();
        char a = stack.get(n - 1), b = n > 1 ? stack.get(n - 2) : '?', c = n > 2 ? stack.get(n - 3) : '?';
        switch (op) {
            case DUP -> stack.add(a);
            case DUP_X1 -> stack.add(n - 2, a);
            case DUP_X2 -> stack.add(b == 'J' ? n - 2 : n - 3, a);
            case DUP2 -> { if (a == 'J') stack.add(a); else { stack.add(b); stack.add(a); } }
            case DUP2_X1 -> { if (a == 'J') stack.add(n - 2, a); else { stack.add(n - 3, a); stack.add(n - 3, b); } }
            case DUP2_X2 -> {
                if (a == 'J') stack.add(b == 'J' ? n - 2 : n - 3, a);
                else { int at = c == 'J' ? n - 3 : n - 4; stack.add(at, a); stack.add(at, b); }
            }
            case SWAP -> { stack.set(n - 1, b); stack.set(n - 2, a); }
            case POP -> stack.remove(n - 1);
            case POP2 -> { stack.remove(n - 1); if (a != 'J') stack.remove(n - 2); }
            default -> throw new IllegalArgumentException("not a shuffle: " + op);
        }
    }

    /** Folds the top two values into one with a random operation fitting their types. */
    private void combine() {
        char x = stack.get(stack.size() - 1), y = stack.get(stack.size() - 2);
        if (x == 'I' && y == 'I') combineWith(INT_BINARY[random.nextInt(INT_BINARY.length)]);
        else if (x == 'J' && y == 'J') combineWith(random.nextInt(8) == 0 ? LCMP : LONG_BINARY[random.nextInt(LONG_BINARY.length)]);
        else if (y == 'J') {
            if (random.nextBoolean()) combineWith(new int[] {LSHL, LSHR, LUSHR}[random.nextInt(3)]);
            else { convert('I', 'J'); combineWith(LONG_BINARY[random.nextInt(LONG_BINARY.length)]); }
        } else { convert('J', 'I'); combineWith(INT_BINARY[random.nextInt(INT_BINARY.length)]); }
    }

    private void combineWith(int op) {
        mv.visitInsn(op);
        pop();
        pop();
        stack.add(op == LCMP || (op - IADD) % 2 == 0 ? 'I' : 'J'); // IADD .. LXOR alternate int and long
    }

    private void convert(char from, char to) {
        if (from == to) return;
        mv.visitInsn(from == 'I' ? I2L : L2I);
        stack.set(stack.size() - 1, to);
    }

    private char top() { return stack.get(stack.size() - 1); }

    private char pop() { return stack.remove(stack.size() - 1); }

    /**
     * Returns the top value as the method's result. An int-like result is narrowed here half of the time; otherwise
     * ireturn narrows it, as the JVM does for a boolean, byte, char or short method (JVMS 6.5 ireturn).
     */
    private void returnValue() {
        convert(top(), result == 'J' ? 'J' : 'I');
        pop();
        if (random.nextBoolean()) switch (result) {
            case 'B' -> mv.visitInsn(I2B);
            case 'S' -> mv.visitInsn(I2S);
            case 'C' -> mv.visitInsn(I2C);
            case 'Z' -> { mv.visitInsn(ICONST_1); mv.visitInsn(IAND); }
            default -> { }
        }
        mv.visitInsn(result == 'J' ? LRETURN : IRETURN);
    }

    /** The locals defined with one type on both paths into a join. */
    private static Map<Integer, Character> meet(Map<Integer, Character> a, Map<Integer, Character> b) {
        Map<Integer, Character> out = new TreeMap<>();
        for (Map.Entry<Integer, Character> e : a.entrySet()) if (e.getValue().equals(b.get(e.getKey()))) out.put(e.getKey(), e.getValue());
        return out;
    }
}
