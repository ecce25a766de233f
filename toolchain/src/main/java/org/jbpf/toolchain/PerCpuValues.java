package org.jbpf.toolchain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.CpuAggregation;

/**
 * Per-CPU values of raw maps combined by their BTF: a struct field by field (integers added at their width, fields
 * typed {@code jbpf_max} — {@code @Max} — the largest, byte arrays never added), an integer added; without BTF,
 * {@link CpuAggregation#unknown}.
 */
public final class PerCpuValues {
    private PerCpuValues() {}

    /** The typedef around a {@code @Max} field's integer type. */
    static final String MAX = FieldMarks.MAX;

    /** One entry with its CPUs' values (index = CPU) and their combination. */
    public record Entry(byte[] key, List<byte[]> perCpu, byte[] combined) {}

    public static List<Entry> entries(BpfMap<byte[], byte[]> map, Btf btf) {
        CpuAggregation how = aggregation(btf, map.spec().btfValueType(), map.spec().valueSize());
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<byte[], List<byte[]>> e : map.entriesPerCpu())
            out.add(new Entry(e.getKey(), e.getValue(), how.combine(e.getValue())));
        return out;
    }

    /** Whether a struct member of type {@code typeId} is marked {@code @Max}. */
    public static boolean isMax(Btf btf, int typeId) {
        return MAX.equals(FieldMarks.markOf(btf, typeId));
    }

    static CpuAggregation aggregation(Btf btf, int typeId, int size) {
        if (btf == null || typeId == 0) return CpuAggregation.unknown(size);
        try {
            BtfType t = btf.type(btf.resolve(typeId));
            if (t instanceof BtfType.Struct s) {
                List<CpuAggregation.Part> parts = new ArrayList<>();
                for (BtfType.Member m : s.members()) {
                    int n = (int) btf.sizeOf(m.type());
                    if (m.bitfieldSize() != 0 || n <= 0) return CpuAggregation.unknown(size);
                    parts.add(new CpuAggregation.Part(m.bitOffset() / 8, n, op(btf, m.type(), n)));
                }
                return new CpuAggregation(size, parts);
            }
            if (t instanceof BtfType.IntType i && i.size() == size) return new CpuAggregation(size, List.of(new CpuAggregation.Part(0, size, op(btf, typeId, size))));
        } catch (RuntimeException e) {
            // BTF this reader does not follow: combine as an unknown value
        }
        return CpuAggregation.unknown(size);
    }

    private static CpuAggregation.Op op(Btf btf, int typeId, int size) {
        boolean max = btf.type(typeId) instanceof BtfType.Typedef td && td.name().equals(MAX);
        BtfType t = btf.type(btf.resolve(typeId));
        if (!(t instanceof BtfType.IntType i) || size > 8) return CpuAggregation.Op.FIRST_SET;
        if ((i.encoding() & BtfType.INT_BOOL) != 0) return CpuAggregation.Op.ANY;
        if (!max) return CpuAggregation.Op.SUM;
        return (i.encoding() & BtfType.INT_SIGNED) != 0 ? CpuAggregation.Op.MAX_SIGNED : CpuAggregation.Op.MAX_UNSIGNED;
    }
}
