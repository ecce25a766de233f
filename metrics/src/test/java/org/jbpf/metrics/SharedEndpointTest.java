package org.jbpf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jbpf.BPF;
import org.jbpf.metrics.probe.ExecCounter;
import org.junit.jupiter.api.Test;

/** Two probes on one endpoint: each adds its maps, the endpoint lives until the last leaves. */
class SharedEndpointTest {
    @Test void theEndpointOutlivesAllButItsLastProbe() throws Exception {
        Prereqs.kernel();
        String address = "127.0.0.1:" + PrometheusServer.freePort();
        HttpClient http = HttpClient.newHttpClient();
        try (BPF first = BPF.loadAndAttach(ExecCounter.class); BPF second = BPF.loadAndAttach(ExecCounter.class)) {
            first.map(ExecCounter.latencyHist).put(2, 4L);
            SharedEndpoint.Registration a = SharedEndpoint.add(first, address);
            HttpRequest scrape = HttpRequest.newBuilder(URI.create(a.url())).build();
            assertTrue(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body().contains("jbpf_exec_counter_latency_hist_bucket{le=\"7.0\"} 4\n"));
            var clash = assertThrows(IllegalArgumentException.class, () -> SharedEndpoint.add(second, address));
            assertEquals("the metrics endpoint on " + address + " already has jbpf_exec_counter_call_stats_call_count (the same probe "
                    + "registered twice?)", clash.getMessage());
            io.prometheus.metrics.model.registry.PrometheusRegistry registry = new io.prometheus.metrics.model.registry.PrometheusRegistry();
            assertEquals(java.util.List.of("latencyHist", "callStats"), JbpfMetrics.register(first, registry));
            var twice = assertThrows(IllegalArgumentException.class, () -> JbpfMetrics.register(second, registry));
            assertEquals("the registry already has jbpf_exec_counter_call_stats_call_count (the same probe registered twice?)", twice.getMessage());
            a.close();
            assertThrows(java.net.ConnectException.class, () -> http.send(scrape, HttpResponse.BodyHandlers.ofString()));
            try (SharedEndpoint.Registration b = SharedEndpoint.add(second, address)) {
                assertEquals(a.url(), b.url());
                assertTrue(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body().contains("jbpf_exec_counter_latency_hist_bucket{le=\"7.0\"} 0\n"));
            }
        }
    }
}
