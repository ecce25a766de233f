package org.jbpf.translator.analysis;

import java.util.List;
import java.util.Objects;
import org.jbpf.translator.frontend.MapDecl;
import org.jbpf.translator.frontend.ValueType;

/**
 * What the frontend knows about one JVM local or operand-stack slot. Register values ({@link #inRegister()}) live in
 * a virtual register; the others are known at translation time and need no register.
 * <p>Each record spells out its equals and hashCode (the record's own meaning, component by component): the ones
 * javac generates are bound at their first call through method handles, which costs a cold command several
 * milliseconds per record type.
 */
public sealed interface Value {
    /** How the pointer to a {@code @Constant} global byte array names its origin: such an array is read-only in programs. */
    String CONSTANT_ARRAY = "the constant ";
    /** Origin prefix of a static final table of structs (StructTables): read-only data, its elements too. */
    String READ_ONLY_TABLE = "the static final table ";

    default boolean inRegister() { return false; }
    String describe();

    /** Slot never written on some path, or written with values that do not merge. Using it is an error. */
    record Top(String why) implements Value {
        public String describe() { return "an undefined value (" + why + ")"; }
        @Override public boolean equals(Object o) { return o instanceof Top t && Objects.equals(why, t.why); }
        @Override public int hashCode() { return Objects.hashCode(why); }
    }

    /** Second half of a long: carries nothing. */
    record Half() implements Value {
        public String describe() { return "the upper half of a long"; }
        @Override public boolean equals(Object o) { return o instanceof Half; }
        @Override public int hashCode() { return 1; }
    }

    /** int (and byte/short/char/boolean) or long scalar; {@code constant} is non-null when known. */
    record Scalar(boolean isLong, Long constant) implements Value {
        public boolean inRegister() { return true; }
        public String describe() { return isLong ? "long" : "int"; }
        @Override public boolean equals(Object o) { return o instanceof Scalar v && isLong == v.isLong && Objects.equals(constant, v.constant); }
        @Override public int hashCode() { return Boolean.hashCode(isLong) * 31 + Objects.hashCode(constant); }
    }

    /**
     * A boxed Integer/Long/Short/Byte made by valueOf; it holds its primitive in the register. {@code constant} is the
     * number when it is known (a map key written as a literal), and {@code local} the variable of the method analysed
     * in {@code context} it was boxed from, while that variable keeps the number (-1: none), so map calls can tell keys
     * apart.
     */
    record Boxed(ValueType.Prim type, Long constant, long context, int local) implements Value {
        public Boxed(ValueType.Prim type) { this(type, null); }

        public Boxed(ValueType.Prim type, Long constant) { this(type, constant, 0, -1); }

        /** This box, no longer known to hold its variable's number. */
        Boxed unlinked() { return local < 0 ? this : new Boxed(type, constant); }

        public boolean inRegister() { return true; }
        public String describe() { return "boxed " + type.javaName(); }
        @Override public boolean equals(Object o) {
            return o instanceof Boxed b && Objects.equals(type, b.type) && Objects.equals(constant, b.constant) && context == b.context && local == b.local;
        }
        @Override public int hashCode() { return (Objects.hashCode(type) * 31 + Objects.hashCode(constant)) * 31 + local; }
    }

    record Null() implements Value {
        public String describe() { return "null"; }
        @Override public boolean equals(Object o) { return o instanceof Null; }
        @Override public int hashCode() { return 2; }
    }

    /** The program context (first parameter of a section method), of the given class, in the program of {@code section}. */
    record Ctx(String internalName, String section) implements Value {
        public boolean inRegister() { return true; }
        public String describe() { return "the program context"; }
        @Override public boolean equals(Object o) { return o instanceof Ctx c && Objects.equals(internalName, c.internalName) && Objects.equals(section, c.section); }
        @Override public int hashCode() { return Objects.hash(internalName, section); }
    }

    /** The tracepoint context read through the @Struct {@code type} ({@code ctx.as(T.class)}): fields are context loads. */
    record CtxView(ValueType.Struct type, String section) implements Value {
        public boolean inRegister() { return true; }
        public String describe() { return "the tracepoint record as " + type.javaName(); }
        @Override public boolean equals(Object o) { return o instanceof CtxView c && Objects.equals(type, c.type) && Objects.equals(section, c.section); }
        @Override public int hashCode() { return Objects.hash(type, section); }
    }

    /**
     * The kernel address of a struct of @KernelType class {@code internalName}, read by name through CO-RE;
     * {@code direct} when the verifier knows its BTF type (a tracing program's argument), so fields are plain loads.
     */
    record KernelRef(String internalName, boolean direct) implements Value {
        public KernelRef(String internalName) { this(internalName, false); }

        public boolean inRegister() { return true; }
        public String describe() { return "kernel " + internalName.substring(internalName.lastIndexOf('/') + 1); }
        @Override public boolean equals(Object o) { return o instanceof KernelRef k && direct == k.direct && Objects.equals(internalName, k.internalName); }
        @Override public int hashCode() { return Objects.hash(internalName, direct); }
    }

    record MapRef(MapDecl map) implements Value {
        public String describe() { return "map " + map.name(); }
        @Override public boolean equals(Object o) { return o instanceof MapRef m && Objects.equals(map, m.map); }
        @Override public int hashCode() { return Objects.hashCode(map); }
    }

    record StringConst(String text) implements Value {
        public String describe() { return "string \"" + text + "\""; }
        @Override public boolean equals(Object o) { return o instanceof StringConst c && Objects.equals(text, c.text); }
        @Override public int hashCode() { return Objects.hashCode(text); }
    }

