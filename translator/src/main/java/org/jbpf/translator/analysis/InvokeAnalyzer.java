package org.jbpf.translator.analysis;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jbpf.translator.frontend.ApiSignatures;
import org.jbpf.translator.frontend.EnumSwitches;
import org.jbpf.translator.frontend.ProbeClass;
import org.jbpf.translator.frontend.StructRegistry;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.intrinsic.Intrinsic;
import org.jbpf.translator.intrinsic.Intrinsics;
import org.jbpf.translator.intrinsic.TypingCall;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The analysis of calls: struct constructors, intrinsics (typed by their family), static methods of the probe
 * (analysed for inlining, with recursion and depth limits), ring buffer reservations they make, and string
 * concatenations (which only printk may consume).
 */
public final class InvokeAnalyzer {
    static final int MAX_INLINE_DEPTH = 8;
    static final int MAX_RESERVATIONS = 8;
    static final String LOOPS = "org/jbpf/Loops";
    /**
     * Bytecode instructions one program may take in by inlining. Copies multiply with each level of calls, so this
     * bounds translation time and memory; a program that large would be far past what the kernel verifies anyway.
     */
    static final int MAX_INLINED_INSTRUCTIONS = 1 << 17;

    private final MethodAnalyzer analyzer;
    private final ProbeClass probe;
    private final StructRegistry structs;
    /** The methods being analysed, innermost first: a call of one of them is recursion. */
    private final Deque<String> callStack = new ArrayDeque<>();
    private final SubprogramCalls subprograms;
    /** Bytecode instructions inlined into this program so far. */
    private int inlined;

    InvokeAnalyzer(MethodAnalyzer analyzer, ProbeClass probe, StructRegistry structs, String entry, boolean automaticFunctions) {
        this.analyzer = analyzer;
        this.probe = probe;
        this.structs = structs;
        this.subprograms = new SubprogramCalls(analyzer, probe, entry.substring(entry.lastIndexOf('.') + 1, entry.indexOf('(')),
                automaticFunctions);
        callStack.push(entry);
    }

    /** The BPF functions the program calls. */
    List<Subprogram> subprograms() { return subprograms.all(); }

    void invoke(MethodAnalysis a, int i, MethodInsnNode mi, Frame f) {
        Type[] argTypes = Type.getArgumentTypes(mi.desc);
        List<Value> args = new ArrayList<>();
        for (int k = argTypes.length - 1; k >= 0; k--) args.add(0, f.pop());
        Value receiver = mi.getOpcode() == INVOKESTATIC ? null : f.pop();
        MethodInsnNode onBox = BoxDispatch.retarget(mi, receiver);
        if (onBox != null) {
            a.boxCalls.put(i, onBox);
            mi = onBox;
        }
        if (mi.getOpcode() == INVOKESPECIAL && mi.name.equals("<init>")) {
            construct(a, i, mi, receiver, args, f);
            return;
        }
        int before = f.reservations;
        Value result = resultOf(a, i, mi, receiver, args, f);
        if (result instanceof Value.Ptr p && p.ringRecord()) {
            if (before >= MAX_RESERVATIONS)
                throw a.error(i, "more than " + MAX_RESERVATIONS + " ring buffer records are held at once here; "
                        + "release each record (submit or discard) before reserving the next, also in loops");
            f.reservations = before + 1;
            f.reservedAt = a.position(i);
        }
        if (Type.getReturnType(mi.desc).getSort() != Type.VOID) {
            if (result == null) throw a.error(i, "no value for call of " + mi.name);
            f.push(result);
        }
    }

