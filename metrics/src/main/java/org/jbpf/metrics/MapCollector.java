package org.jbpf.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.metrics.MetricsOptions.MetricType;

/**
 * The metrics of one map, read from the kernel at every scrape: per-CPU values combined, key fields as labels, and
 * a log2 histogram map as one Prometheus histogram. Keys that give the same labels (e.g. differing only in padding)
 * are added together, so the exposition never repeats a series.
 */
final class MapCollector implements MultiCollector {
    private final MapPlan plan;
    private final MapSource source;

    MapCollector(MapPlan plan, MapSource source) {
        this.plan = plan;
        this.source = source;
    }

    String mapName() { return plan.spec().name(); }

    @Override public List<String> getPrometheusNames() {
        return plan.series().stream().map(MapPlan.Series::name).toList();
    }

    @Override public MetricSnapshots collect() {
        List<MapSource.Entry> entries = source.read();
        if (plan.isHistogram()) return new MetricSnapshots(histogram(entries));
        Map<Labels, double[]> rows = rows(entries);
        List<MetricSnapshot> out = new ArrayList<>();
        for (int i = 0; i < plan.series().size(); i++) {
            MapPlan.Series s = plan.series().get(i);
            if (s.type() == MetricType.COUNTER) {
                CounterSnapshot.Builder b = CounterSnapshot.builder().name(s.name()).help(s.help());
                for (Map.Entry<Labels, double[]> r : rows.entrySet())
                    b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(r.getKey()).value(r.getValue()[i]).build());
                out.add(b.build());
            } else {
                GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(s.name()).help(s.help());
                for (Map.Entry<Labels, double[]> r : rows.entrySet())
                    b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(r.getKey()).value(r.getValue()[i]).build());
                out.add(b.build());
            }
        }
        return new MetricSnapshots(out);
    }

    /** One row of values (one per series) for each distinct label set. */
    private Map<Labels, double[]> rows(List<MapSource.Entry> entries) {
        Map<Labels, double[]> rows = new LinkedHashMap<>();
        List<MapPlan.Series> series = plan.series();
        for (MapSource.Entry e : entries) {
            double[] values = new double[series.size()];
            for (int i = 0; i < series.size(); i++) values[i] = combined(series.get(i), e.values());
            double[] old = rows.putIfAbsent(labels(e), values);
            if (old != null) for (int i = 0; i < old.length; i++) old[i] += values[i];
        }
        return rows;
    }

    private Labels labels(MapSource.Entry e) {
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

    /**
     * Slot k of a log2 histogram counts the integers in [2^k, 2^(k+1)) (slot 0 also 0), so its upper bound {@code le}
     * is 2^(k+1) - 1; the last slot is open-ended (+Inf).
     */
    private MetricSnapshot histogram(List<MapSource.Entry> entries) {
        MapPlan.Series s = plan.series().get(0);
        int slots = Math.max(1, plan.spec().maxEntries());
        long[] counts = new long[slots];
        for (MapSource.Entry e : entries) {
            long slot = Field.raw(e.key(), 0, 4) & 0xffffffffL;
            if (slot < slots) counts[(int) slot] += (long) combined(s, e.values());
        }
        double[] bounds = new double[slots];
        for (int k = 0; k < slots; k++) bounds[k] = k == slots - 1 ? Double.POSITIVE_INFINITY : upperBound(k);
        return HistogramSnapshot.builder().name(s.name()).help(s.help())
                .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts)).build())
                .build();
    }

    static double upperBound(int slot) { return slot >= 63 ? Math.pow(2, slot + 1) : (double) ((1L << (slot + 1)) - 1); }
}
