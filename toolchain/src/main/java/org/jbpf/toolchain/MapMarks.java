package org.jbpf.toolchain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;

/**
 * How a map is meant to be shown, as its probe declares with {@code @Histogram} or {@code @Scratch} on the map
 * field. The mark is kept in the object's BTF: the map's value type is wrapped in a typedef whose name says it
 * ({@code jbpf_hist_log2}, {@code jbpf_hist_linear_<step>}, {@code jbpf_scratch}), which the .o file keeps and the
 * kernel resolves like any typedef.
 */
public final class MapMarks {
    private MapMarks() {}

    public enum Kind { PLAIN, LOG2_HISTOGRAM, LINEAR_HISTOGRAM, SCRATCH }

    /** A map's mark; {@code step} is the bucket width of a linear histogram. */
    public record Mark(Kind kind, long step) {
        public static final Mark PLAIN = new Mark(Kind.PLAIN, 0);

        public boolean histogram() { return kind == Kind.LOG2_HISTOGRAM || kind == Kind.LINEAR_HISTOGRAM; }

        String typedefName() {
            return switch (kind) {
                case LOG2_HISTOGRAM -> LOG2;
                case LINEAR_HISTOGRAM -> LINEAR + step;
                case SCRATCH -> SCRATCH;
                case PLAIN -> null;
            };
        }
    }

    static final String LOG2 = "jbpf_hist_log2", LINEAR = "jbpf_hist_linear_", SCRATCH = "jbpf_scratch";
    private static final String HISTOGRAM_DESC = "Lorg/jbpf/maps/Histogram;", SCRATCH_DESC = "Lorg/jbpf/maps/Scratch;";

    /** The mark recorded for {@code map} in {@code btf}; PLAIN when there is none. */
    public static Mark of(MapSpec map, Btf btf) {
        if (btf == null || map.btfValueType() == 0) return Mark.PLAIN;
        return ofType(btf, map.btfValueType());
    }

    /** The mark a type id carries as its typedef (a map's value type, or a struct field's); PLAIN when none. */
    static Mark ofType(Btf btf, int typeId) {
        BtfType t;
        try {
            t = btf.type(typeId);
        } catch (RuntimeException e) {
            return Mark.PLAIN;
        }
        if (!(t instanceof BtfType.Typedef td)) return Mark.PLAIN;
        if (td.name().equals(LOG2)) return new Mark(Kind.LOG2_HISTOGRAM, 0);
        if (td.name().equals(SCRATCH)) return new Mark(Kind.SCRATCH, 0);
        if (td.name().startsWith(LINEAR)) {
            try {
                return new Mark(Kind.LINEAR_HISTOGRAM, Long.parseLong(td.name().substring(LINEAR.length())));
            } catch (NumberFormatException e) {
                return Mark.PLAIN;
            }
        }
        return Mark.PLAIN;
    }

    /** The object with the marks of {@code probeClass}'s map fields recorded in its BTF (which changes in place). */
    static BpfObject record(BpfObject object, byte[] probeClass) {
        Btf btf = object.btf();
        if (btf == null) return object;
        Map<String, Mark> marks = declared(probeClass);
        java.util.Set<String> syscallKeys = syscallKeyed(probeClass);
        if (marks.isEmpty() && syscallKeys.isEmpty()) return object;
        List<MapSpec> maps = new ArrayList<>();
        for (MapSpec m : object.maps()) {
            if (syscallKeys.contains(m.name()) && m.btfKeyType() != 0 && btf.type(btf.resolve(m.btfKeyType())) instanceof BtfType.IntType
                    && !MapText.isSyscall(btf, m.btfKeyType()))
                m = new MapSpec(m.name(), m.type(), m.keySize(), m.valueSize(), m.maxEntries(), m.flags(),
                        btf.add(new BtfType.Typedef(FieldMarks.SYSCALL, m.btfKeyType())), m.btfValueType(), m.pinning());
            Mark mark = marks.get(m.name());
            if (mark != null && m.btfValueType() != 0) {
                int typedef = btf.add(new BtfType.Typedef(mark.typedefName(), m.btfValueType()));
                m = new MapSpec(m.name(), m.type(), m.keySize(), m.valueSize(), m.maxEntries(), m.flags(),
                        m.btfKeyType(), typedef, m.pinning());
            }
            maps.add(m);
        }
        return new BpfObject(object.name(), object.license(), maps, object.programs(), btf, object.globals());
    }

    /** Map field name to its mark, from the static fields of a probe class. */
    static Map<String, Mark> declared(byte[] probeClass) {
        ClassNode cn = new ClassNode();
        new ClassReader(probeClass).accept(cn, ClassReader.SKIP_CODE);
        Map<String, Mark> out = new HashMap<>();
        for (FieldNode f : cn.fields) {
            List<AnnotationNode> all = new ArrayList<>();
            if (f.visibleAnnotations != null) all.addAll(f.visibleAnnotations);
            if (f.invisibleAnnotations != null) all.addAll(f.invisibleAnnotations);
            for (AnnotationNode a : all) {
                if (a.desc.equals(SCRATCH_DESC)) out.put(f.name, new Mark(Kind.SCRATCH, 0));
                if (a.desc.equals(HISTOGRAM_DESC)) out.put(f.name, histogram(a));
            }
        }
        return out;
    }

    /** The map fields marked {@code @Syscall}: their integer keys are syscall numbers. */
    static java.util.Set<String> syscallKeyed(byte[] probeClass) {
        ClassNode cn = new ClassNode();
        new ClassReader(probeClass).accept(cn, ClassReader.SKIP_CODE);
        java.util.Set<String> out = new java.util.HashSet<>();
        for (FieldNode f : cn.fields)
            for (List<AnnotationNode> list : java.util.Arrays.asList(f.visibleAnnotations, f.invisibleAnnotations))
                if (list != null) for (AnnotationNode a : list) if (a.desc.equals("Lorg/jbpf/Syscall;")) out.add(f.name);
        return out;
    }

    static Mark histogram(AnnotationNode a) {
        boolean linear = false;
        long step = 1;
        for (int i = 0; a.values != null && i + 1 < a.values.size(); i += 2) {
            Object v = a.values.get(i + 1);
            if (a.values.get(i).equals("value") && v instanceof String[] e) linear = e[1].equals("LINEAR");
            if (a.values.get(i).equals("step") && v instanceof Long s) step = s;
        }
        if (linear && step <= 0) step = 1;
        return linear ? new Mark(Kind.LINEAR_HISTOGRAM, step) : new Mark(Kind.LOG2_HISTOGRAM, 0);
    }
}
