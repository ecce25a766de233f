package org.jbpf.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;

/**
 * One metrics endpoint per address shared by the probes of a JVM, as the agent's {@code prometheus=host:port} option
 * needs: the first probe starts the server, each probe adds its maps, and the server stops when the last one leaves.
 */
public final class SharedEndpoint {
    private static final Map<String, SharedEndpoint> OPEN = new HashMap<>();

    private final String address;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final MetricsServer server;
    private int probes;

    private SharedEndpoint(String address) {
        this.address = address;
        this.server = MetricsServer.start(registry, address);
    }

    private void stop() {
        server.close();
        OPEN.remove(address);
    }

    /** A probe's place on an endpoint: where it is served, and {@link #close} to take its maps off. */
    public interface Registration extends AutoCloseable {
        String url();

        @Override void close();
    }

    /** Serves the maps of {@code bpf} on {@code address} beside those of the probes already there. */
    public static Registration add(BPF bpf, String address) {
        synchronized (OPEN) {
            SharedEndpoint endpoint = OPEN.get(address);
            if (endpoint == null) OPEN.put(address, endpoint = new SharedEndpoint(address));
            List<MapCollector> collectors = JbpfMetrics.collectors(bpf, MetricsOptions.defaults());
            try {
                JbpfMetrics.registerAll(endpoint.registry, collectors, "the metrics endpoint on " + address);
            } catch (IllegalArgumentException clash) {
                if (endpoint.probes == 0) endpoint.stop();
                throw clash;
            }
            endpoint.probes++;
            SharedEndpoint e = endpoint;
            return new Registration() {
                private boolean closed;

                public String url() { return e.server.url(); }

                public void close() {
                    synchronized (OPEN) {
                        if (closed) return;
                        closed = true;
                        collectors.forEach(e.registry::unregister);
                        if (--e.probes == 0) e.stop();
                    }
                }
            };
        }
    }
}
