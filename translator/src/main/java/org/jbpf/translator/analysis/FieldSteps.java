package org.jbpf.translator.analysis;

import static org.jbpf.translator.analysis.ValueChecks.*;
import static org.objectweb.asm.Opcodes.*;

import org.jbpf.translator.frontend.EnumFields;
import org.jbpf.translator.frontend.EnumSwitches;
import org.jbpf.translator.frontend.GlobalVariables;
import org.jbpf.translator.frontend.MapDecl;
import org.jbpf.translator.frontend.ProbeClass;
import org.jbpf.translator.frontend.StructRegistry;
import org.jbpf.translator.frontend.ValueType;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;

/**
 * The analysis of field access: a probe's static fields are its maps, global variables, load-time constants and
 * enum constants (ordinals); instance fields are those of @Struct values, read in place, or of a typed tracepoint
 * record. Other static state is refused here.
 */
final class FieldSteps {
    private final ProbeClass probe;
    private final StructRegistry structs;

    FieldSteps(ProbeClass probe, StructRegistry structs) {
        this.probe = probe;
        this.structs = structs;
    }

    /** Steps {@code in}, the instruction at i, when it reads or writes a field; false when it does not. */
    boolean step(MethodAnalysis a, int i, AbstractInsnNode in, int op, Frame f) {
        switch (op) {
            case GETSTATIC: {
                FieldInsnNode fi = (FieldInsnNode) in;
                Integer ordinal = EnumSwitches.ordinal(structs, fi.owner, fi.name);
                if (ordinal != null) {   // an enum constant is its ordinal
                    a.staticConstants.put(i, (long) ordinal);
                    f.push(new Value.Scalar(false, (long) ordinal));
                    break;
                }
                if (fi.name.startsWith("$SwitchMap$"))
                    throw a.error(i, "this switch over an enum could not be translated; switch directly on the enum value, "
                            + "or compare it with == (enum constants are their ordinals in BPF)");
                MapDecl map = fi.owner.equals(probe.node.name) ? probe.maps.get(fi.name) : null;
                GlobalVariables.Variable global = map == null ? global(a, i, fi) : null;
                if (global != null) {
                    ValueType.Struct element = global.isStructs() ? structs.struct(Type.getType(fi.desc).getElementType().getInternalName()) : null;
                    ValueType array = element != null ? new ValueType.StructArray(element, global.length() / element.size(), false)
                            : global.element() != null ? new ValueType.PrimArray(global.element(), global.length() / global.element().size)
                            : new ValueType.Bytes(global.length());
                    f.push(global.isArray() ? new Value.Ptr(array, false, a.site(i),
                            (global.constant() ? (element != null ? Value.READ_ONLY_TABLE : ArraySteps.CONSTANT_ARRAY) : "") + fi.name, false) : new Value.Scalar(global.isLong(), null));
                    break;
                }
                if (map == null && fi.name.equals("$assertionsDisabled"))
                    throw a.error(i, "assert cannot be translated: a BPF program has no exception to throw; test the condition with if "
                            + "and return early, or count the failures in a map");
                if (map == null && fi.owner.equals("java/lang/System") && (fi.name.equals("out") || fi.name.equals("err")))
                    throw a.error(i, "System." + fi.name + " does not exist in a BPF program; print with Helpers.printk(\"a %d\", a) "
                            + "(read it with jbpf trace), or send the values to Java in a map or ring record");
                if (map == null && fi.desc.startsWith("[L"))   // records or structs: BPF globals hold numbers only
                    throw a.error(i, "static field " + fi.name + " (" + Type.getType(fi.desc).getClassName() + ") is a table of objects "
                            + "that is not read-only data known at translation: only a static final table of @Struct classes or records "
                            + "with number fields, each element made with new and constant arguments that its constructor stores as they "
                            + "are, becomes a BPF global; make it so, or keep the table in an ArrayMap filled from Java");
                if (map == null && fi.desc.startsWith("[") && !fi.desc.equals("[B"))
                    throw a.error(i, "static field " + fi.name + " (" + Type.getType(fi.desc).getClassName() + ") is a table that is not "
                            + "a global of this probe; only static arrays of numbers (byte, short, char, int, long) of the probe class, "
                            + "filled with constants, become BPF globals: copy the table into the probe, or keep it in an ArrayMap filled from Java");
                GlobalVariables.Initial computed = map == null && fi.owner.equals(probe.node.name) ? probe.staticFinalInitial(fi.name) : null;
                if (computed != null && computed.value() instanceof Number n) {   // computed from constants at class loading
                    a.staticConstants.put(i, n.longValue());
                    f.push(new Value.Scalar(fi.desc.equals("J"), n.longValue()));
                    break;
                }
                if (computed != null)
                    throw a.error(i, "static final field " + fi.name + " is computed when the class loads (line " + computed.line()
                            + "), which a BPF program cannot repeat; initialise it with constants, or make it a @Constant (without "
                            + "final) set from Java before loading");
                if (map == null && fi.desc.startsWith("L") && structs.isStruct(Type.getType(fi.desc).getInternalName()))
                    throw a.error(i, "static field " + StructRegistry.simple(fi.owner) + "." + fi.name + " holds a "
                            + StructRegistry.simple(Type.getType(fi.desc).getInternalName()) + " made when the class loads, which a BPF "
                            + "program cannot keep (its structs live on its stack or in maps); make one where you use it with new, "
                            + "or in a static method that returns a new one");
                if (map == null)
                    throw a.error(i, "static field " + fi.owner.replace('/', '.') + "." + fi.name + " is not a map of this probe; "
                            + "programs can use maps, compile-time constants (static final primitives) and global variables (static "
                            + "primitive fields without final, initialised with a constant), not other static state");
                f.push(new Value.MapRef(map));
                break;
            }
            case PUTSTATIC: {
                FieldInsnNode fi = (FieldInsnNode) in;
                GlobalVariables.Variable global = global(a, i, fi);
                if (global == null)
                    throw a.error(i, "programs cannot assign static field " + fi.name + "; only global variables (static primitive "
                            + "fields without final) can be assigned, other state belongs in a map");
                if (global.constant())
                    throw a.error(i, "@Constant field " + fi.name + " is read-only in programs; its value is set from Java before loading");
                if (global.isArray())
                    throw a.error(i, "programs cannot replace the array " + fi.name + "; change its elements in place (" + fi.name + "[i] = ..)");
                scalar(a, i, f.pop());
                break;
            }
            case GETFIELD: {
                FieldInsnNode fi = (FieldInsnNode) in;
                Value obj = f.pop();
                if (obj instanceof Value.CtxView view) { f.push(RecordView.read(a, i, view, fi)); break; }
                long[] byOrdinal = obj instanceof Value.Scalar ? EnumFields.values(structs, fi.owner, fi.name) : null;
                if (byOrdinal != null) {   // a final field of enum constants made with constants: chosen by ordinal
                    a.enumFields.put(i, byOrdinal);
                    Long ordinal = ((Value.Scalar) obj).constant();
                    Long known = same(byOrdinal);
                    if (ordinal != null && ordinal >= 0 && ordinal < byOrdinal.length) known = byOrdinal[(int) (long) ordinal];
                    f.push(new Value.Scalar(fi.desc.equals("J"), known));
                    break;
                }
                ValueType.Struct s = structOf(a, i, obj, fi, "read");
                var field = s.layout().field(fi.name);
                // an array field of a packet header lies in the packet too: it goes stale with the header, and an
                // element at a variable index needs its own check against the packet's end
                String origin = (obj instanceof Value.Ptr p && p.origin().startsWith("header(") ? p.origin() : s.javaName()) + "." + fi.name;
                switch (field.kind()) {
                    case BYTES: f.push(new Value.Ptr(new ValueType.Bytes(field.size()), false, a.site(i), origin, false)); break;
                    case ARRAY: f.push(new Value.Ptr(new ValueType.PrimArray(field.element(), field.count()), false, a.site(i), origin, false)); break;
                    case STRUCT: f.push(new Value.Ptr(structs.struct(Type.getType(fi.desc).getInternalName()), false, a.site(i), origin, false)); break;
                    case STRUCTS: {
                        ValueType.Struct element = structs.struct(Type.getType(fi.desc).getElementType().getInternalName());
                        f.push(new Value.Ptr(new ValueType.StructArray(element, field.count(), false), false, a.site(i), origin, false));
                        break;
                    }
                    default: f.push(new Value.Scalar(fi.desc.equals("J"), null));
                }
                break;
            }
            case PUTFIELD: {
                FieldInsnNode fi = (FieldInsnNode) in;
                Value v = f.pop();
                Value obj = f.pop();
                if (obj instanceof Value.Uninit) throw a.error(i, "struct constructors must not assign fields; set them after new");
                if (obj instanceof Value.CtxView view) throw RecordView.write(a, i, view, fi);
                if (obj instanceof Value.Ptr p && p.origin().contains(Value.READ_ONLY_TABLE))
                    throw a.error(i, "cannot assign field " + fi.name + " of an element of static final table "
                            + tableName(p.origin()) + ": the table is read-only data in BPF programs; make a new "
                            + StructRegistry.simple(fi.owner) + " from the element's fields where you need a changed one");
                ValueType.Struct s = structOf(a, i, obj, fi, "write");
                var field = s.layout().field(fi.name);
                if (!field.kind().scalar()) {
                    checkCopy(a, i, s, fi, field, v);
                    break;
                }
                scalar(a, i, v);
                break;
            }
            default: return false;
        }
        return true;
    }

    /** The field name at the end of an origin that names a static final table of structs. */
    static String tableName(String origin) {
        return origin.substring(origin.indexOf(Value.READ_ONLY_TABLE) + Value.READ_ONLY_TABLE.length());
    }

    /** The one value all of {@code values} are, or null when they differ. */
    private static Long same(long[] values) {
        for (long v : values) if (v != values[0]) return null;
        return values.length > 0 ? values[0] : null;
    }

    /** The global variable a static field instruction refers to (noted for the lowering), or null when it is none. */
    private GlobalVariables.Variable global(MethodAnalysis a, int i, FieldInsnNode fi) {
        GlobalVariables.Variable v = probe.globals.get(fi.owner, fi.name);
        if (v == null) return null;
        if (v.problem() != null) throw a.error(i, v.problem());
        a.globals.put(i, v);
        return v;
    }
}