    /**
     * A constructor call. {@code new T(..)} of a @Struct: every copy of the uninitialised object becomes the stack
     * object, which starts zeroed; a constructor with code (a record's canonical constructor, field initialisers) is then
     * inlined with the object as {@code this}. Inside it, the call of Object's or Record's constructor does nothing and
     * {@code this(..)} inlines the other constructor.
     */
    private void construct(MethodAnalysis a, int i, MethodInsnNode mi, Value receiver, List<Value> args, Frame f) {
        if (receiver instanceof Value.StackObj so && so.type() instanceof ValueType.Struct s) {
            if (mi.owner.equals("java/lang/Object") || mi.owner.equals("java/lang/Record")) return;
            if (s.internalName().equals(mi.owner)) { inline(a, i, mi, receiver, args, f); return; }
        }
        if (!(receiver instanceof Value.Uninit u && u.internalName().equals(mi.owner)))
            throw a.error(i, "only constructors of a @Struct can be called in a BPF program");
        ValueType.Struct s = structs.struct(u.internalName());
        Value.StackObj obj = new Value.StackObj(s, (int) (a.site(u.site()) & 0x7fffffff));
        a.constructed.put(i, obj);
        // the constructor zeroes the stack area of the objects made here before: what still refers to one is stale
        f.localMadeAgain(obj, HeldFields.Replaced.madeAgain(a, u.site(), CopySteps.objectName(s)), false);
        f.copies = f.copies.remade(obj);   // a new object again at this site: copies of the one before no longer matter
        for (int k = 0; k < f.stack.size(); k++) if (f.stack.get(k).equals(u)) f.stack.set(k, obj);
        for (int k = 0; k < f.locals.length; k++) if (f.locals[k].equals(u)) f.locals[k] = obj;
        if (!trivialConstructor(a, i, mi)) inline(a, i, mi, obj, args, f);
    }

    /** True for a no-argument constructor that only calls its superclass's: zeroing the object is all it does. */
    private boolean trivialConstructor(MethodAnalysis a, int i, MethodInsnNode mi) {
        if (!mi.desc.equals("()V")) return false;
        ClassNode cn = structs.read(mi.owner);
        if (cn == null) return true;
        for (MethodNode m : cn.methods) {
            if (!m.name.equals("<init>") || !m.desc.equals("()V")) continue;
            int real = 0;
            for (var in : m.instructions) if (in.getOpcode() >= 0) real++;
            return real <= 3; // ALOAD 0, INVOKESPECIAL Object.<init>, RETURN
        }
        throw a.error(i, "@Struct " + StructRegistry.simple(mi.owner) + " has no constructor " + mi.name + mi.desc);
    }

