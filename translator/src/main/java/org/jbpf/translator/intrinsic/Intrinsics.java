package org.jbpf.translator.intrinsic;

import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import java.util.List;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.translator.analysis.Frame;
import org.jbpf.translator.analysis.MethodAnalysis;
import org.jbpf.translator.analysis.MethodAnalyzer;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ApiSignatures;
import org.jbpf.translator.frontend.MapDecl;
import org.jbpf.translator.frontend.StructRegistry;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.CodeGen;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * What each call a probe may make means to the frontend: helpers, map operations, context accessors, boxing and
 * unsigned arithmetic. The code generator emits the same set in {@link CodeGen}.
 */
public final class Intrinsics {
    private Intrinsics() {}

    public static final String HELPERS = "org/jbpf/Helpers";
    public static final String MAPS = "org/jbpf/maps/";
    /** Marker result: a struct constructor finished. */
    public static final Value CONSTRUCTED = new Value.Top("constructed");

    public static boolean isContextClass(String owner) {
        switch (owner) {
            case "org/jbpf/TracepointContext":
            case "org/jbpf/RawTracepointContext":
            case "org/jbpf/PtRegs":
            case "org/jbpf/XdpContext":
            case "org/jbpf/SkBuffContext":
                return true;
            default:
                return false;
        }
    }

    public static Value resultOf(MethodAnalyzer an, MethodAnalysis a, int i, MethodInsnNode mi, Value receiver, List<Value> args, Frame f) {
        String owner = mi.owner, name = mi.name;
        Type ret = Type.getReturnType(mi.desc);
        if (mi.getOpcode() == INVOKESPECIAL && name.equals("<init>")) {
            if (receiver instanceof Value.Uninit u && u.internalName().equals(owner) && args.isEmpty()) {
                checkTrivialConstructor(an, a, i, owner);
                return CONSTRUCTED;
            }
            throw a.error(i, "only the no-argument constructor of a @Struct can be called; assign fields after new");
        }
        if ((owner.equals(HELPERS) || owner.startsWith(MAPS) || isContextClass(owner)) && !ApiSignatures.exists(owner, name, mi.desc))
            throw a.error(i, "the probe API has no method " + owner.replace('/', '.') + "." + name + mi.desc + "; recompile the probe against this jbpf");
        if (owner.equals(HELPERS)) return helper(a, i, name, args);
        if (owner.startsWith(MAPS)) return mapCall(an, a, i, mi, receiver, args, f);
        if (isContextClass(owner)) {
            if (!(receiver instanceof Value.Ctx))
                throw a.error(i, "context methods can only be called on the program's context parameter");
            if (name.equals("arg") || name.equals("param") || name.endsWith("8") || name.endsWith("16") || name.endsWith("32") || name.endsWith("64"))
                requireConstant(a, i, args, 0, name + " needs a constant argument");
            return new Value.Scalar(ret.getSort() == Type.LONG, null);
        }
        if (owner.startsWith("java/lang/")) return javaLang(a, i, mi, receiver, args);
        if (mi.getOpcode() == INVOKESTATIC) {
            Value v = an.inline(a, i, mi, args, f);
            if (ret.getSort() != Type.VOID && v == null)
                throw a.error(i, "method " + name + " never returns a value");
            return v;
        }
        throw a.error(i, "cannot call " + owner.replace('/', '.') + "." + name + " in a BPF program; "
                + "only static methods, jbpf helpers, map and context methods are available");
    }

    private static void checkTrivialConstructor(MethodAnalyzer an, MethodAnalysis a, int i, String owner) {
        var cn = an.structs().read(owner);
        if (cn == null) return;
        for (var m : cn.methods) {
            if (!m.name.equals("<init>") || !m.desc.equals("()V")) continue;
            int real = 0;
            for (var in : m.instructions) if (in.getOpcode() >= 0) real++;
            if (real > 3) // ALOAD 0, INVOKESPECIAL Object.<init>, RETURN
                throw a.error(i, "@Struct " + StructRegistry.simple(owner) + " has field initialisers or constructor code; "
                        + "structs start zeroed in BPF, so assign fields after new instead");
            return;
        }
        throw a.error(i, "@Struct " + StructRegistry.simple(owner) + " needs a no-argument constructor");
    }

    static void requireConstant(MethodAnalysis a, int i, List<Value> args, int k, String msg) {
        if (!(args.get(k) instanceof Value.Scalar s) || s.constant() == null) throw a.error(i, msg);
    }

