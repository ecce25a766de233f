package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.layout.StructLayout.Kind;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.backend.KernelBtf;
import org.jbpf.translator.frontend.StructRegistry;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Methods of {@code @KernelType} classes: kernel structs read by name. A field read is the field's offset in an
 * instruction the loader relocates (CO-RE), added to the struct's address, and a {@code bpf_probe_read_kernel} of the
 * field into the stack, as clang emits for {@code BPF_CORE_READ} (numbers at the kernel field's relocated size and
 * signedness); an existence check is a constant the loader sets to
 * 0 or 1. {@code current()} is {@code bpf_get_current_task}; {@code at(address)} and {@code address()} convert.
 */
final class KernelCalls implements Intrinsic {
    static final String KERNEL_TYPE = "Lorg/jbpf/kernel/KernelType;";
    static final String KERNEL_FIELD = "Lorg/jbpf/kernel/KernelField;";

    /** What the analysis learnt about one call, for its lowering. */
    record Access(String method, String kernelType, String field, int offset, boolean exists, String member, int size, String javaName) {}

    /** Which classes are kernel classes, per translation (registry), so each class file is read once. */
    private static final Map<StructRegistry, Map<String, Boolean>> KNOWN = Collections.synchronizedMap(new WeakHashMap<>());

    /** True when {@code owner} is a class annotated {@code @KernelType}. */
    static boolean isKernelClass(String owner, StructRegistry structs) {
        Map<String, Boolean> known = KNOWN.computeIfAbsent(structs, k -> new ConcurrentHashMap<>());
        Boolean is = known.get(owner);
        if (is == null) {
            ClassNode cn = structs.read(owner);
            is = cn != null && annotation(cn.visibleAnnotations, cn.invisibleAnnotations, KERNEL_TYPE) != null;
            known.put(owner, is);
        }
        return is;
    }

