package org.jbpf.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;

/**
 * A loaded probe's maps as Prometheus metrics, read from the kernel at every scrape (nothing is cached or written
 * back). Each exportable map is named {@code jbpf_<probe>_<map>} in snake case, with {@code _<field>} per numeric
 * field of a struct value; key fields become labels; a log2 histogram array becomes a Prometheus histogram. Numeric
 * global variables and load-time constants are gauges {@code jbpf_<probe>_<variable>}. See
 * docs/METRICS.md for the rules.
 *
 * <pre>{@code
 * try (BPF bpf = BPF.loadAndAttach(ProcessCounter.class);
 *      MetricsServer server = JbpfMetrics.serve(bpf, "127.0.0.1:9435")) {
 *     ...
 * }
 * }</pre>
 */
public final class JbpfMetrics {
    private JbpfMetrics() {}

    /** Registers the probe's maps in {@code registry} with default options; returns the names of the maps exported. */
    public static List<String> register(BPF bpf, PrometheusRegistry registry) {
        return register(bpf, registry, MetricsOptions.defaults());
    }

    /**
     * Registers one collector per exportable map in {@code registry}; returns the names of the maps exported. Maps that
     * are left out (event buffers, text keys not marked for export) are named in the options' notes.
     */
    public static List<String> register(BPF bpf, PrometheusRegistry registry, MetricsOptions options) {
        List<MapCollector> collectors = collectors(bpf, options);
        GlobalsCollector globals = GlobalsCollector.of(bpf);
        if (globals != null)
            for (String name : globals.getPrometheusNames())
                for (MapCollector c : collectors)
                    if (c.getPrometheusNames().contains(name))
                        throw new IllegalArgumentException("probe " + bpf.loaded().object().name() + ": global variable and map "
                                + c.mapName() + " would both be metric " + name + "; rename one");
        registerAll(registry, collectors, "the registry");
        if (globals != null) registry.register(globals);
        return collectors.stream().map(MapCollector::mapName).toList();
    }

    /** Serves the probe's maps on {@code address} ({@code host:port}, see {@link MetricsServer#start}) with default options. */
    public static MetricsServer serve(BPF bpf, String address) { return serve(bpf, address, MetricsOptions.defaults()); }

    /** Serves the probe's maps at {@code http://address/metrics} from a registry of their own. */
    public static MetricsServer serve(BPF bpf, String address, MetricsOptions options) {
        PrometheusRegistry registry = new PrometheusRegistry();
        register(bpf, registry, options);
        return MetricsServer.start(registry, address);
    }

    /**
     * Registers every collector, or none when {@code registry} already has one of their names: a registry serving a
     * name twice gives an exposition Prometheus refuses.
     */
    static void registerAll(PrometheusRegistry registry, List<MapCollector> collectors, String where) {
        Set<String> names = new HashSet<>();
        collectors.forEach(c -> names.addAll(c.getPrometheusNames()));
        for (var existing : registry.scrape(names::contains))
            throw new IllegalArgumentException(where + " already has " + existing.getMetadata().getPrometheusName()
                    + " (the same probe registered twice?)");
        collectors.forEach(registry::register);
    }

    static List<MapCollector> collectors(BPF bpf, MetricsOptions options) {
        return plans(bpf, options).stream().map(p -> new MapCollector(p, MapSource.of(bpf.map(p.spec().name())))).toList();
    }

    /** The plan of every exportable map, after checking that the maps the options name exist. */
    static List<MapPlan> plans(BPF bpf, MetricsOptions options) {
        BpfObject object = bpf.loaded().object();
        Set<String> named = new HashSet<>(options.textMaps());
        named.addAll(options.typedMaps());
        for (String m : named)
            if (object.map(m).isEmpty())
                throw new IllegalArgumentException("probe " + object.name() + " has no map " + m + " (named in the metrics options); it has "
                        + String.join(", ", object.maps().stream().filter(s -> !s.internal()).map(MapSpec::name).toList()));
        List<MapPlan> out = new ArrayList<>();
        for (MapSpec spec : object.maps()) {
            MapPlan plan = MapPlan.of(object.name(), spec, object.btf(), options);
            if (plan != null) out.add(plan);
        }
        return out;
    }
}
