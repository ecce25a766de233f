package org.jbpf.toolchain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.layout.StructLayout;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.translator.Translator;
import org.jbpf.translator.frontend.StructRegistry;
import org.jbpf.translator.frontend.ValueType;
import org.objectweb.asm.Type;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Records which {@code @Struct} a probe sends through each ring buffer and perf event array, so that tools can
 * print records field by field: a BTF typedef {@code jbpf_event_<map>} names the record's struct (ring and perf maps
 * carry no value type of their own). The struct is found from the probe's bytecode: what reaches the record
 * argument of {@code output}/{@code submit} is a local whose class the local variable table names, or else what
 * is stored into it: a {@code new}, a cast or a {@code reserve(T.class)}.
 */
public final class EventRecords {
    private EventRecords() {}

    static final String PREFIX = "jbpf_event_";
    private static final String RING = "org/jbpf/maps/RingBuffer", PERF = "org/jbpf/maps/PerfEventArray";

    /** The record struct recorded for event map {@code map}, or null when none is. */
    public static BtfType.Struct of(Btf btf, String map) {
        if (btf == null) return null;
        int id = btf.find(BtfType.KIND_TYPEDEF, PREFIX + map);
        if (id <= 0) return null;
        return btf.type(btf.resolve(id)) instanceof BtfType.Struct s ? s : null;
    }

    /** The object with its event maps' record structs recorded in its BTF (which changes in place). */
    static BpfObject record(BpfObject object, byte[] probeClass, Translator.ClassSource classes) {
        Btf btf = object.btf();
        if (btf == null || !hasEventMap(object)) return object;   // then the probe's code need not be read again
        for (Map.Entry<String, String> e : recordTypes(probeClass).entrySet()) {
            if (btf.find(BtfType.KIND_TYPEDEF, PREFIX + e.getKey()) > 0) continue;
            int struct = structType(btf, e.getValue(), classes);
            if (struct > 0) btf.add(new BtfType.Typedef(PREFIX + e.getKey(), struct));
        }
        return object;
    }

    private static boolean hasEventMap(BpfObject object) {
        for (MapSpec m : object.maps()) if (m.type() == MapTypes.RINGBUF || m.type() == MapTypes.PERF_EVENT_ARRAY) return true;
        return false;
    }

    /** Event map field name to the internal name of the class its records have. */
    static Map<String, String> recordTypes(byte[] probeClass) {
        ClassNode cn = new ClassNode();
        new ClassReader(probeClass).accept(cn, 0);
        Map<String, String> out = new LinkedHashMap<>();
        for (MethodNode m : cn.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (!(insn instanceof MethodInsnNode call) || !isSend(call)) continue;
                // javac's shape: GETSTATIC map; ALOAD record; [flags]; INVOKEVIRTUAL send
                String map = null, type = null;
                for (AbstractInsnNode p = insn.getPrevious(); p != null && map == null; p = p.getPrevious()) {
                    if (p instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETSTATIC && f.desc.equals("L" + call.owner + ";")) map = f.name;
                    else if (p instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD) type = localType(m, v.var);
                    else if (p instanceof TypeInsnNode t && t.getOpcode() == Opcodes.CHECKCAST) type = t.desc;
                }
                if (map != null && type != null) out.putIfAbsent(map, type);
            }
        }
        return out;
    }

    private static boolean isSend(MethodInsnNode call) {
        return call.owner.equals(RING) && (call.name.equals("output") || call.name.equals("submit"))
                || call.owner.equals(PERF) && call.name.equals("output");
    }

    /** The class stored in local {@code var}: from the local variable table, else from what each store stores. */
    private static String localType(MethodNode m, int var) {
        if (m.localVariables != null)
            for (LocalVariableNode lv : m.localVariables)
                if (lv.index == var && lv.desc.startsWith("L") && !lv.desc.equals("Ljava/lang/Object;"))
                    return lv.desc.substring(1, lv.desc.length() - 1);
        for (AbstractInsnNode insn : m.instructions) {
            if (!(insn instanceof VarInsnNode v) || v.getOpcode() != Opcodes.ASTORE || v.var != var) continue;
            AbstractInsnNode p = real(insn.getPrevious());
            if (p instanceof TypeInsnNode t && t.getOpcode() == Opcodes.CHECKCAST) return t.desc;
            if (p instanceof MethodInsnNode c && c.name.equals("<init>")) return c.owner;
            if (p instanceof MethodInsnNode c && c.owner.equals(RING) && c.name.equals("reserve")
                    && real(c.getPrevious()) instanceof LdcInsnNode ldc && ldc.cst instanceof Type t) return t.getInternalName();
        }
        return null;
    }

    /** The instruction itself or the nearest one before it that is code, not a label, line or frame. */
    private static AbstractInsnNode real(AbstractInsnNode insn) {
        while (insn != null && insn.getOpcode() < 0) insn = insn.getPrevious();
        return insn;
    }

    /**
     * The BTF struct of class {@code internalName}: the one already there by its name, or one built from its layout as
     * the translator makes it (nested structs and arrays of structs included); 0 when the class cannot be laid out.
     */
    private static int structType(Btf btf, String internalName, Translator.ClassSource classes) {
        StructLayout layout;
        try {
            ValueType.Struct s = new StructRegistry(classes).struct(internalName);
            if (s == null) return 0;
            layout = s.layout();
        } catch (RuntimeException e) {
            return 0;  // a class that cannot be read here gets no record type; events then print as bytes
        }
        return structType(btf, layout);
    }

    private static int structType(Btf btf, StructLayout layout) {
        int known = btf.find(BtfType.KIND_STRUCT, layout.name());
        if (known > 0) return known;
        List<BtfType.Member> members = new ArrayList<>();
        for (StructLayout.Field f : layout.fields()) members.add(new BtfType.Member(f.name(), fieldType(btf, f), f.offset() * 8));
        return btf.add(new BtfType.Struct(layout.name(), layout.size(), members));
    }

    private static int fieldType(Btf btf, StructLayout.Field f) {
        return switch (f.kind()) {
            case BYTES -> btf.add(new BtfType.Array(intType(btf, "char", 1, BtfType.INT_SIGNED), intType(btf, "unsigned int", 4, 0), f.size()));
            case BYTE -> intType(btf, "signed char", 1, BtfType.INT_SIGNED);
            case BOOLEAN -> intType(btf, "_Bool", 1, BtfType.INT_BOOL);
            case SHORT -> intType(btf, "short", 2, BtfType.INT_SIGNED);
            case CHAR -> intType(btf, "unsigned short", 2, 0);
            case INT -> intType(btf, "int", 4, BtfType.INT_SIGNED);
            case LONG -> intType(btf, "long", 8, BtfType.INT_SIGNED);
            // a @Size(n) short[], char[], int[] or long[]: an array of the element's integer type
            case ARRAY -> btf.add(new BtfType.Array(fieldType(btf, new StructLayout.Field(f.name(), f.element(), 0, f.element().size)),
                    intType(btf, "unsigned int", 4, 0), f.count()));
            case STRUCT -> structType(btf, f.nested());
            case STRUCTS -> btf.add(new BtfType.Array(structType(btf, f.nested()), intType(btf, "unsigned int", 4, 0), f.count()));
        };
    }

    private static int intType(Btf btf, String name, int size, int encoding) {
        int id = btf.find(BtfType.KIND_INT, name);
        return id > 0 ? id : btf.add(new BtfType.IntType(name, size, encoding));
    }
}