    @Override
    public Value type(TypingCall c) {
        String owner = c.insn().owner, name = c.insn().name, desc = c.insn().desc;
        ClassNode cn = c.structs().read(owner);
        String simple = StructRegistry.simple(owner);
        String kernelType = (String) value(annotation(cn.visibleAnnotations, cn.invisibleAnnotations, KERNEL_TYPE), "value");
        boolean isStatic = c.receiver() == null;
        if (isStatic && name.equals("current") && desc.equals("()L" + owner + ";")) {
            if (!kernelType.equals("task_struct"))
                throw c.error(simple + ".current(): only a @KernelType(\"task_struct\") class has a current struct (the running task)");
            return record(c, new Access("current", kernelType, null, 0, false, null, 8, simple + ".current()"), new Value.KernelRef(owner));
        }
        if (isStatic && name.equals("at") && desc.equals("(J)L" + owner + ";"))
            return record(c, new Access("at", kernelType, null, 0, false, null, 8, simple + ".at"), new Value.KernelRef(owner));
        if (isStatic) throw c.error("static method " + simple + "." + name + " of a @KernelType class: only current() and at(long) are available");
        if (!(c.receiver() instanceof Value.KernelRef))
            throw c.error(simple + "." + name + " needs a kernel struct from " + simple + ".current(), " + simple + ".at(address) or another field read");
        if (name.equals("address") && desc.equals("()J"))
            return record(c, new Access("address", kernelType, null, 0, false, null, 8, simple + ".address()"), new Value.Scalar(true, null));
        AnnotationNode field = null;
        for (MethodNode m : cn.methods)
            if (m.name.equals(name) && m.desc.equals(desc)) field = annotation(m.visibleAnnotations, m.invisibleAnnotations, KERNEL_FIELD);
        String javaName = simple + "." + name + "()";
        if (field == null)
            throw c.error(javaName + " has no @KernelField naming the kernel field it reads; regenerate the class with jbpf gen btf");
        String fieldName = (String) value(field, "value");
        Object off = value(field, "offset");
        boolean exists = Boolean.TRUE.equals(value(field, "exists"));
        boolean embedded = Boolean.TRUE.equals(value(field, "embedded"));
        int offset = off == null ? -1 : (Integer) off;
        if (offset < 0) throw c.error(javaName + ": @KernelField needs the field's offset on the kernel the class was written for");
        Type ret = Type.getReturnType(desc);
        Type[] args = Type.getArgumentTypes(desc);
        if (embedded && !exists) {
            if (args.length != 0 || ret.getSort() != Type.OBJECT || !isKernelClass(ret.getInternalName(), c.structs()))
                throw c.error(javaName + ": an embedded struct (embedded = true) is read by a method taking nothing and returning its @KernelType class");
            return record(c, new Access("embedded", kernelType, fieldName, offset, false, "struct:" + kernelTypeOf(c, ret), 0, javaName),
                    new Value.KernelRef(ret.getInternalName(), ((Value.KernelRef) c.receiver()).direct()));
        }
        if (exists) {
            if (ret.getSort() != Type.BOOLEAN || args.length != 0) throw c.error(javaName + ": an existence check (exists = true) must be boolean " + name + "()");
            // the local field gets the type of the class's reader of the same field, so the loader matches it like that read
            String member = "int:4";
            for (MethodNode m : cn.methods) {
                AnnotationNode sibling = annotation(m.visibleAnnotations, m.invisibleAnnotations, KERNEL_FIELD);
                if (sibling != null && fieldName.equals(value(sibling, "value")) && !Boolean.TRUE.equals(value(sibling, "exists")))
                    member = Boolean.TRUE.equals(value(sibling, "embedded")) ? "struct:" + kernelTypeOf(c, Type.getReturnType(m.desc))
                            : Boolean.TRUE.equals(value(sibling, "pointer")) ? "ptr"
                            : member(Type.getReturnType(m.desc), Type.getArgumentTypes(m.desc));
            }
            return record(c, new Access("exists", kernelType, fieldName, offset, true, member, 4, javaName), new Value.Scalar(false, null));
        }
        if (args.length == 1 && args[0].getDescriptor().equals("[B") && ret.getSort() == Type.INT) {
            ValueType.Bytes b = Arguments.bytes(c, c.args().get(0), javaName + " copies the field into a byte array; pass one");
            return record(c, new Access("bytes", kernelType, fieldName, offset, false, "char:" + b.length(), b.length(), javaName), new Value.Scalar(false, null));
        }
        if (args.length != 0) throw c.error(javaName + ": a field reader takes no arguments (or one byte[] for a char array field)");
        switch (ret.getSort()) {
            case Type.BYTE: case Type.BOOLEAN: return scalar(c, kernelType, fieldName, offset, 1, javaName, false);
            case Type.SHORT: case Type.CHAR: return scalar(c, kernelType, fieldName, offset, 2, javaName, false);
            case Type.INT: return scalar(c, kernelType, fieldName, offset, 4, javaName, false);
            case Type.LONG:
                if (Boolean.TRUE.equals(value(field, "pointer")))   // the address a pointer field holds, recorded as a pointer
                    return record(c, new Access("field", kernelType, fieldName, offset, false, "ptr", 8, javaName), new Value.Scalar(true, null));
                return scalar(c, kernelType, fieldName, offset, 8, javaName, true);
            case Type.OBJECT:
                if (isKernelClass(ret.getInternalName(), c.structs()))
                    return record(c, new Access("field", kernelType, fieldName, offset, false, "ptr", 8, javaName),
                            new Value.KernelRef(ret.getInternalName(), ((Value.KernelRef) c.receiver()).direct()));
                // fall through
            default:
                throw c.error(javaName + " returns " + ret.getClassName() + "; a field reader returns byte, short, int, long or a @KernelType class");
        }
    }

    /** The kernel struct name a @KernelType class reads ("sched_entity"), or "" when it is no such class. */
    private static String kernelTypeOf(TypingCall c, Type cls) {
        ClassNode cn = cls.getSort() == Type.OBJECT ? c.structs().read(cls.getInternalName()) : null;
        Object name = cn == null ? null : value(annotation(cn.visibleAnnotations, cn.invisibleAnnotations, KERNEL_TYPE), "value");
        return name instanceof String s ? s : "";
    }

