package org.jbpf.translator.analysis;

import static org.objectweb.asm.Opcodes.*;

import org.jbpf.translator.frontend.StructRegistry;
import org.jbpf.translator.frontend.ValueType;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Where a copy into a struct's field could be observed. Storing a local array or struct into a struct's field (a
 * field store, or a record's constructor) copies it in place, where Java shares the one object between both names;
 * the common use (build it, store it, never touch it again) computes what Java computes. This refuses, at the line
 * of the copy, a program that afterwards writes the source (or gives it to a call that is not inlined), or that reads
 * the source after writing the destination. Accesses are followed through inlined calls (the callee starts from the
 * caller's {@link CopyFacts} and hands its own back), through pointers read from either side's fields and elements,
 * and through merges of them.
 */
final class CopySteps {
    private CopySteps() {}

    /**
     * The map calls that change the values of a map in place. Not delete: it unlinks the element and leaves its value
     * as it was, so a value looked up before reads as Java's (the latency probe's lookup, delete, then use), until a
     * write may reuse it ({@link MapWrites}).
     */
    private static final java.util.Set<String> MAP_WRITES = java.util.Set.of("update", "increment", "add");

    /** The origin of a pointer merged from several (Value.merge). */
    private static final String MERGED = "several places";

    /** Checks the accesses of instruction i against the copies made before it; {@code f} is the frame before it. */
    static void before(MethodAnalysis a, int i, AbstractInsnNode in, int op, Frame f) {
        if (f.copies.isEmpty()) return;
        String at = " at " + a.position(i);
        switch (op) {
            case IALOAD: case LALOAD: case BALOAD: case CALOAD: case SALOAD: case AALOAD:
                notStale(a, i, f, f.peek(1));
                read(a, i, f, f.peek(1), false, "read" + at);
                break;
            case IASTORE: case LASTORE: case BASTORE: case CASTORE: case SASTORE: case AASTORE:
                notStale(a, i, f, f.peek(2));
                written(a, i, f, f.peek(2), false);
                break;
            case GETFIELD:
                notStale(a, i, f, f.peek(0));
                if (scalar(((FieldInsnNode) in).desc)) read(a, i, f, f.peek(0), false, "read" + at);
                break;
            case PUTFIELD:
                notStale(a, i, f, f.peek(1));
                if (!scalar(((FieldInsnNode) in).desc)) {
                    notStale(a, i, f, f.peek(0));
                    read(a, i, f, f.peek(0), true, "copied" + at);
                }
                written(a, i, f, f.peek(1), false);
                break;
            default:
        }
    }

    /** Records what instruction i did to the copies: a new copy, pointers derived from either side, a call's effects. */
    static void after(MethodAnalysis a, int i, AbstractInsnNode in, int op, Frame before, Frame f) {
        // a pointer this instruction made (a lookup's value, a field read) is a new one at each run, apart from those
        // an earlier run made, which a variable may still hold in a loop's next round
        if (!f.stack.isEmpty() && f.peek(0) instanceof Value.Ptr made && made.id() == a.site(i)) f.madeAgain(made);
        // so is a local array this instruction made, in the stack area of those an earlier run made
        if (!f.stack.isEmpty() && f.peek(0) instanceof Value.StackObj made && made.site() == (int) (a.site(i) & 0x7fffffff)
                && !iterator(made))
            f.localMadeAgain(made, HeldFields.Replaced.madeAgain(a, i, objectName(made.type())), true);
        switch (op) {
            case ISTORE: case LSTORE: case FSTORE: case DSTORE: case ASTORE: case IINC:
                KeyLocals.assigned(a, in, f);
                break;
            case GETFIELD:
                if (scalar(((FieldInsnNode) in).desc)) break;
                f.copies = f.copies.derive(before.peek(0), f.peek(0));
                f.copies = f.copies.withHeld(f.copies.held.noteLocal(before.peek(0)).read(before.peek(0), f.peek(0)));
                break;
            case AALOAD:
                f.copies = f.copies.derive(before.peek(1), f.peek(0));
                f.copies = f.copies.withHeld(f.copies.held.noteLocal(before.peek(1)).read(before.peek(1), f.peek(0)));
                break;
            case NEWARRAY: case ANEWARRAY:
                f.copies = f.copies.remade(f.peek(0));
                break;
            case PUTFIELD:
                if (scalar(((FieldInsnNode) in).desc)) {
                    HeldFields h = f.copies.held;
                    f.copies = f.copies.withHeld(h.withKeys(h.keys.written(before.peek(1), ((FieldInsnNode) in).name, before.peek(0))));
                }
                copied(a, i, (FieldInsnNode) in, before.peek(1), before.peek(0), f);
                break;
            case INVOKEVIRTUAL: case INVOKESTATIC: case INVOKESPECIAL: case INVOKEINTERFACE:
                called(a, i, (MethodInsnNode) in, before, f);
                KeyLocals.boxed(a, i, f);
                break;
            default:
        }
    }

    private static boolean scalar(String desc) { return desc.length() == 1; }

    /** A store of {@code v} into a non-number field of {@code obj}: a copy, unless v is the field itself (FieldArrayInits). */
    private static void copied(MethodAnalysis a, int i, FieldInsnNode fi, Value obj, Value v, Frame f) {
        if (scalar(fi.desc)) return;
        ValueType held = obj instanceof Value.StackObj so ? so.type() : obj instanceof Value.Ptr p ? p.target() : null;
        if (!(held instanceof ValueType.Struct s)) return;
        // what variables read from this field before now holds the new contents, where Java keeps the old object
        f.copies = f.copies.withHeld(f.copies.held.replaced(a.frames[i], 2, obj, s.javaName() + "." + fi.name,
                new HeldFields.Replaced(a, i, StructRegistry.simple(s.internalName()) + "." + fi.name, fi.desc.startsWith("[") ? "array" : "struct",
                        "a struct holds its arrays and structs in place", "set the " + (fi.desc.startsWith("[") ? "elements" : "fields") + " of "
                        + StructRegistry.simple(s.internalName()) + "." + fi.name + " instead of replacing it")));
        if (FieldArrayInits.inPlace(v) || CopyFacts.key(v) == null) return;
        f.copies = f.copies.withHeld(f.copies.held.noteLocal(obj));
        String what = v instanceof Value.StackObj so && so.type() instanceof ValueType.Struct
                || v instanceof Value.Ptr p && p.target() instanceof ValueType.Struct ? "struct" : "array";
        // a pointer chosen among several (c ? v : w) may be any of them: every array or struct of its type is the source
        boolean chosen = v instanceof Value.Ptr p && p.origin().equals(MERGED);
        java.util.Set<String> origins = v instanceof Value.Ptr p && !chosen ? java.util.Set.of(p.origin()) : java.util.Set.of();
        f.copies = f.copies.with(a.site(i), new CopyFacts.Fact(a, i, what, s.javaName() + "." + fi.name, s.internalName(), CopyFacts.key(obj),
                java.util.Set.of(CopyFacts.key(v)), origins, chosen ? CopyFacts.typeOf(v) : null, java.util.Set.of(), null, null));
    }

    /** After a call: an inlined body's copies come back; what another call is given it may read and write. */
    private static void called(MethodAnalysis a, int i, MethodInsnNode mi, Frame before, Frame f) {
        MethodAnalysis callee = a.callees.get(i);
        int n = Type.getArgumentTypes(mi.desc).length + (mi.getOpcode() == INVOKESTATIC ? 0 : 1);
        if (callee != null) {
            // a pointer the inlined body made, not one it was given, is a new one at each call, as a lookup's is
            if (Type.getReturnType(mi.desc).getSort() != Type.VOID && !f.stack.isEmpty() && f.peek(0) instanceof Value.Ptr made
                    && !given(before, n, made.id()))
                f.madeAgain(made);
            // a local object the inlined body made takes the place of the one it made at its last call
            if (Type.getReturnType(mi.desc).getSort() != Type.VOID && !f.stack.isEmpty() && f.peek(0) instanceof Value.StackObj made
                    && !iterator(made) && !givenObject(before, n, made))
                f.localMadeAgain(made, HeldFields.Replaced.madeAgain(a, i, objectName(made.type())), true);
            // the callee changed no local of this method: what was known of them still holds
            f.copies = f.copies.merge(callee.exitCopies);
            // ..and what it stored into fields of local structs is what its exit knows of them
            f.copies = f.copies.withHeld(f.copies.held.withDifferencesOf(before.copies.held).withKeys(callee.exitCopies.held.keys));
            // a pointer merged from several returns may be what any of them gave, of this call
            if (!f.stack.isEmpty() && f.peek(0) instanceof Value.Ptr made && callee.returnValue instanceof Value.Ptr r && r.id() == made.id()
                    && !given(before, n, made.id()))
                f.copies = f.copies.withHeld(f.copies.held.chosen(made.id(), new java.util.HashSet<>(callee.returnedChoices),
                        callee.exitCopies.held, callee.exitCopies.held));
            return;
        }
        // a trivial constructor only zeroes the new object
        if (!f.copies.isEmpty() && !mi.name.equals("<init>")) {
            boolean onlyReads = readsOnly(mi);
            for (int k = 0; k < n; k++) {
                // a lambda's captures are given to the call that runs it (Loops.repeat's body)
                java.util.List<Value> given = before.peek(k) instanceof Value.FuncRef ref ? ref.captured() : java.util.List.of(before.peek(k));
                for (Value v : given) {
                    notStale(a, i, f, v);
                    read(a, i, f, v, true, "given to " + mi.name + " at " + a.position(i));
                    if (onlyReads) continue;
                    written(a, i, f, v, true);
                    f.copies = f.copies.withHeld(f.copies.held.withKeys(f.copies.held.keys.given(v)));
                }
            }
        }
        Subprogram function = a.calls.get(i);
        if (function != null) copiedByFunction(a, i, function, before, n, f);
        if (n > 1 && before.peek(n - 1) instanceof Value.MapRef map)
            mapCall(a, i, mi, map.map(), before.peek(n - 2), KeyLocals.keyLocal(a, before.peek(n - 2)), before, n, f);
    }

    /** How a message names a local object of type {@code t}: a struct by its simple name, an array with its length. */
    static String objectName(ValueType t) {
        if (t instanceof ValueType.StructArray sa) return StructRegistry.simple(sa.element().internalName()) + "[" + sa.length() + "]";
        return t instanceof ValueType.Struct s ? StructRegistry.simple(s.internalName()) : t.javaName();
    }

    /** True for a numbers iterator, which the iterator rules keep to one at a time. */
    static boolean iterator(Value.StackObj so) {
        return so.type() instanceof ValueType.Struct s && s.internalName().equals(Value.ITERATOR_CLASS);
    }

    /** True when local object {@code made} is one of the {@code n} arguments on top of {@code before}, or captured by one. */
    private static boolean givenObject(Frame before, int n, Value.StackObj made) {
        for (int k = 0; k < n; k++) {
            Value v = before.peek(k);
            if (v.equals(made) || v instanceof Value.FuncRef ref && ref.captured().contains(made)) return true;
        }
        return false;
    }

    /** True when one of the {@code n} arguments on top of {@code before}, or what a lambda among them captured, is pointer {@code id}. */
    private static boolean given(Frame before, int n, long id) {
        for (int k = 0; k < n; k++) {
            Value v = before.peek(k);
            java.util.List<Value> values = v instanceof Value.FuncRef ref ? ref.captured() : java.util.List.of(v);
            for (Value w : values) if (w instanceof Value.Ptr p && p.id() == id) return true;
        }
        return false;
    }

    /**
     * A call of map {@code map} given {@code key}, boxed from local {@code keyLocal} (or KeyLocals.NONE): a lookup's
     * value, or what a write or delete does to those looked up.
     */
    private static void mapCall(MethodAnalysis a, int i, MethodInsnNode mi, org.jbpf.translator.frontend.MapDecl map, Value key, int keyLocal,
                                Frame before, int n, Frame f) {
        String name = map.name();
        Long k = MapWrites.keyConstant(key);
        if (mi.name.equals("lookup") && f.peek(0) instanceof Value.Ptr)
            f.copies = f.copies.withHeld(f.copies.held.lookedUp(f.peek(0), name, k, a, keyLocal, before.copies.held.keys.of(key)));
        else if (mi.name.equals("delete"))
            f.copies = f.copies.withHeld(f.copies.held.deleted(name, k));
        else if (MAP_WRITES.contains(mi.name))
            // the map's element changes in place: a value looked up before is then the new one, where Java keeps the old
            f.copies = f.copies.withHeld(f.copies.held.mapWritten(before, n, name + ".lookup(..)", map.value(), new java.util.function.Function<>() {
                // a class, not a lambda: a lambda's first call links method handles, too slow on translate's start path
                @Override public HeldFields.Replaced apply(HeldFields.Looked l) {
                    return MapWrites.staleAs(a, i, mi.name, map, k, keyLocal, l, before.copies.held, before.copies.held.keys.of(key));
                }
            }));
    }

    /**
     * A BPF function, analysed once for all its callers, that copies a parameter into a struct's field: the copy is the
     * caller's, of the argument it gives, made at the call.
     */
    private static void copiedByFunction(MethodAnalysis a, int i, Subprogram function, Frame before, int n, Frame f) {
        if (function.params.size() != n) return;
        for (CopyFacts.Fact made : function.body.exitCopies.facts.values()) {
            for (int k = 0; k < n; k++) {
                Value arg = before.peek(n - 1 - k);
                if (!made.isSource(function.params.get(k)) || CopyFacts.key(arg) == null) continue;
                java.util.Set<String> origins = arg instanceof Value.Ptr p && !p.origin().equals(MERGED) ? java.util.Set.of(p.origin())
                        : java.util.Set.of();
                f.copies = f.copies.with(a.site(i) * 64 + k, new CopyFacts.Fact(a, i, made.what(), made.destOrigin(), made.destOwner(), null,
                        java.util.Set.of(CopyFacts.key(arg)), origins, null, java.util.Set.of(), null, null));
            }
        }
    }

    /** True for the probe API calls that only read what they are given: maps, ring and perf buffers, Strings, printk. */
    private static boolean readsOnly(MethodInsnNode mi) {
        return mi.owner.startsWith("org/jbpf/maps/") || mi.owner.equals("org/jbpf/Strings")
                || mi.owner.equals("org/jbpf/Helpers") && mi.name.equals("printk");
    }

    /**
     * {@code target} is written at i: noted for a copy whose source or destination it is; a struct holding a copy's
     * destination, given to a call ({@code whole}), may have it written too.
     */
    private static void written(MethodAnalysis a, int i, Frame f, Value target, boolean whole) {
        for (CopyFacts.Fact fact : f.copies.facts.values()) {
            if (fact.isSource(target)) f.copies = f.copies.written(fact, true, a.position(i));
            else if (fact.isDest(target, f.copies.held) || whole && fact.mayHold(target, f.copies.held)) f.copies = f.copies.written(fact, false, a.position(i));
        }
    }

    /**
     * {@code target} is read at i ({@code use}; {@code whole} when all of it is, so a struct holding a copy's destination
     * reads that too): refused when it is one side of a copy whose other side was written since.
     */
    private static void read(MethodAnalysis a, int i, Frame f, Value target, boolean whole, String use) {
        for (CopyFacts.Fact fact : f.copies.facts.values()) {
            if (fact.destWrite() != null && fact.isSource(target)) {
                String name = sourceName(fact, a, i, f);
                throw refusal(fact, a, i, name, "the write to " + dest(fact) + " at " + fact.destWrite() + " would not reach "
                        + name + ", " + use + "; read through " + dest(fact) + " once " + name + " is stored");
            }
            if (fact.sourceWrite() != null && (fact.isDest(target, f.copies.held) || whole && fact.mayHold(target, f.copies.held))) {
                String name = sourceName(fact, a, i, f);
                throw refusal(fact, a, i, name, "the write to " + name + " at " + fact.sourceWrite() + " would not reach "
                        + dest(fact) + ", " + use + "; finish " + name + " before it is stored, or write through " + dest(fact)
                        + " afterwards");
            }
        }
    }

    /** Refuses a use of {@code v} at i when a replacement of the field it was read from left it behind. */
    private static void notStale(MethodAnalysis a, int i, Frame f, Value v) {
        HeldFields.Replaced r = f.copies.held.staleOf(v);
        if (r == null) return;
        if (r.remade()) throw remadeRefusal(a, i, f, v, r);
        String name = staleVariable(a, i, f, v, r);
        if (name == null) name = "a variable";
        // a use before the replacement in the same body comes after it only through a jump back: a loop's later round
        String round = r.in() == a && i < r.index() ? " in a later round of the loop" : "";
        String message = r.field() + " is replaced here while " + name + " refers to the " + r.what() + " it held: in Java " + name
                + " keeps the old one, but " + r.holder() + ", so " + name + " would see the new one at " + a.position(i) + round
                + "; copy what you need from " + name + " first, or " + r.advice();
        throw r.in().error(r.index(), message.replace(" at " + r.in().file + ":", " at line "));
    }

    /**
     * The name of a variable in scope at i that {@code r} left behind, preferring one holding the very value {@code v} used
     * (another the same write or new left behind otherwise), or null when there is none.
     */
    private static String staleVariable(MethodAnalysis a, int i, Frame f, Value v, HeldFields.Replaced r) {
        if (a.method.localVariables == null) return null;
        String name = null;
        boolean exact = false;
        for (var lv : a.method.localVariables) {
            if (lv.index >= f.locals.length || !r.equals(f.copies.held.staleOf(f.locals[lv.index]))) continue;
            int start = a.method.instructions.indexOf(lv.start), end = a.method.instructions.indexOf(lv.end);
            boolean holds = f.locals[lv.index].equals(v);
            if (start <= i && i <= end && (holds || !exact)) {
                name = lv.name;
                exact = holds;
            }
        }
        return name;
    }

    /**
     * The refusal of a use at i of {@code v}, which may be a local object made before {@code r} made one again in its place,
     * or be inside one: at the line of the use, naming the variable that holds it and the new.
     */
    private static org.jbpf.translator.TranslationException remadeRefusal(MethodAnalysis a, int i, Frame f, Value v, HeldFields.Replaced r) {
        String name = staleVariable(a, i, f, v, r);
        String made = r.in().position(r.index());
        String what = r.what().endsWith("]") ? "an array " + r.what() : "a " + r.what();
        return a.error(i, (name == null ? "this value" : name) + " holds " + what + " made by new at " + made
                + " in an earlier round of the loop (or a value inside one), whose storage the new one made there reuses: a local "
                + "object has one place on the stack for each new in the program; copy what you need from it into locals before "
                + "that new runs again, or make it once before the loop");
    }

    private static String dest(CopyFacts.Fact fact) {
        int dot = fact.destOrigin().lastIndexOf('.');
        return StructRegistry.simple(fact.destOwner()) + fact.destOrigin().substring(dot);
    }

    /**
     * The refusal, at the copy's line in the method of the access when the copy was made there or in a body inlined
     * into it (the line of that call), else at the copy itself.
     */
    private static org.jbpf.translator.TranslationException refusal(CopyFacts.Fact fact, MethodAnalysis a, int i, String name, String rest) {
        MethodAnalysis at = fact.copiedIn();
        int index = fact.copyIndex();
        for (MethodAnalysis m = fact.copiedIn(), inner = null; m != null; inner = m, m = m.inlinedInto) {
            if (m == a) {
                at = a;
                index = inner == null ? fact.copyIndex() : inner.inlinedAt;
                break;
            }
        }
        String message = name + " is copied into " + dest(fact) + " here, where Java would share one " + fact.what()
                + " between them: a struct holds its arrays and structs in place, so " + rest;
        return at.error(index, message.replace(" at " + at.file + ":", " at line "));
    }

    /** The name of a variable holding the copy's source where it is accessed, or where the copy is (or its calls are). */
    private static String sourceName(CopyFacts.Fact fact, MethodAnalysis a, int i, Frame f) {
        String name = localHolding(fact, a, i, f);
        if (name != null) return name;
        for (MethodAnalysis m = fact.copiedIn(), inner = null; m != null; inner = m, m = m.inlinedInto) {
            int at = inner == null ? fact.copyIndex() : inner.inlinedAt;
            if (m.frames[at] != null && (name = localHolding(fact, m, at, m.frames[at])) != null) return name;
        }
        return "the " + fact.what();
    }

    private static String localHolding(CopyFacts.Fact fact, MethodAnalysis a, int i, Frame f) {
        if (a.method.localVariables == null) return null;
        for (var lv : a.method.localVariables) {
            if (lv.index >= f.locals.length || !fact.isSource(f.locals[lv.index])) continue;
            int start = a.method.instructions.indexOf(lv.start), end = a.method.instructions.indexOf(lv.end);
            if (start <= i && i <= end) return lv.name;
        }
        return null;
    }
}
