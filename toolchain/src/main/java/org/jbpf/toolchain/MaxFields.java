package org.jbpf.toolchain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.translator.Translator;

/**
 * Records the {@code @Max} fields of a probe's {@code @Struct} classes in its BTF: their integer type is wrapped in a
 * typedef {@code jbpf_max}, which {@link PerCpuValues} reads to keep the largest of the CPUs' values.
 */
final class MaxFields {
    private MaxFields() {}

    private static final String MAX_DESC = "Lorg/jbpf/Max;";

    /** Marks the {@code @Max} fields of the structs {@code probeClass} refers to; the object's BTF changes in place. */
    static BpfObject mark(BpfObject object, byte[] probeClass, Translator.ClassSource classes) {
        Btf btf = object.btf();
        if (btf == null) return object;
        Map<String, Set<String>> max = TextFields.annotatedFields(probeClass, classes, MAX_DESC);
        if (max.isEmpty()) return object;
        for (int id = 1; id <= btf.size(); id++) {
            if (!(btf.type(id) instanceof BtfType.Struct s) || !max.containsKey(s.name())) continue;
            Set<String> fields = max.get(s.name());
            List<BtfType.Member> members = new ArrayList<>();
            for (BtfType.Member m : s.members()) {
                boolean integer = btf.type(btf.resolve(m.type())) instanceof BtfType.IntType;
                boolean marked = btf.type(m.type()) instanceof BtfType.Typedef td && td.name().equals(PerCpuValues.MAX);
                if (fields.contains(m.name()) && integer && !marked)
                    m = new BtfType.Member(m.name(), btf.add(new BtfType.Typedef(PerCpuValues.MAX, m.type())), m.bitOffset(), m.bitfieldSize());
                members.add(m);
            }
            btf.set(id, new BtfType.Struct(s.name(), s.size(), members));
        }
        return object;
    }
}
