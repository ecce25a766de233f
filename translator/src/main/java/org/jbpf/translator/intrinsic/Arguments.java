package org.jbpf.translator.intrinsic;

import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ValueType;

/** Argument checks several intrinsic families share. */
final class Arguments {
    private Arguments() {}

    /** Argument k must be a constant the analysis knows. */
    static void requireConstant(TypingCall c, int k, String msg) {
        if (!(c.args().get(k) instanceof Value.Scalar s) || s.constant() == null) throw c.error(msg);
    }

    /** The type a stack object or pointer refers to, or null for other values. */
    static ValueType target(Value v) {
        return v instanceof Value.StackObj so ? so.type() : v instanceof Value.Ptr p ? p.target() : null;
    }

    /** v must be an array or a struct held by the program (on the stack or behind a pointer) that is not null here. */
    static ValueType memory(TypingCall c, Value v, String msg) {
        if (v instanceof Value.Ptr p && p.nullable()) throw c.error(p.origin() + " may be null here; test it against null first");
        ValueType t = target(v);
        if (!(t instanceof ValueType.Bytes || t instanceof ValueType.PrimArray || t instanceof ValueType.Struct)) throw c.error(msg);
        return t;
    }

    /** v must be a byte array that is not null here. */
    static ValueType.Bytes bytes(TypingCall c, Value v, String msg) {
        if (v instanceof Value.Ptr p && p.nullable()) throw c.error(p.origin() + " may be null here; test it against null first");
        if (!(target(v) instanceof ValueType.Bytes b)) throw c.error(msg);
        return b;
    }
}