    private static Value helper(MethodAnalysis a, int i, String name, List<Value> args) {
        switch (name) {
            case "pid": case "tgid": case "tid": case "uid": case "gid": case "cpu": case "random":
                return new Value.Scalar(false, null);
            case "pidTgid": case "uidGid": case "ktime": case "ktimeBoot":
                return new Value.Scalar(true, null);
            case "comm":
                bytesArg(a, i, args.get(0), "comm needs a byte array of 16 bytes");
                return new Value.Scalar(false, null);
            case "printk": {
                Value fmt = args.get(0);
                if (!(fmt instanceof Value.StringConst) && !(fmt instanceof Value.Concat))
                    throw a.error(i, "printk needs a string constant or a concatenation of constants and numbers");
                if (fmt instanceof Value.Concat c && args.size() > 1)
                    throw a.error(i, "printk takes either a concatenated message or a format with arguments, not both");
                return new Value.Scalar(false, null);
            }
            case "probeReadKernel": case "probeReadUser": case "probeReadUserStr": case "probeReadKernelStr": {
                ValueType.Bytes b = bytesArg(a, i, args.get(0), name + " needs a byte array destination");
                if (args.get(1) instanceof Value.Scalar s && s.constant() != null && (s.constant() < 0 || s.constant() > b.length()))
                    throw a.error(i, name + " size " + s.constant() + " exceeds the destination's " + b.length() + " bytes");
                return new Value.Scalar(false, null);
            }
            default:
                throw a.error(i, "unknown helper " + name);
        }
    }

    public static ValueType.Bytes bytesArg(MethodAnalysis a, int i, Value v, String msg) {
        ValueType t = v instanceof Value.StackObj so ? so.type() : v instanceof Value.Ptr p ? p.target() : null;
        if (v instanceof Value.Ptr p && p.nullable()) throw a.error(i, p.origin() + " may be null here; test it against null first");
        if (!(t instanceof ValueType.Bytes b)) throw a.error(i, msg);
        return b;
    }

    private static Value mapCall(MethodAnalyzer an, MethodAnalysis a, int i, MethodInsnNode mi, Value receiver, List<Value> args, Frame f) {
        if (!(receiver instanceof Value.MapRef ref))
            throw a.error(i, "map methods must be called directly on a map field of the probe");
        MapDecl map = ref.map();
        String name = mi.name;
        switch (map.mapType()) {
            case MapTypes.PERF_EVENT_ARRAY:
                if (!name.equals("output")) break;
                structArg(a, i, args.get(0), map, "output");
                return new Value.Scalar(true, null);
            case MapTypes.RINGBUF:
                switch (name) {
                    case "output": structArg(a, i, args.get(0), map, "output"); return new Value.Scalar(true, null);
                    case "reserve": {
                        Value t = args.get(0);
                        ValueType target;
                        if (t instanceof Value.ClassConst cc) {
                            ValueType.Struct s = an.structs().struct(cc.internalName());
                            if (s == null) throw a.error(i, "reserve needs a @Struct class, not " + cc.internalName().replace('/', '.'));
                            return new Value.Ptr(s, true, a.site(i), map.name() + ".reserve(" + s.javaName() + ".class)", true);
                        }
                        requireConstant(a, i, args, 0, "reserve needs a constant size or a @Struct class literal");
                        long n = ((Value.Scalar) t).constant();
                        if (n <= 0 || n > map.maxEntries()) throw a.error(i, "reserve size " + n + " does not fit ring buffer " + map.name());
                        target = new ValueType.Bytes((int) n);
                        return new Value.Ptr(target, true, a.site(i), map.name() + ".reserve(..)", true);
                    }
                    case "submit": case "discard": {
                        Value r = args.get(0);
                        if (!(r instanceof Value.Ptr p) || !p.ringRecord())
                            throw a.error(i, name + " needs a record returned by " + map.name() + ".reserve(..)");
                        if (p.nullable()) throw a.error(i, p.origin() + " may be null here; test it against null before " + name);
                        if (f.reservations == 0)
                            throw a.error(i, "this record was already submitted or discarded; a record is released exactly once");
                        f.reservations--;
                        return null;
                    }
                    default: break;
                }
                break;
            case MapTypes.STACK_TRACE:
                if (!name.equals("getStackId")) break;
                if (!(args.get(0) instanceof Value.Ctx)) throw a.error(i, "getStackId needs the program's context parameter");
                return new Value.Scalar(true, null);
            default:
                switch (name) {
                    case "lookup":
                        keyArg(a, i, args.get(0), map);
                        return new Value.Ptr(map.value(), true, a.site(i), map.name() + ".lookup(..)", false);
                    case "update":
                        keyArg(a, i, args.get(0), map);
                        valueArg(a, i, args.get(1), map);
                        return new Value.Scalar(true, null);
                    case "delete":
                        keyArg(a, i, args.get(0), map);
                        return new Value.Scalar(true, null);
                    default: break;
                }
        }
        throw a.error(i, map.simpleClassName() + " " + map.name() + " has no operation " + name + " in BPF programs");
    }