    /** The local BTF member of a reader returning {@code ret} (with {@code args}): "int:N", "ptr" or "char:1". */
    private static String member(Type ret, Type[] args) {
        if (args.length == 1) return "char:1"; // a char array; the reads give its length
        return switch (ret.getSort()) {
            case Type.BYTE, Type.BOOLEAN -> "int:1";
            case Type.SHORT, Type.CHAR -> "int:2";
            case Type.INT -> "int:4";
            case Type.OBJECT -> "ptr";
            default -> "int:8";
        };
    }

    private static String ref(int kind, Access a) {
        return KernelBtf.ref(kind, a.kernelType(), a.field(), a.offset(), a.member(), a.javaName());
    }

    private static Value scalar(TypingCall c, String kernelType, String field, int offset, int size, String javaName, boolean isLong) {
        return record(c, new Access("field", kernelType, field, offset, false, "int:" + size, size, javaName), new Value.Scalar(isLong, null));
    }

    private static Value record(TypingCall c, Access a, Value result) {
        c.method().callFacts.put(c.index(), a);
        return result;
    }

    @Override
    public void lower(LoweringCall c) {
        Emitter out = c.out();
        Access a = (Access) c.body().analysis().callFacts.get(c.index());
        switch (a.method()) {
            case "current": c.pushResult(out.call(HelperTable.GET_CURRENT_TASK, 0)); return;
            case "at": case "address": {
                int t = out.newVreg();
                out.moveInto(t, a.method().equals("at") ? c.args().get(0) : c.receiver(), a.method().equals("at") ? c.values().get(0) : new Value.Scalar(true, null));
                c.pushResult(t);
                return;
            }
            case "embedded": {
                // the inner struct's address: base + the field's relocated offset, nothing read
                int t = out.newVreg();
                out.mov64(t, ((Operand.Reg) c.receiver()).reg());
                out.emit(ALU64 | ADD | K, t, 0, 0, a.offset()).ref = ref(KernelBtf.FIELD_BYTE_OFFSET, a);
                c.pushResult(t);
                return;
            }
            case "exists": {
                int t = out.newVreg();
                out.emit(ALU64 | MOV | K, t, 0, 0, 1).ref = ref(KernelBtf.FIELD_EXISTS, a);
                c.pushResult(t);
                return;
            }
            default: break;
        }
        boolean direct = c.receiverValue() instanceof Value.KernelRef k && k.direct();
        if (direct && !a.method().equals("bytes") && a.offset() <= Short.MAX_VALUE) {
            c.pushResult(loadDirect(out, a, ((Operand.Reg) c.receiver()).reg(), Type.getReturnType(c.insn().desc).getSort()));
            return;
        }
        // address = base + field offset (relocated), then bpf_probe_read_kernel(dst, size, address)
        int addr = out.newVreg();
        out.emit(ALU64 | MOV | K, addr, 0, 0, a.offset()).ref = ref(KernelBtf.FIELD_BYTE_OFFSET, a);
        out.emit(ALU64 | ADD | X, addr, ((Operand.Reg) c.receiver()).reg(), 0, 0);
        if (a.method().equals("bytes")) {
            out.setArgAddr(R1, c.address(0));
            out.setArgImm(R2, a.size());
            out.setArg(R3, new Operand.Reg(addr, true), true);
            c.pushResult(out.call(HelperTable.PROBE_READ_KERNEL, 3));
            return;
        }
        int slot = out.allocate(8, 8);
        if (a.member().equals("ptr")) {
            out.setArgAddr(R1, new org.jbpf.translator.lower.Addr(R10, slot));
            out.setArgImm(R2, 8);
            out.setArg(R3, new Operand.Reg(addr, true), true);
            out.callVoid(HelperTable.PROBE_READ_KERNEL, 3);
            int t = out.newVreg();
            out.load(t, Kind.LONG, R10, slot);
            c.pushResult(t);
            return;
        }
        c.pushResult(readNumber(out, a, addr, slot, Type.getReturnType(c.insn().desc).getSort()));
    }

