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
 * typed {@code jbpf_max} — {@code @Max} — the largest, byte arrays never added), arrays of wider integers and nested
 * structs element by element, an integer added; without BTF, {@link CpuAggregation#unknown}.
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
            List<CpuAggregation.Part> parts = new ArrayList<>();
            if (addParts(btf, typeId, 0, false, parts)) return new CpuAggregation(size, parts);
        } catch (RuntimeException e) {
            // BTF this reader does not follow: combine as an unknown value
        }
        return CpuAggregation.unknown(size);
    }

    /**
     * Adds the parts of a value of type {@code typeId} at {@code base}: a struct's members and an array's elements one
     * by one, at any depth, except arrays of bytes (text, addresses), which are kept whole. False for a bit field.
     */
    private static boolean addParts(Btf btf, int typeId, int base, boolean max, List<CpuAggregation.Part> parts) {
        BtfType t = btf.type(btf.resolve(typeId));
        if (t instanceof BtfType.Struct s) {
            for (BtfType.Member m : s.members()) {
                if (m.bitfieldSize() != 0 || !addParts(btf, m.type(), base + m.bitOffset() / 8, false, parts)) return false;
            }
            return true;
        }
        int n = (int) btf.sizeOf(typeId);
        if (n <= 0) return false;
        if (t instanceof BtfType.Array a && btf.sizeOf(a.elemType()) > 1) {
            boolean marked = max || isMax(btf, typeId);
            int element = (int) btf.sizeOf(a.elemType());
            for (int e = 0; e < a.nelems(); e++) if (!addParts(btf, a.elemType(), base + e * element, marked, parts)) return false;
            return true;
        }
        parts.add(new CpuAggregation.Part(base, n, op(btf, typeId, n, max)));
        return true;
    }

    private static CpuAggregation.Op op(Btf btf, int typeId, int size, boolean markedMax) {
        boolean max = markedMax || btf.type(typeId) instanceof BtfType.Typedef td && td.name().equals(MAX);
        BtfType t = btf.type(btf.resolve(typeId));
        if (!(t instanceof BtfType.IntType i) || size > 8) return CpuAggregation.Op.FIRST_SET;
        if ((i.encoding() & BtfType.INT_BOOL) != 0) return CpuAggregation.Op.ANY;
        if (!max) return CpuAggregation.Op.SUM;
        return (i.encoding() & BtfType.INT_SIGNED) != 0 ? CpuAggregation.Op.MAX_SIGNED : CpuAggregation.Op.MAX_UNSIGNED;
    }
}
