package org.jbpf.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.GlobalData;

/**
 * A loaded probe's numeric global variables and load-time constants as gauges {@code jbpf_<probe>_<variable>},
 * read from the kernel's copy at every scrape; byte arrays are left out.
 */
final class GlobalsCollector implements MultiCollector {
    private record Gauge(String metric, String variable, String help) {}

    private final BPF bpf;
    private final List<Gauge> gauges = new ArrayList<>();

    private GlobalsCollector(BPF bpf) {
        this.bpf = bpf;
        BpfObject object = bpf.loaded().object();
        for (GlobalData g : object.globals())
            for (GlobalData.Variable v : g.variables())
                if (v.size() == 1 || v.size() == 2 || v.size() == 4 || v.size() == 8)
                    gauges.add(new Gauge(MetricNames.metric(object.name(), v.name(), ""), v.name(),
                            (g.readOnly() ? "load-time constant " : "global variable ") + v.name() + " (" + g.name()
                                    + ") of jbpf probe " + object.name()));
    }

    /** The collector of the probe's numeric globals, or null when it has none. */
    static GlobalsCollector of(BPF bpf) {
        GlobalsCollector c = new GlobalsCollector(bpf);
        return c.gauges.isEmpty() ? null : c;
    }

    @Override public List<String> getPrometheusNames() {
        List<String> names = new ArrayList<>();
        for (Gauge g : gauges) names.add(g.metric);
        return names;
    }

    @Override public MetricSnapshots collect() {
        List<MetricSnapshot> out = new ArrayList<>();
        for (Gauge g : gauges)
            out.add(GaugeSnapshot.builder().name(g.metric).help(g.help)
                    .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(bpf.global(g.variable).get()).build()).build());
        return new MetricSnapshots(out);
    }
}