    private Value resultOf(MethodAnalysis a, int i, MethodInsnNode mi, Value receiver, List<Value> args, Frame f) {
        if (Intrinsics.isProbeApi(mi.owner) && !ApiSignatures.exists(mi.owner, mi.name, mi.desc))
            throw a.error(i, "the probe API has no method " + mi.owner.replace('/', '.') + "." + mi.name + mi.desc
                    + "; recompile the probe against this jbpf");
        if (mi.owner.equals(LOOPS) && mi.name.equals("repeat")) return loop(a, i, args, f);
        // javac's null check of a pattern switch's selector: a value that cannot be null passes through
        if (isRequireNonNull(mi) && neverNull(args.get(0))) return args.get(0);
        // a struct called through a JDK interface or Object (Comparable.compareTo in a generic helper) runs its own class's method
        ValueType.Struct struct = mi.getOpcode() == INVOKESTATIC ? null : structReceiver(a, i, mi, receiver);
        if (struct != null && mi.owner.startsWith("java/")) return inlineOnStruct(a, i, mi, struct, receiver, args, f);
        Intrinsic intrinsic = Intrinsics.find(mi);
        if (intrinsic == null) intrinsic = Intrinsics.kernelStruct(mi, structs);
        if (intrinsic != null) return intrinsic.type(new TypingCall(a, i, mi, receiver, args, f, structs));
        if (receiver instanceof Value.Scalar && EnumSwitches.isEnum(structs, mi.owner)) {
            if (mi.name.equals("ordinal") && mi.desc.equals("()I")) return receiver;   // an enum value is its ordinal
            if (EnumSwitches.isOrdinalCompare(mi)) {
                if (!(args.get(0) instanceof Value.Scalar))
                    throw a.error(i, mi.name + " compares an enum with " + args.get(0).describe() + "; compare two values of the enum");
                return new Value.Scalar(false, null);
            }
            ClassNode cn = structs.read(mi.owner);
            boolean declared = false;
            for (MethodNode m : cn.methods) declared |= m.name.equals(mi.name) && m.desc.equals(mi.desc) && (m.access & ACC_STATIC) == 0;
            if (!declared)
                throw a.error(i, "cannot call " + mi.name + " on an enum in a BPF program, where an enum value is its ordinal; "
                        + "compare values with == or use ordinal()");
        }
        if (struct != null || mi.getOpcode() != INVOKESTATIC && mi.getOpcode() != INVOKEINTERFACE
                && receiver instanceof Value.Scalar && EnumSwitches.isEnum(structs, mi.owner))
            return inlineOnStruct(a, i, mi, struct, receiver, args, f);
        if (mi.getOpcode() == INVOKESTATIC) {
            String enumCall = EnumCalls.refusal(structs, mi);
            if (enumCall != null) throw a.error(i, enumCall);
            if (EnumCalls.isValues(structs, mi)) return EnumCalls.values(a, i, structs, mi);
            Value v = inline(a, i, mi, null, args, f);
            if (Type.getReturnType(mi.desc).getSort() != Type.VOID && v == null)
                throw a.error(i, "method " + mi.name + " never returns a value");
            return v;
        }
        if (mi.getOpcode() == INVOKEINTERFACE && receiver instanceof Value.FuncRef) throw a.error(i, LAMBDAS);
        if (mi.getOpcode() == INVOKEINTERFACE) throw a.error(i, interfaceCall(mi));
        throw a.error(i, "cannot call " + mi.owner.replace('/', '.') + "." + mi.name + " in a BPF program; "
                + "only static methods, jbpf helpers, map and context methods are available");
    }

    /**
     * The struct {@code receiver} is when the method can run on it (declared by its class, an interface it implements, or
     * Object): its instance methods are inlined with it as {@code this}; null otherwise.
     */
    private ValueType.Struct structReceiver(MethodAnalysis a, int i, MethodInsnNode mi, Value receiver) {
        ValueType t = receiver instanceof Value.StackObj so ? so.type() : receiver instanceof Value.Ptr p ? p.target() : null;
        if (!(t instanceof ValueType.Struct s) || !StructDispatch.applies(structs, s.internalName(), mi.owner)) return null;
        if (receiver instanceof Value.Ptr p && p.nullable())
            throw a.error(i, p.origin() + " may be null here; test it against null before you call ." + mi.name + "()");
        return s;
    }

    /** Inlines instance method {@code mi} on {@code receiver}: a struct's (as its class dispatches it) or an enum value's. */
    private Value inlineOnStruct(MethodAnalysis a, int i, MethodInsnNode mi, ValueType.Struct struct, Value receiver, List<Value> args, Frame f) {
        MethodInsnNode runs = struct == null ? mi : StructDispatch.resolve(structs, struct.internalName(), mi);
        Value v = inline(a, i, runs, receiver, args, f);
        if (Type.getReturnType(mi.desc).getSort() != Type.VOID && v == null)
            throw a.error(i, "method " + mi.name + " never returns a value");
        return v;
    }

    /** True for {@code Objects.requireNonNull(value)}. */
    public static boolean isRequireNonNull(MethodInsnNode mi) {
        return mi.owner.equals("java/util/Objects") && mi.name.equals("requireNonNull") && mi.desc.equals("(Ljava/lang/Object;)Ljava/lang/Object;");
    }

