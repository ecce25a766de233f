package org.jbpf.translator.analysis;

import java.util.List;
import org.jbpf.translator.frontend.MapDecl;
import org.jbpf.translator.frontend.ValueType;

/**
 * What the frontend knows about one JVM local or operand-stack slot. Register values ({@link #inRegister()}) live in
 * a virtual register; the others are known at translation time and need no register.
 */
public sealed interface Value {
    default boolean inRegister() { return false; }
    String describe();

    /** Slot never written on some path, or written with values that do not merge. Using it is an error. */
    record Top(String why) implements Value { public String describe() { return "an undefined value (" + why + ")"; } }

    /** Second half of a long: carries nothing. */
    record Half() implements Value { public String describe() { return "the upper half of a long"; } }

    /** int (and byte/short/char/boolean) or long scalar; {@code constant} is non-null when known. */
    record Scalar(boolean isLong, Long constant) implements Value {
        public boolean inRegister() { return true; }
        public String describe() { return isLong ? "long" : "int"; }
    }

    /** A boxed Integer/Long/Short/Byte made by valueOf; it holds its primitive in the register. */
    record Boxed(ValueType.Prim type) implements Value {
        public boolean inRegister() { return true; }
        public String describe() { return "boxed " + type.javaName(); }
    }

    record Null() implements Value { public String describe() { return "null"; } }

    /** The program context (first parameter of a section method), of the given class, in the program of {@code section}. */
    record Ctx(String internalName, String section) implements Value {
        public boolean inRegister() { return true; }
        public String describe() { return "the program context"; }
    }

    /** The tracepoint context read through the @Struct {@code type} ({@code ctx.as(T.class)}): fields are context loads. */
    record CtxView(ValueType.Struct type, String section) implements Value {
        public boolean inRegister() { return true; }
        public String describe() { return "the tracepoint record as " + type.javaName(); }
    }

    /**
     * The kernel address of a struct of @KernelType class {@code internalName}, read by name through CO-RE;
     * {@code direct} when the verifier knows its BTF type (a tracing program's argument), so fields are plain loads.
     */
    record KernelRef(String internalName, boolean direct) implements Value {
        public KernelRef(String internalName) { this(internalName, false); }

        public boolean inRegister() { return true; }
        public String describe() { return "kernel " + internalName.substring(internalName.lastIndexOf('/') + 1); }
    }

    record MapRef(MapDecl map) implements Value { public String describe() { return "map " + map.name(); } }

    record StringConst(String text) implements Value { public String describe() { return "string \"" + text + "\""; } }

    record ClassConst(String internalName) implements Value { public String describe() { return "class " + internalName; } }

    /** A method reference or non-capturing lambda ({@code Probe::step}): the static method it names. */
    record FuncRef(String owner, String name, String desc) implements Value {
        public String describe() { return "method reference " + name; }
    }

    /** Result of a string concatenation: a printk format with its arguments (operands recorded by the code generator). */
    record Concat(String format, List<Boolean> argIsLong, int site) implements Value { public String describe() { return "a string"; } }

    /** {@code new T()} before its constructor ran. */
    record Uninit(String internalName, int site) implements Value { public String describe() { return "an unconstructed " + internalName; } }

    /**
     * An object on the BPF stack: a struct made by {@code new}, or a byte array made by {@code new byte[n]}. Its address
     * is r10 + the frame offset the code generator assigns to {@code site}.
     */
    record StackObj(ValueType type, int site) implements Value { public String describe() { return "a local " + type.javaName(); } }

    /**
     * A pointer held in a register: a map value, a ring buffer record or a byte array inside a struct.
     * {@code id} identifies the value so a null test refines every copy of it.
     */
    record Ptr(ValueType target, boolean nullable, long id, String origin, boolean ringRecord) implements Value {
        public boolean inRegister() { return true; }
        public String describe() { return (nullable ? "possibly null " : "") + "reference to " + target.javaName() + " from " + origin; }
        Ptr withNullable(boolean n) { return new Ptr(target, n, id, origin, ringRecord); }
    }

    /** The numbers iterator's class ({@code Loops.Numbers}). */
    String ITERATOR_CLASS = "org/jbpf/Loops$Numbers";

    static Value merge(Value a, Value b, long mergeId) {
        if (a == null) return b;
        if (b == null) return a;
        if (a.equals(b)) return a;
        if (a instanceof Scalar x && b instanceof Scalar y && x.isLong() == y.isLong())
            return new Scalar(x.isLong(), null);
        if (a instanceof Null && b instanceof Ptr p) return p.withNullable(true);
        if (b instanceof Null && a instanceof Ptr p) return p.withNullable(true);
        if (a instanceof Ptr p && b instanceof Ptr q && p.target().equals(q.target()) && p.ringRecord() == q.ringRecord())
            return new Ptr(p.target(), p.nullable() || q.nullable(), p.id() == q.id() ? p.id() : mergeId,
                    p.origin().equals(q.origin()) ? p.origin() : "several places", p.ringRecord());
        // a variable holding a map value on one path and a new local struct on another: a pointer to either
        if (a instanceof StackObj so && b instanceof Ptr p && p.target().equals(so.type()) && !p.ringRecord())
            return new Ptr(p.target(), p.nullable(), mergeId, "several places", false);
        if (b instanceof StackObj so && a instanceof Ptr p && p.target().equals(so.type()) && !p.ringRecord())
            return new Ptr(p.target(), p.nullable(), mergeId, "several places", false);
        // two local structs (or arrays) of one type made at different places, e.g. by a factory's two returns; not
        // numbers iterators, which the kernel follows only in a stack slot known at each call
        if (a instanceof StackObj x && b instanceof StackObj y && x.type().equals(y.type())
                && !(x.type() instanceof ValueType.Struct s && s.internalName().equals(ITERATOR_CLASS)))
            return new Ptr(x.type(), false, mergeId, "several places", false);
        if (a instanceof Top) return a;
        if (b instanceof Top) return b;
        return new Top(a.describe() + " on one path and " + b.describe() + " on another");
    }
}
