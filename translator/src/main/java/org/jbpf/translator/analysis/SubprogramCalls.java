package org.jbpf.translator.analysis;

import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.frontend.ProbeClass;
import org.jbpf.translator.frontend.ValueType;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Decides whether a static call is inlined or becomes a BPF-to-BPF call, and keeps the program's BPF functions.
 * {@code @Inline} always inlines and {@code @NoInline} always calls; otherwise a method becomes a function when its
 * copies would cost more than {@link #AUTO_MIN_SAVING} bytecode instructions (it is at least {@link #AUTO_MIN_SIZE}
 * long and called from several places in its class). A function's parameters are numbers, the context or
 * {@code @Struct} references, so one body serves every call site; a call passing anything else is inlined.
 */
final class SubprogramCalls {
    static final int AUTO_MIN_SIZE = 16;
    static final int AUTO_MIN_SAVING = 48;
    static final int MAX_PARAMS = 5;
    /** The most values a loop body's lambda may capture (each one 8 bytes of the caller's stack). */
    static final int MAX_CAPTURES = 8;
    private static final String INLINE = "Lorg/jbpf/Inline;", NO_INLINE = "Lorg/jbpf/NoInline;";
    private static final String PERF_EVENT_ARRAY = "org/jbpf/maps/PerfEventArray";

    private final MethodAnalyzer analyzer;
    private final ProbeClass probe;
    private final Map<String, Subprogram> byKey = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();
    private final Map<String, Integer> callSites = new HashMap<>();
    /** False when only {@code @NoInline} makes functions (for backends that inline by themselves). */
    private final boolean automatic;

    SubprogramCalls(MethodAnalyzer analyzer, ProbeClass probe, String entryName, boolean automatic) {
        this.automatic = automatic;
        this.analyzer = analyzer;
        this.probe = probe;
        names.add(entryName);
    }

    /** The program's BPF functions in the order they were first called. */
    List<Subprogram> all() { return List.copyOf(byKey.values()); }