    private static boolean neverNull(Value v) {
        return v instanceof Value.StackObj || v instanceof Value.Boxed || v instanceof Value.Ctx || v instanceof Value.Ptr p && !p.nullable();
    }

    /** The rejection of a call of a lambda or method reference's interface method. */
    public static final String LAMBDAS = "lambdas and method references can only be the loop body of Loops.repeat in BPF programs, "
            + "which have no virtual calls; write the code as a static method and call it directly";

    /** The rejection of an interface method call. */
    public static String interfaceCall(MethodInsnNode mi) {
        return "cannot call interface method " + mi.owner.replace('/', '.') + "." + mi.name + ": a BPF program has no "
                + "virtual calls; call a static method of the probe (or of another class of the project) directly";
    }

    /**
     * Analyzes a method for inlining at instruction {@code i}: a static method of the probe (or another user class), or,
     * with a {@code receiver}, an instance method or constructor of a @Struct, with the receiver as {@code this}.
     */
    private Value inline(MethodAnalysis caller, int i, MethodInsnNode mi, Value receiver, List<Value> args, Frame f) {
        String key = mi.owner + "." + mi.name + mi.desc;
        if (callStack.contains(key))
            throw caller.error(i, "recursive call of " + mi.name + "; BPF programs cannot recurse, write a bounded loop instead");
        if (callStack.size() >= MAX_INLINE_DEPTH)
            throw caller.error(i, "calls nested deeper than " + MAX_INLINE_DEPTH + " levels");
        ClassNode owner = mi.owner.equals(probe.node.name) ? probe.node : structs.read(mi.owner);
        MethodNode target = null;
        if (owner != null) for (MethodNode m : owner.methods) if (m.name.equals(mi.name) && m.desc.equals(mi.desc)) target = m;
        if (target == null && mi.owner.equals("java/util/Objects") && mi.name.equals("requireNonNull"))
            throw caller.error(i, "Objects.requireNonNull throws when the value is null, which a BPF program cannot; test the value "
                    + "against null with if and return early instead");
        if (target == null && mi.owner.equals("java/util/Arrays"))
            throw caller.error(i, "cannot call java.util.Arrays." + mi.name + " from a BPF program; write a loop over the elements "
                    + "instead (of java.util.Arrays, only fill and copyOf translate)");
        if (target == null && mi.owner.equals("java/util/Optional"))
            throw caller.error(i, "java.util.Optional is an object a BPF program cannot make; test the value against null "
                    + "instead (v != null ? v : 0L)");
        if (target == null && receiver != null && mi.owner.equals("java/lang/Object"))
            throw caller.error(i, "cannot call " + mi.name + " on " + receiver.describe() + ": its class inherits Object's, which works "
                    + "on the object's identity, and BPF programs have no object identities; compare (or combine) its fields instead");
        String generated = target != null && receiver != null ? RecordObjectMethods.refusal(structs, owner, target) : null;
        if (generated != null) throw caller.error(i, generated);
        if (target == null || ((target.access & ACC_STATIC) == 0) != (receiver != null))
            throw caller.error(i, "cannot call " + mi.owner.replace('/', '.') + "." + mi.name + " from a BPF program; "
                    + "only static methods of the probe, methods of @Struct classes and jbpf helpers can be called");
        if ((target.access & ACC_NATIVE) != 0)
            throw caller.error(i, "cannot call native method " + StructRegistry.simple(mi.owner) + "." + mi.name + ": its code is the "
                    + "JVM's, which a BPF program does not have; compute the value with numbers and operators instead");
        if ((target.access & ACC_ABSTRACT) != 0) throw caller.error(i, EnumCalls.abstractCall(structs, mi));
        if (receiver != null) {
            args = new ArrayList<>(args);
            args.add(0, receiver);
        }
        for (Value v : args)
            if (v instanceof Value.Concat || v instanceof Value.Uninit)
                throw caller.error(i, "cannot pass " + v.describe() + " to " + mi.name);
        String file = owner.sourceFile != null ? owner.sourceFile : caller.file;
        callStack.push(key);
        try {
            Subprogram function = subprograms.callOf(caller, i, mi, owner, target, file, args, f);
            if (function != null) {
                StructArraySteps.checkCall(caller, i, f, function, mi.name);
                caller.replacedElements.addAll(function.body.replacedElements);
                caller.calls.put(i, function);
                return function.result();
            }
            inlined += target.instructions.size();
            if (inlined > MAX_INLINED_INSTRUCTIONS)
                throw caller.error(i, "inlining " + mi.name + " here makes the program larger than " + MAX_INLINED_INSTRUCTIONS
                        + " bytecode instructions (calls inline copies of calls); mark " + mi.name + " or a method it calls @NoInline (not @Inline) "
                        + "so it becomes one BPF function instead of a copy per call");
            MethodAnalysis callee = analyzer.analyze(target, owner.name, file, args, caller.site(i), f.reservations, false,
                    StructArraySteps.heldElements(caller, i, f), caller, i, f.copies);
            caller.callees.put(i, callee);
            caller.replacedElements.addAll(callee.replacedElements);
            f.reservations = callee.exitReservations;
            return callee.returnValue;
        } finally {
            callStack.pop();
        }
    }

