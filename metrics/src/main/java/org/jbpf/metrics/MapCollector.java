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
import java.util.List;
import java.util.Map;
import org.jbpf.metrics.MetricsOptions.MetricType;

/**
 * The Prometheus metrics of one map, read from the kernel at every scrape: a counter or gauge per value field with
 * a data point per key, or one histogram for a log2 histogram map.
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
        Map<Labels, double[]> rows = MapRows.rows(plan, entries);
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

    /** One bucket per slot; Prometheus's model takes each bucket's own count and adds them up for {@code le}. */
    private MetricSnapshot histogram(List<MapSource.Entry> entries) {
        MapPlan.Series s = plan.series().get(0);
        long[] counts = MapRows.slotCounts(plan, entries);
        double[] bounds = new double[counts.length];
        for (int k = 0; k < counts.length; k++) bounds[k] = MapRows.upperBound(k, counts.length);
        return HistogramSnapshot.builder().name(s.name()).help(s.help())
                .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts)).build())
                .build();
    }
}
