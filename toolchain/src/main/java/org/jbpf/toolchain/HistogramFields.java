package org.jbpf.toolchain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.runtime.BpfMap;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;
import org.objectweb.asm.tree.AnnotationNode;

/**
 * Histograms held in a map's values, one per key, like bpftrace's {@code @us[pid] = hist(...)}: a
 * {@code @Histogram @Size(n) long[]} (or {@code int[]}) field of a {@code @Struct} counts slot k as a map marked
 * {@code @Histogram} does. The mark wraps the field's array type in BTF in the map mark's typedef
 * ({@code jbpf_hist_log2}, {@code jbpf_hist_linear_<step>}), so a .o keeps it; {@link #render} draws each key's
 * histograms as bar charts under the key and the value's other fields.
 */
public final class HistogramFields {
    private HistogramFields() {}

    private static final String HISTOGRAM = "Lorg/jbpf/maps/Histogram;";

    /** Marks the {@code @Histogram} array fields of the structs {@code probeClass} refers to; the BTF changes in place. */
    static BpfObject mark(BpfObject object, byte[] probeClass, Translator.ClassSource classes) {
        Btf btf = object.btf();
        if (btf == null) return object;
        Map<String, Map<String, AnnotationNode>> marked =
                TextFields.fieldAnnotations(probeClass, classes, HISTOGRAM, TextFields.structNames(btf));
        if (marked.isEmpty()) return object;
        for (int id = 1; id <= btf.size(); id++) {
            if (!(btf.type(id) instanceof BtfType.Struct s) || !marked.containsKey(s.name())) continue;
            Map<String, AnnotationNode> fields = marked.get(s.name());
            List<BtfType.Member> members = new ArrayList<>();
            for (BtfType.Member m : s.members()) {
                AnnotationNode a = fields.get(m.name());
                if (a != null && MapText.integerElement(btf, m.type()) < 4)
                    throw new TranslationException(s.name() + "." + m.name() + " is marked @Histogram, which fits a @Size(n) long[] "
                            + "or int[] of counts (slot k counts [2^k, 2^(k+1)), or [k*step, (k+1)*step) when linear); remove the mark or change the field");
                if (a != null && !MapMarks.ofType(btf, m.type()).histogram())
                    m = new BtfType.Member(m.name(), btf.add(new BtfType.Typedef(MapMarks.histogram(a).typedefName(), m.type())),
                            m.bitOffset(), m.bitfieldSize());
                members.add(m);
            }
            btf.set(id, new BtfType.Struct(s.name(), s.size(), members));
        }
        return object;
    }

    /** Whether {@code value} has a field marked as a histogram. */
    public static boolean any(BtfType.Struct value, Btf btf) {
        if (value == null) return false;
        for (BtfType.Member m : value.members()) if (MapMarks.ofType(btf, m.type()).histogram()) return true;
        return false;
    }

    /**
     * Each entry, keys in ascending order: {@code key: {other fields}}, then for each histogram field its name and its
     * bar chart ({@code (all slots empty)} when it counted nothing). Per-CPU values are combined first.
     */
    public static String render(BpfMap<byte[], byte[]> map, Btf btf, boolean guessText) {
        BtfType.Struct keyStruct = MapText.struct(btf, map.spec().btfKeyType());
        BtfType.Struct value = MapText.struct(btf, map.spec().btfValueType());
        List<BtfType.Member> rest = new ArrayList<>(), histograms = new ArrayList<>();
        for (BtfType.Member m : value.members()) (MapMarks.ofType(btf, m.type()).histogram() ? histograms : rest).add(m);
        BtfType.Struct others = new BtfType.Struct(value.name(), value.size(), rest);
        List<byte[][]> entries = new ArrayList<>();
        if (map.isPerCpu()) for (PerCpuValues.Entry e : PerCpuValues.entries(map, btf)) entries.add(new byte[][] {e.key(), e.combined()});
        else for (Map.Entry<byte[], byte[]> e : map.entries()) entries.add(new byte[][] {e.getKey(), e.getValue()});
        entries.sort(Comparator.comparingLong(e -> MapText.signed(e[0], 0, Math.min(8, e[0].length))));
        StringBuilder sb = new StringBuilder();
        for (byte[][] e : entries) {
            sb.append(MapText.show(e[0], keyStruct, btf, guessText)).append(':');
            if (!rest.isEmpty()) sb.append(' ').append(MapText.show(e[1], others, btf, guessText));
            sb.append('\n');
            for (BtfType.Member h : histograms) {
                MapMarks.Mark mark = MapMarks.ofType(btf, h.type());
                int element = MapText.integerElement(btf, h.type()), off = h.bitOffset() / 8;
                List<Long> slots = new ArrayList<>();
                for (int k = 0; k < btf.sizeOf(h.type()) / element; k++) slots.add(MapText.signed(e[1], off + k * element, element));
                String chart = mark.kind() == MapMarks.Kind.LINEAR_HISTOGRAM ? Histogram.renderLinear(slots, mark.step()) : Histogram.render(slots);
                sb.append(h.name()).append(":\n").append(chart.isEmpty() ? "(all slots empty)\n" : chart);
            }
        }
        return sb.toString();
    }
}
