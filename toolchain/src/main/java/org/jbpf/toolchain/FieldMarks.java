package org.jbpf.toolchain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;

/**
 * Records what integer fields of a probe's {@code @Struct} classes mean in its BTF, by wrapping the field's type in a
 * typedef: {@code @Max} as {@code jbpf_max} ({@link PerCpuValues} keeps the largest of the CPUs' values),
 * {@code @StackId} as {@code jbpf_stack_id} and {@code @Pid} as {@code jbpf_pid} (a key's stack is printed with
 * its frames, user frames named in that process), {@code @IpAddress} as {@code jbpf_ip_addr} (a 4-byte int or a 4- or
 * 16-byte array printed as address text by {@link MapText} and {@link MapData}), {@code @Syscall} as
 * {@code jbpf_syscall} (a number {@link MapText} prints by name).
 */
final class FieldMarks {
    private FieldMarks() {}

    static final String MAX = "jbpf_max", STACK_ID = "jbpf_stack_id", PID = "jbpf_pid",
            IP_ADDRESS = "jbpf_ip_addr", SYSCALL = "jbpf_syscall";

    /** Annotation descriptors, each followed by the typedef recording it, in the order the typedefs are added. */
    private static final String[] MARKS = {"Lorg/jbpf/Max;", MAX, "Lorg/jbpf/StackId;", STACK_ID, "Lorg/jbpf/Pid;", PID,
            "Lorg/jbpf/IpAddress;", IP_ADDRESS, "Lorg/jbpf/Syscall;", SYSCALL};

    /** Marks the annotated fields of the structs {@code probeClass} refers to; the object's BTF changes in place. */
    static BpfObject mark(BpfObject object, byte[] probeClass, Translator.ClassSource classes) {
        Btf btf = object.btf();
        if (btf == null) return object;
        Set<String> structs = TextFields.structNames(btf);
        for (int k = 0; k < MARKS.length; k += 2)
            mark(btf, TextFields.annotatedFields(probeClass, classes, MARKS[k], structs), MARKS[k + 1]);
        return object;
    }

    private static void mark(Btf btf, Map<String, Set<String>> fieldsByStruct, String typedef) {
        if (fieldsByStruct.isEmpty()) return;
        for (int id = 1; id <= btf.size(); id++) {
            if (!(btf.type(id) instanceof BtfType.Struct s) || !fieldsByStruct.containsKey(s.name())) continue;
            Set<String> fields = fieldsByStruct.get(s.name());
            List<BtfType.Member> members = new ArrayList<>();
            for (BtfType.Member m : s.members()) {
                BtfType type = btf.type(btf.resolve(m.type()));
                // an @Max array keeps the largest of each element; its array type is wrapped whole
                boolean fits = typedef.equals(IP_ADDRESS) ? isAddress(btf, m.type()) : type instanceof BtfType.IntType
                        || typedef.equals(MAX) && type instanceof BtfType.Array a
                        && btf.type(btf.resolve(a.elemType())) instanceof BtfType.IntType && btf.sizeOf(a.elemType()) > 1;
                if (fields.contains(m.name()) && !fits && typedef.equals(IP_ADDRESS))
                    throw new TranslationException(s.name() + "." + m.name() + " is marked @IpAddress, which fits an int or a "
                            + "@Size(4) or @Size(16) byte[] holding an address in network byte order; remove the mark or change the field");
                if (fields.contains(m.name()) && fits && !typedef.equals(markOf(btf, m.type())))
                    m = new BtfType.Member(m.name(), btf.add(new BtfType.Typedef(typedef, m.type())), m.bitOffset(), m.bitfieldSize());
                members.add(m);
            }
            btf.set(id, new BtfType.Struct(s.name(), s.size(), members));
        }
    }

    /** A 4-byte integer or an array of 4 or 16 one-byte integers: what an {@code @IpAddress} field may be. */
    static boolean isAddress(Btf btf, int typeId) {
        BtfType type = btf.type(btf.resolve(typeId));
        long size = btf.sizeOf(typeId);
        if (type instanceof BtfType.IntType) return size == 4;
        return type instanceof BtfType.Array a && btf.type(btf.resolve(a.elemType())) instanceof BtfType.IntType
                && btf.sizeOf(a.elemType()) == 1 && (size == 4 || size == 16);
    }

    /** The mark of a field's type (the typedef name), or null when it has none. */
    static String markOf(Btf btf, int typeId) {
        try {
            return btf.type(typeId) instanceof BtfType.Typedef td && isMark(td.name()) ? td.name() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isMark(String typedef) {
        return typedef.equals(MAX) || typedef.equals(STACK_ID) || typedef.equals(PID) || typedef.equals(IP_ADDRESS) || typedef.equals(SYSCALL);
    }
}
