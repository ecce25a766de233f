package org.jbpf.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.prometheus.metrics.model.snapshots.Label;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.metrics.MetricsOptions.MetricType;

/**
 * A loaded probe's maps as Micrometer meters, for applications that publish through Micrometer (Spring Boot's
 * {@code /actuator/prometheus} shows them beside the application's own). The names, types and labels (tags) are
 * those of {@link JbpfMetrics}; a log2 histogram becomes one {@code <name>_bucket} counter per slot with the tag
 * {@code le}, cumulative as Prometheus's buckets are, so {@code histogram_quantile} works on it.
 *
 * <p>Micrometer asks each meter for its value; a map is read from the kernel at most once a second for all of them.
 * Keys that appear in a map get their meters at that read (they show from the next publication on), and the meters
 * of keys that left are removed. {@link #close} removes every meter. Needs {@code io.micrometer:micrometer-core} on
 * the class path.
 */
public final class JbpfMeters implements AutoCloseable {
    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    private final MeterRegistry registry;
    private final List<MapMeters> maps = new ArrayList<>();

    private JbpfMeters(MeterRegistry registry) { this.registry = registry; }

    public static JbpfMeters bind(BPF bpf, MeterRegistry registry) { return bind(bpf, registry, MetricsOptions.defaults()); }

    public static JbpfMeters bind(BPF bpf, MeterRegistry registry, MetricsOptions options) {
        JbpfMeters meters = new JbpfMeters(registry);
        for (MapPlan plan : JbpfMetrics.plans(bpf, options))
            meters.maps.add(meters.new MapMeters(plan, MapSource.of(bpf.map(plan.spec().name()))));
        meters.refresh();
        return meters;
    }

    static JbpfMeters bind(MeterRegistry registry, MapPlan plan, MapSource source) {
        JbpfMeters meters = new JbpfMeters(registry);
        meters.maps.add(meters.new MapMeters(plan, source));
        meters.refresh();
        return meters;
    }

    /** Reads every map now, adding meters for new keys and removing those of keys that left. */
    public void refresh() { for (MapMeters m : maps) m.refresh(); }

    @Override public void close() { for (MapMeters m : maps) m.removeAll(); }

    /** The meters of one map and its last reading. */
    private final class MapMeters {
        private final MapPlan plan;
        private final MapSource source;
        private final Map<Labels, List<Meter>> meters = new HashMap<>();
        private volatile Map<Labels, double[]> rows = Map.of();
        private volatile long readAt;

        MapMeters(MapPlan plan, MapSource source) {
            this.plan = plan;
            this.source = source;
        }

        synchronized void refresh() {
            Map<Labels, double[]> now = plan.isHistogram() ? bucketRows(source.read()) : MapRows.rows(plan, source.read());
            rows = now;
            readAt = System.nanoTime();
            for (Labels l : now.keySet()) if (!meters.containsKey(l)) meters.put(l, register(l));
            meters.entrySet().removeIf(e -> {
                if (now.containsKey(e.getKey())) return false;
                e.getValue().forEach(registry::remove);
                return true;
            });
        }

        synchronized void removeAll() {
            meters.values().forEach(list -> list.forEach(registry::remove));
            meters.clear();
        }

        /** The value of series {@code i} for {@code labels}, reading the map again when the last reading is stale. */
        double value(Labels labels, int i) {
            if (System.nanoTime() - readAt > MAX_AGE_NANOS) refresh();
            double[] v = rows.get(labels);
            return v == null ? Double.NaN : v[i];
        }

        private List<Meter> register(Labels labels) {
            Tags tags = Tags.empty();
            for (Label l : labels) tags = tags.and(l.getName(), l.getValue());
            List<Meter> out = new ArrayList<>();
            for (int i = 0; i < plan.series().size(); i++) {
                MapPlan.Series s = plan.series().get(i);
                int index = i;
                if (s.type() == MetricType.GAUGE)
                    out.add(Gauge.builder(s.name(), this, m -> m.value(labels, index)).description(s.help()).tags(tags).register(registry));
                else
                    out.add(FunctionCounter.builder(s.type() == MetricType.HISTOGRAM ? s.name() + "_bucket" : s.name(), this,
                            m -> m.value(labels, index)).description(s.help()).tags(tags).register(registry));
            }
            return out;
        }

        /** Cumulative counts per {@code le}, as Prometheus's histogram buckets. */
        private Map<Labels, double[]> bucketRows(List<MapSource.Entry> entries) {
            long[] counts = MapRows.slotCounts(plan, entries);
            Map<Labels, double[]> out = new LinkedHashMap<>();
            long cumulative = 0;
            for (int k = 0; k < counts.length; k++) {
                cumulative += counts[k];
                double le = MapRows.upperBound(k, counts.length);
                out.put(Labels.of("le", le == Double.POSITIVE_INFINITY ? "+Inf" : Double.toString(le)), new double[] {cumulative});
            }
            return out;
        }
    }
}