    private static void structArg(MethodAnalysis a, int i, Value v, MapDecl map, String op) {
        if (v instanceof Value.StackObj) return;
        if (v instanceof Value.Ptr p) {
            if (p.nullable()) throw a.error(i, p.origin() + " may be null here; test it against null before " + op);
            return;
        }
        throw a.error(i, map.name() + "." + op + " needs a @Struct object (or byte array), not " + v.describe());
    }

    static void keyArg(MethodAnalysis a, int i, Value v, MapDecl map) { typedArg(a, i, v, map.key(), map, "key"); }

    static void valueArg(MethodAnalysis a, int i, Value v, MapDecl map) { typedArg(a, i, v, map.value(), map, "value"); }

    private static void typedArg(MethodAnalysis a, int i, Value v, ValueType want, MapDecl map, String what) {
        if (want instanceof ValueType.Prim) {
            if (v instanceof Value.Boxed || v instanceof Value.Scalar) return;
            if (v instanceof Value.Ptr p && p.target().equals(want)) {
                if (p.nullable()) throw a.error(i, p.origin() + " may be null here; test it against null first");
                return;
            }
        } else if (v instanceof Value.StackObj so && so.type().equals(want)) {
            return;
        } else if (v instanceof Value.Ptr p && p.target().equals(want)) {
            if (p.nullable()) throw a.error(i, p.origin() + " may be null here; test it against null first");
            return;
        }
        if (v instanceof Value.Null) throw a.error(i, "map " + what + " of " + map.name() + " must not be null");
        throw a.error(i, "map " + map.name() + " expects a " + what + " of type " + want.javaName() + ", not " + v.describe());
    }

    private static Value javaLang(MethodAnalysis a, int i, MethodInsnNode mi, Value receiver, List<Value> args) {
        String o = mi.owner, n = mi.name;
        boolean boxOwner = o.equals("java/lang/Integer") || o.equals("java/lang/Long") || o.equals("java/lang/Short") || o.equals("java/lang/Byte");
        if (boxOwner && n.equals("valueOf") && args.size() == 1 && args.get(0) instanceof Value.Scalar) {
            ValueType.Prim t = (ValueType.Prim) (o.endsWith("Integer") ? ValueType.INT : o.endsWith("Long") ? ValueType.LONG : o.endsWith("Short") ? ValueType.SHORT : ValueType.BYTE);
            return new Value.Boxed(t);
        }
        if (boxOwner && receiver != null && n.endsWith("Value") && args.isEmpty()) {
            if (receiver instanceof Value.Ptr p) {
                if (p.nullable()) throw a.error(i, p.origin() + " may be null here; test it against null before using its value");
                if (!(p.target() instanceof ValueType.Prim)) throw a.error(i, "cannot unbox " + p.describe());
            } else if (!(receiver instanceof Value.Boxed)) {
                throw a.error(i, "cannot unbox " + receiver.describe());
            }
            return new Value.Scalar(Type.getReturnType(mi.desc).getSort() == Type.LONG, null);
        }
        if ((o.equals("java/lang/Integer") || o.equals("java/lang/Long")) && receiver == null) {
            switch (n) {
                case "compareUnsigned": case "divideUnsigned": case "remainderUnsigned": case "toUnsignedLong":
                    for (Value v : args) if (!(v instanceof Value.Scalar)) throw a.error(i, n + " needs numbers");
                    if ((n.equals("divideUnsigned") || n.equals("remainderUnsigned")) && args.get(1) instanceof Value.Scalar s
                            && s.constant() != null && s.constant() == 0)
                        throw a.error(i, "division by the constant zero");
                    return new Value.Scalar(Type.getReturnType(mi.desc).getSort() == Type.LONG, null);
                default: break;
            }
        }
        if (o.equals("java/lang/Math") && receiver == null && (n.equals("min") || n.equals("max") || n.equals("abs"))) {
            Type rt = Type.getReturnType(mi.desc);
            if (rt.getSort() != Type.INT && rt.getSort() != Type.LONG) throw a.error(i, "Math." + n + " is only supported for int and long");
            return new Value.Scalar(rt.getSort() == Type.LONG, null);
        }
        if (o.equals("java/lang/Object") && n.equals("<init>")) return null;
        throw a.error(i, "cannot call " + o.replace('/', '.') + "." + n + " in a BPF program");
    }
}