    /** {@code Loops.repeat(n, body, state)}: a bpf_loop call running the static method {@code body} as a BPF function. */
    private Value loop(MethodAnalysis a, int i, List<Value> args, Frame f) {
        if (!(args.get(0) instanceof Value.Scalar))
            throw a.error(i, "the iteration count of Loops.repeat must be an int, not " + args.get(0).describe());
        if (!(args.get(1) instanceof Value.FuncRef ref))
            throw a.error(i, "the loop body of Loops.repeat must be a method reference such as Probe::step, not " + args.get(1).describe());
        Value state = args.get(2);
        if (!(state instanceof Value.Null) && !(state instanceof Value.StackObj so && so.type() instanceof ValueType.Struct))
            throw a.error(i, "the state of Loops.repeat must be a local @Struct made with new (or null), not " + state.describe()
                    + "; the kernel passes the loop body a pointer to the program's stack only");
        String key = ref.owner() + "." + ref.name() + ref.desc();
        if (callStack.contains(key))
            throw a.error(i, "recursive call of " + ref.name() + "; BPF programs cannot recurse, write a bounded loop instead");
        if (callStack.size() >= MAX_INLINE_DEPTH)
            throw a.error(i, "calls nested deeper than " + MAX_INLINE_DEPTH + " levels");
        callStack.push(key);
        try {
            Subprogram body = subprograms.loopBody(a, i, ref, state);
            // the body is analysed once, so an element it replaces is checked against what this caller holds here
            StructArraySteps.checkCall(a, i, f, body, ref.name());
            a.replacedElements.addAll(body.body.replacedElements);
            a.calls.put(i, body);
        } finally {
            callStack.pop();
        }
        return new Value.Scalar(false, null);
    }

    /**
     * An invokedynamic: a method reference or lambda (a loop body for Loops.repeat), or a string concatenation, which
     * printk prints with its numbers.
     */
    void invokeDynamic(MethodAnalysis a, int i, InvokeDynamicInsnNode indy, Frame f) {
        if ("java/lang/invoke/LambdaMetafactory".equals(indy.bsm.getOwner())) {
            f.push(LambdaCaptures.reference(a, i, indy, f));
            return;
        }
        if (!"makeConcatWithConstants".equals(indy.name)) throw a.error(i, unsupportedBootstrap(indy));
        Type[] types = Type.getArgumentTypes(indy.desc);
        for (int k = types.length - 1; k >= 0; k--) {
            Value v = f.pop();
            if (v instanceof Value.Ptr p && p.target() instanceof ValueType.Prim) {
                // a Long or Integer looked up in a map prints its value
                if (p.nullable()) throw a.error(i, p.origin() + " may be null here; test it against null before printing it");
                continue;
            }
            if (!(v instanceof Value.Scalar) && !(v instanceof Value.Boxed) && !(v instanceof Value.StringConst))
                throw a.error(i, "string concatenation can only print numbers and string constants, not " + v.describe());
        }
        f.push(concat(a, i, indy, types));
    }