    record ClassConst(String internalName) implements Value {
        public String describe() { return "class " + internalName; }
        @Override public boolean equals(Object o) { return o instanceof ClassConst c && Objects.equals(internalName, c.internalName); }
        @Override public int hashCode() { return Objects.hashCode(internalName); }
    }

    /**
     * A method reference or lambda ({@code Probe::step}): the static method it names, and the values a lambda captured
     * at {@code site} (its first parameters), which the lambda's method is given by value (structs and arrays by address).
     */
    record FuncRef(String owner, String name, String desc, long site, List<Value> captured) implements Value {
        public FuncRef(String owner, String name, String desc) { this(owner, name, desc, 0, List.of()); }

        public String describe() { return captured.isEmpty() ? "method reference " + name : "lambda " + name; }
        @Override public boolean equals(Object o) {
            return o instanceof FuncRef f && site == f.site && Objects.equals(owner, f.owner) && Objects.equals(name, f.name)
                    && Objects.equals(desc, f.desc) && Objects.equals(captured, f.captured);
        }
        @Override public int hashCode() { return Objects.hash(owner, name, desc, captured) * 31 + Long.hashCode(site); }
    }

    /** Result of a string concatenation: a printk format with its arguments (operands recorded by the code generator). */
    record Concat(String format, List<Boolean> argIsLong, int site) implements Value {
        public String describe() { return "a string"; }
        @Override public boolean equals(Object o) { return o instanceof Concat c && site == c.site && Objects.equals(format, c.format) && Objects.equals(argIsLong, c.argIsLong); }
        @Override public int hashCode() { return Objects.hash(format, argIsLong, site); }
    }

    /** {@code new T()} before its constructor ran. */
    record Uninit(String internalName, int site) implements Value {
        public String describe() { return "an unconstructed " + internalName; }
        @Override public boolean equals(Object o) { return o instanceof Uninit u && site == u.site && Objects.equals(internalName, u.internalName); }
        @Override public int hashCode() { return Objects.hash(internalName, site); }
    }

    /**
     * An object on the BPF stack: a struct made by {@code new}, or a byte array made by {@code new byte[n]}. Its address
     * is r10 + the frame offset the code generator assigns to {@code site}.
     */
    record StackObj(ValueType type, int site) implements Value {
        public String describe() { return "a local " + type.javaName(); }
        @Override public boolean equals(Object o) { return o instanceof StackObj so && site == so.site && Objects.equals(type, so.type); }
        @Override public int hashCode() { return Objects.hash(type, site); }
    }

    /**
     * A pointer held in a register: a map value, a ring buffer record or a byte array inside a struct.
     * {@code id} identifies the value so a null test refines every copy of it.
     */
    record Ptr(ValueType target, boolean nullable, long id, String origin, boolean ringRecord) implements Value {
        public boolean inRegister() { return true; }
        public String describe() { return (nullable ? "possibly null " : "") + "reference to " + target.javaName() + " from " + origin; }
        Ptr withNullable(boolean n) { return new Ptr(target, n, id, origin, ringRecord); }
        Ptr withId(long other) { return new Ptr(target, nullable, other, origin, ringRecord); }
        @Override public boolean equals(Object o) { return o instanceof Ptr p && nullable == p.nullable && id == p.id && ringRecord == p.ringRecord
                && Objects.equals(target, p.target) && Objects.equals(origin, p.origin); }
        @Override public int hashCode() { return Objects.hash(target, nullable, id, origin, ringRecord); }
    }

    /** The numbers iterator's class ({@code Loops.Numbers}). */
    String ITERATOR_CLASS = "org/jbpf/Loops$Numbers";

    /** The @Struct class of a local struct or of a pointer to one, else null. */
    private static String structClass(Value v) {
        ValueType t = v instanceof StackObj so ? so.type() : v instanceof Ptr p ? p.target() : null;
        return t instanceof ValueType.Struct s ? s.internalName() : null;
    }

    static Value merge(Value a, Value b, long mergeId) {
        if (a == null) return b;
        if (b == null) return a;
        if (a.equals(b)) return a;
        if (a instanceof Scalar x && b instanceof Scalar y && x.isLong() == y.isLong())
            return new Scalar(x.isLong(), null);
        if (a instanceof Boxed x && b instanceof Boxed y && x.type().equals(y.type()))
            return x.context() == y.context() && x.local() == y.local() ? new Boxed(x.type(), null, x.context(), x.local()) : new Boxed(x.type());
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
        // one lambda made on both paths (a loop's turns) with captures that differ: the lambda with their merges
        if (a instanceof FuncRef x && b instanceof FuncRef y && x.site() == y.site() && x.name().equals(y.name())
                && x.owner().equals(y.owner()) && x.desc().equals(y.desc()) && x.captured().size() == y.captured().size()) {
            java.util.List<Value> captured = new java.util.ArrayList<>();
            for (int k = 0; k < x.captured().size(); k++) {
                Value m = merge(x.captured().get(k), y.captured().get(k), mergeId);
                if (m instanceof Top) return m;
                captured.add(m);
            }
            return new FuncRef(x.owner(), x.name(), x.desc(), x.site(), List.copyOf(captured));
        }
        if (a instanceof Top) return a;
        if (b instanceof Top) return b;
        if (a instanceof StringConst || b instanceof StringConst) return new Top(JavaText.STRING_CHOICE + "(" + a.describe() + " or " + b.describe() + ")");
        if (structClass(a) != null && structClass(b) != null && !structClass(a).equals(structClass(b)))
            return new Top(JavaText.CLASS_CHOICE + "(" + a.describe() + " or " + b.describe() + ")");
        return new Top(a.describe() + " on one path and " + b.describe() + " on another");
    }
}