    /** The function the static call at {@code i} becomes, or null when it is inlined. */
    Subprogram callOf(MethodAnalysis caller, int i, MethodInsnNode mi, ClassNode owner, MethodNode target, String file,
                      List<Value> args, Frame f) {
        boolean forced = has(target, NO_INLINE);
        if (has(target, INLINE)) {
            if (forced) throw caller.error(i, "method " + mi.name + " is marked both @Inline and @NoInline; keep one");
            return null;
        }
        if (!forced && (!automatic || !worthCalling(owner, target, mi))) return null;
        String why = whyNotCallable(target, args, f);
        if (why == null && !forced && usesPerfOutput(owner, target, new HashSet<>()) && args.stream().noneMatch(v -> v instanceof Value.Ctx))
            why = "it writes perf events but is not given the context";
        if (why != null) {
            if (forced) throw caller.error(i, "@NoInline method " + mi.name + " cannot be a BPF function: " + why
                    + "; pass numbers, the context or @Struct references (at most five), or remove @NoInline");
            return null;
        }
        List<Value> params = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) params.add(parameter(args.get(k), mi.name, k));
        try {
            return function(mi.owner + "." + mi.name + mi.desc, mi.name, owner, target, file, params, -1);
        } catch (TranslationException e) {
            if (forced) throw e;
            return null;   // the body needs what only its call site knows (a constant, a map): inline it
        }
    }

    /** The function a {@code Loops.repeat} call runs as its loop body: {@code long step(int index, S state)}. */
    Subprogram loopBody(MethodAnalysis caller, int i, Value.FuncRef ref, Value state) {
        ClassNode owner = ref.owner().equals(probe.node.name) ? probe.node : analyzer.structs().read(ref.owner());
        MethodNode target = null;
        if (owner != null) for (MethodNode m : owner.methods) if (m.name.equals(ref.name()) && m.desc.equals(ref.desc())) target = m;
        if (target == null)
            throw caller.error(i, "the loop body " + ref.name() + " must be a static method of the probe (or of another class of the project)");
        Type[] at = Type.getArgumentTypes(target.desc);
        int ret = Type.getReturnType(target.desc).getSort(), n = ref.captured().size();
        if (at.length != n + 2 || at[n].getSort() != Type.INT || (ret != Type.LONG && ret != Type.INT))
            throw caller.error(i, "the loop body " + ref.name() + " must be declared long " + ref.name() + "(int index, S state)");
        String file = owner.sourceFile != null ? owner.sourceFile : caller.file;
        List<Value> params = new ArrayList<>();
        for (int k = 0; k < n; k++) params.add(LambdaCaptures.parameter(ref.captured().get(k), ref.name(), k));
        params.add(new Value.Scalar(false, null));
        params.add(state instanceof Value.StackObj so ? parameter(so, ref.name(), n + 1) : state);
        return function("loop:" + ref.owner() + "." + ref.name() + ref.desc(), ref.name(), owner, target, file, params, n);
    }

    /** The function of {@code target} given {@code params}; a loop body's first {@code captures} are its lambda's captures (-1: not a loop body). */
    private Subprogram function(String method, String name, ClassNode owner, MethodNode target, String file, List<Value> params,
                                int captures) {
        StringBuilder key = new StringBuilder(method);
        for (Value p : params) key.append('|').append(p instanceof Value.Ptr q ? q.target() + (q.nullable() ? "?" : "") : p);
        Subprogram known = byKey.get(key.toString());
        if (known != null) return known;
        MethodAnalysis body = analyzer.analyze(target, owner.name, file, params, -(byKey.size() + 2L), 0, true);
        String symbol = cName(name), unique = symbol;
        for (int n = 2; !names.add(unique); n++) unique = symbol + "_" + n;
        Subprogram s = new Subprogram(unique, body, params, captures >= 0, Math.max(0, captures));
        byKey.put(key.toString(), s);
        return s;
    }

    /**
     * The method's name as BTF and ELF name the function: a C identifier, so a lambda's {@code lambda$f$0} (or a name
     * with letters outside ASCII) has each other character replaced by {@code _}; the kernel refuses the BTF otherwise.
     */
    private static String cName(String name) {
        StringBuilder c = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            c.append(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' && i > 0 || ch == '_' ? ch : '_');
        }
        return c.toString();
    }

    /** What the function's parameter k sees of the argument: any value of its kind, a reference that is its own. */
    private static Value parameter(Value arg, String method, int k) {
        String origin = "parameter " + (k + 1) + " of " + method;
        if (arg instanceof Value.Scalar s) return new Value.Scalar(s.isLong(), null);
        if (arg instanceof Value.StackObj so) return new Value.Ptr(so.type(), false, 1L << 40 | k, origin, false);
        // a packet header stays one in the function: it goes stale there too, and its arrays' elements are reached the packet's way
        if (arg instanceof Value.Ptr p) return new Value.Ptr(p.target(), p.nullable(), 1L << 40 | k,
                p.origin().startsWith("header(") ? p.origin() + " as " + origin : origin, false);
        return arg;   // the context, a boxed number
    }

    private static String whyNotCallable(MethodNode target, List<Value> args, Frame f) {
        if (args.size() > MAX_PARAMS) return "it has " + args.size() + " parameters, more than BPF's five argument registers";
        int ret = Type.getReturnType(target.desc).getSort();
        if (ret == Type.OBJECT || ret == Type.ARRAY) return "it returns a reference; BPF functions return numbers";
        if (f.reservations > 0) return "a ring buffer record is held at the call";
        for (int k = 0; k < args.size(); k++) {
            Value v = args.get(k);
            boolean ok = v instanceof Value.Scalar || v instanceof Value.Boxed || v instanceof Value.Ctx
                    || v instanceof Value.StackObj so && !(so.type() instanceof ValueType.Prim)
                    || v instanceof Value.Ptr p && !p.ringRecord();
            if (!ok) return "argument " + (k + 1) + " is " + v.describe();
        }
        return null;
    }

    /** True when copies of the method at each of its call sites would cost more than one function and its calls. */
    private boolean worthCalling(ClassNode owner, MethodNode target, MethodInsnNode mi) {
        int size = 0;
        for (AbstractInsnNode in : target.instructions) if (in.getOpcode() >= 0) size++;
        if (size < AUTO_MIN_SIZE) return false;
        int calls = callSites.computeIfAbsent(mi.owner + "." + mi.name + mi.desc, k -> countCalls(owner, mi));
        return size * (calls - 1) >= AUTO_MIN_SAVING;
    }

    private int countCalls(ClassNode owner, MethodInsnNode call) {
        int n = 0;
        for (ClassNode c : owner == probe.node ? List.of(probe.node) : List.of(probe.node, owner))
            for (MethodNode m : c.methods)
                for (AbstractInsnNode in : m.instructions)
                    if (in instanceof MethodInsnNode mi && mi.getOpcode() == INVOKESTATIC && mi.owner.equals(call.owner)
                            && mi.name.equals(call.name) && mi.desc.equals(call.desc)) n++;
        return n;
    }

    /** True when the method (or a static method it calls in its class) writes perf events, which take the context. */
    private static boolean usesPerfOutput(ClassNode owner, MethodNode m, Set<String> seen) {
        if (!seen.add(m.name + m.desc)) return false;
        for (AbstractInsnNode in : m.instructions) {
            if (!(in instanceof MethodInsnNode mi)) continue;
            if (mi.owner.equals(PERF_EVENT_ARRAY)) return true;
            if (mi.getOpcode() == INVOKESTATIC && mi.owner.equals(owner.name))
                for (MethodNode c : owner.methods)
                    if (c.name.equals(mi.name) && c.desc.equals(mi.desc) && usesPerfOutput(owner, c, seen)) return true;
        }
        return false;
    }

    private static boolean has(MethodNode m, String desc) {
        for (List<AnnotationNode> list : java.util.Arrays.asList(m.visibleAnnotations, m.invisibleAnnotations))
            if (list != null) for (AnnotationNode a : list) if (a.desc.equals(desc)) return true;
        return false;
    }
}