    /**
     * A number field read at the kernel's width, as libbpf's {@code BPF_CORE_READ_BITFIELD_PROBED} does: the field's
     * relocated byte size into a zeroed 8-byte slot, shifted up to bit 63 and back down, arithmetically when the
     * kernel's field is signed. A field wider or narrower than the Java reader thus gives the value C would convert,
     * and the Java type then truncates it as a cast would.
     */
    private static int readNumber(Emitter out, Access a, int addr, int slot, int javaSort) {
        out.emit(ST | MEM | DW, R10, 0, slot, 0);
        int size = out.newVreg();
        out.emit(ALU64 | MOV | K, size, 0, 0, a.size()).ref = ref(KernelBtf.FIELD_BYTE_SIZE, a);
        out.setArgAddr(R1, new org.jbpf.translator.lower.Addr(R10, slot));
        out.setArg(R2, new Operand.Reg(size, true), true);
        out.setArg(R3, new Operand.Reg(addr, true), true);
        out.callVoid(HelperTable.PROBE_READ_KERNEL, 3);
        int t = out.newVreg();
        out.load(t, Kind.LONG, R10, slot);
        extend(out, a, t, javaSort);
        return t;
    }

    /**
     * A field of a struct the verifier knows by its BTF type (a tracing program's argument): one load at the
     * relocated offset, whose width the loader sets to the kernel field's, then extended as {@link #readNumber} does.
     */
    private static int loadDirect(Emitter out, Access a, int base, int javaSort) {
        int t = out.newVreg();
        int width = switch (a.size()) { case 1 -> B; case 2 -> H; case 4 -> W; default -> DW; };
        out.emit(LDX | MEM | width, t, base, a.offset(), 0).ref = ref(KernelBtf.FIELD_BYTE_OFFSET, a);
        if (!a.member().equals("ptr")) extend(out, a, t, javaSort);
        return t;
    }

    /** Sign- or zero-extends the field value in {@code t} by the kernel field's relocated width and signedness. */
    private static void extend(Emitter out, Access a, int t, int javaSort) {
        int shift = 64 - 8 * a.size();
        out.emit(ALU64 | LSH | K, t, 0, 0, shift).ref = ref(KernelBtf.FIELD_LSHIFT_U64, a);
        int signed = out.newVreg();
        org.jbpf.translator.mir.Mir.Label unsigned = out.newLabel(), done = out.newLabel();
        out.emit(ALU64 | MOV | K, signed, 0, 0, 1).ref = ref(KernelBtf.FIELD_SIGNED, a);
        out.jumpIf(JMP | JEQ | K, signed, 0, 0, unsigned);
        out.emit(ALU64 | ARSH | K, t, 0, 0, shift).ref = ref(KernelBtf.FIELD_RSHIFT_U64, a);
        out.jump(done);
        out.placeLabel(unsigned);
        out.emit(ALU64 | RSH | K, t, 0, 0, shift).ref = ref(KernelBtf.FIELD_RSHIFT_U64, a);
        out.placeLabel(done);
        // a kernel field wider than the reader: keep the Java type's bits, as (short), (byte), (char) would
        switch (javaSort) {
            case Type.SHORT -> out.emit(ALU64 | MOV | X, t, t, 16, 0);
            case Type.BYTE -> out.emit(ALU64 | MOV | X, t, t, 8, 0);
            case Type.CHAR -> out.emit(ALU64 | AND | K, t, 0, 0, 0xffff);
            case Type.BOOLEAN -> out.emit(ALU64 | AND | K, t, 0, 0, 0xff);
            default -> { }
        }
    }

    static AnnotationNode annotation(List<AnnotationNode> visible, List<AnnotationNode> invisible, String desc) {
        for (List<AnnotationNode> list : java.util.Arrays.asList(visible, invisible)) {
            if (list == null) continue;
            for (AnnotationNode an : list) if (an.desc.equals(desc)) return an;
        }
        return null;
    }

    static Object value(AnnotationNode an, String key) {
        if (an == null || an.values == null) return null;
        for (int i = 0; i + 1 < an.values.size(); i += 2) if (key.equals(an.values.get(i))) return an.values.get(i + 1);
        return null;
    }
}