    /** Why an invokedynamic other than a concatenation or a lambda cannot be translated, by what javac made it for. */
    private static String unsupportedBootstrap(InvokeDynamicInsnNode indy) {
        String owner = indy.bsm.getOwner();
        if (owner == null || indy.bsm.getName() == null)
            return "this invokedynamic names no bootstrap method; the class file is damaged, compile it again";
        if (owner.equals("java/lang/runtime/SwitchBootstraps"))
            return "a switch with case null over an enum, string or number, or with patterns among constant labels (javac 21 and "
                    + "later compile it to a SwitchBootstraps." + indy.name + " call, which a BPF program cannot make); test for null "
                    + "before the switch, and switch over the enum, int or char itself (patterns over @Struct classes alone translate)";
        return "invokedynamic of " + owner.replace('/', '.') + "." + indy.bsm.getName() + " (" + indy.name
                + ") cannot be translated: BPF programs cannot call a bootstrap method; write the code with plain calls";
    }

    /** A concatenation whose recipe and arguments disagree, which javac never writes. */
    private static RuntimeException damagedConcat(MethodAnalysis a, int i) {
        return a.error(i, "this string concatenation's recipe does not match its arguments; the class file is damaged, compile it again");
    }

    /** A string concatenation (invokedynamic makeConcatWithConstants) as a printk format of its numbers. */
    private Value concat(MethodAnalysis a, int i, InvokeDynamicInsnNode indy, Type[] types) {
        Object recipe = indy.bsmArgs.length > 0 ? indy.bsmArgs[0] : null;
        if (!(recipe instanceof String r)) throw a.error(i, "unsupported string concatenation");
        StringBuilder fmt = new StringBuilder();
        List<Boolean> longs = new ArrayList<>();
        int arg = 0, cst = 1;
        for (int k = 0; k < r.length(); k++) {
            char c = r.charAt(k);
            if (c == '\u0001' && arg == types.length || c == '\u0002' && cst >= indy.bsmArgs.length) throw damagedConcat(a, i);
            if (c == '\u0001') {
                Type t = types[arg++];
                if (t.getSort() == Type.OBJECT && t.getInternalName().equals("java/lang/String"))
                    throw a.error(i, "only string constants can be concatenated into printk messages");
                if (t.getSort() == Type.BOOLEAN || t.getDescriptor().equals("Ljava/lang/Boolean;"))
                    throw a.error(i, "a boolean in a printk message prints as true or false in Java, a word printk cannot choose "
                            + "while the program runs; print it as a number (flag ? 1 : 0), or write one printk for each value");
                boolean isLong = t.getSort() == Type.LONG || t.getDescriptor().equals("Ljava/lang/Long;");
                // a char (or Character) prints as its character, as Java's concatenation does
                fmt.append(isLong ? "%lld" : t.getSort() == Type.CHAR || t.getDescriptor().equals("Ljava/lang/Character;") ? "%c" : "%d");
                longs.add(isLong);
            } else if (c == '\u0002') {
                fmt.append(String.valueOf(indy.bsmArgs[cst++]).replace("%", "%%"));
            } else if (c == '%') {
                fmt.append("%%");
            } else fmt.append(c);
        }
        if (arg != types.length) throw damagedConcat(a, i);
        if (longs.size() > 3) throw a.error(i, "printk messages can carry at most 3 values; this one has " + longs.size());
        return new Value.Concat(fmt.toString(), longs, i);
    }
}
