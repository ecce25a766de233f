package org.jbpf.metrics;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A map's entries read as the plan says: label sets with one value per series (per-CPU values combined), or the
 * slot counts of a log2 histogram. Keys that give the same labels (e.g. differing only in padding) are added together.
 */
final class MapRows {
    private MapRows() {}

    /** One row of values (one per series of the plan) for each distinct label set. */
    static Map<Labels, double[]> rows(MapPlan plan, List<MapSource.Entry> entries) {
        Map<Labels, double[]> rows = new LinkedHashMap<>();
        List<MapPlan.Series> series = plan.series();
        for (MapSource.Entry e : entries) {
            double[] values = new double[series.size()];
            for (int i = 0; i < series.size(); i++) values[i] = combined(series.get(i), e.values());
            double[] old = rows.putIfAbsent(labels(plan, e), values);
            if (old != null) for (int i = 0; i < old.length; i++) old[i] += values[i];
        }
        return rows;
    }

    /** The count of each slot of a log2 histogram map (index = slot). */
    static long[] slotCounts(MapPlan plan, List<MapSource.Entry> entries) {
        MapPlan.Series s = plan.series().get(0);
        long[] counts = new long[Math.max(1, plan.spec().maxEntries())];
        for (MapSource.Entry e : entries) {
            long slot = Field.raw(e.key(), 0, 4) & 0xffffffffL;
            if (slot < counts.length) counts[(int) slot] += (long) combined(s, e.values());
        }
        return counts;
    }

    /**
     * The upper bound {@code le} of a slot: slot k counts the integers in [2^k, 2^(k+1)) (slot 0 also 0), so its bound
     * is 2^(k+1) - 1; the last slot of the map is open-ended (+Inf).
     */
    static double upperBound(int slot, int slots) {
        if (slot == slots - 1) return Double.POSITIVE_INFINITY;
        return slot >= 63 ? Math.pow(2, slot + 1) : (double) ((1L << (slot + 1)) - 1);
    }

    private static Labels labels(MapPlan plan, MapSource.Entry e) {
        List<String> names = new ArrayList<>(), values = new ArrayList<>();
        for (Field f : plan.keyLabels()) {
            names.add(plan.keyLabelName(f));
            values.add(f.text(e.key()));
        }
        for (Field f : plan.valueLabels()) {
            names.add(MetricNames.label(f.name()));
            values.add(firstText(f, e.values()));
        }
        return names.isEmpty() ? Labels.EMPTY : Labels.of(names, values);
    }

    /** A text value field of a per-CPU map: the text of the first CPU that wrote one. */
    private static String firstText(Field f, List<byte[]> perCpu) {
        for (byte[] v : perCpu) {
            String t = f.text(v);
            if (!t.isEmpty()) return t;
        }
        return "";
    }

    private static double combined(MapPlan.Series s, List<byte[]> perCpu) {
        double v = s.field().number(perCpu.get(0));
        for (int c = 1; c < perCpu.size(); c++) v = s.combine(v, s.field().number(perCpu.get(c)));
        return v;
    }
}
