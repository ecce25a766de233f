package org.jbpf.translator.analysis;

import org.jbpf.core.abi.X86_64;
import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.frontend.ValueType;
import org.objectweb.asm.tree.FieldInsnNode;

/**
 * Field access through a typed view of a tracepoint record ({@code ctx.as(SysEnterOpenat.class)}): a read of a
 * number field is a context load, a read of a byte array (a {@code char comm[16]}) copies it onto the stack with such
 * loads, and anything else that would need the record's address (writes) is refused, since the kernel allows only
 * loads at constant offsets of the context.
 */
public final class RecordView {
    private RecordView() {}

    /** Why a tracepoint program cannot read the first 8 bytes of its record. */
    public static final String COMMON_HEADER = "the kernel does not let tracepoint programs read the record's 8-byte common header "
            + "(common_type, common_flags, common_preempt_count, common_pid); use Helpers.pid() or tid() (or ctx.commonPid()) for the process";

    /** The value of reading field {@code fi} of the record. */
    static Value read(MethodAnalysis a, int i, Value.CtxView view, FieldInsnNode fi) {
        StructLayout.Field field = field(a, i, view, fi);
        if (field.offset() < X86_64.TP_COMMON_HEADER_SIZE)
            throw a.error(i, "field " + fi.name + " of tracepoint record " + view.type().javaName() + ": " + COMMON_HEADER);
        if (field.kind() == StructLayout.Kind.BYTES) {
            // helpers and indexes cannot take the context's address: the array is copied onto the stack where it is read
            if (field.size() > ArraySteps.MAX_LOCAL_ARRAY)
                throw a.error(i, "field " + fi.name + " of tracepoint record " + view.type().javaName() + " has " + field.size()
                        + " bytes, more than the " + ArraySteps.MAX_LOCAL_ARRAY + " a copy on the stack may take; read the bytes you need by number");
            return new Value.StackObj(new ValueType.Bytes(field.size()), (int) (a.site(i) & 0x7fffffff));
        }
        if (!field.kind().scalar())
            throw a.error(i, "field " + fi.name + " of tracepoint record " + view.type().javaName() + " is not a number or byte "
                    + "array, which is all a program can read from the context; read its numbers through fields of their own");
        return new Value.Scalar(fi.desc.equals("J"), null);
    }

    /** The rejection of a write to field {@code fi} of the record. */
    static RuntimeException write(MethodAnalysis a, int i, Value.CtxView view, FieldInsnNode fi) {
        field(a, i, view, fi);
        return a.error(i, "cannot assign " + view.type().javaName() + "." + fi.name + ": the tracepoint record is read-only; "
                + "copy the value into a local variable or a @Struct of your own");
    }

    private static StructLayout.Field field(MethodAnalysis a, int i, Value.CtxView view, FieldInsnNode fi) {
        if (!view.type().internalName().equals(fi.owner))
            throw a.error(i, "field " + fi.owner.replace('/', '.') + "." + fi.name + " accessed on " + view.describe());
        StructLayout.Field field = view.type().layout().field(fi.name);
        if (field == null) throw a.error(i, "no field " + fi.name + " in @Struct " + view.type().javaName());
        return field;
    }

    /** The first record struct the program (with its inlined calls) reads the context through, or null. */
    public static ValueType.Struct find(MethodAnalysis a) {
        for (Frame f : a.frames) {
            if (f == null) continue;
            for (Value v : f.stack) if (v instanceof Value.CtxView view) return view.type();
            for (Value v : f.locals) if (v instanceof Value.CtxView view) return view.type();
        }
        for (MethodAnalysis callee : a.callees.values()) {
            ValueType.Struct s = find(callee);
            if (s != null) return s;
        }
        return null;
    }
}
