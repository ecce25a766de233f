package org.jbpf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jbpf.BPF;
import org.jbpf.metrics.probe.CallStats;
import org.jbpf.metrics.probe.ExecCounter;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.UpdateMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A probe counting execve() by command name, served with {@link JbpfMetrics#serve} and scraped by a real Prometheus
 * server: PromQL through Prometheus's HTTP API sees exactly the execs of a known workload, the histogram quantile of
 * a log2 histogram and per-CPU values added up.
 */
class PrometheusKernelTest {
    static final int EXECS = ExecWorkload.EXECS;
    static final String COMMAND = ExecWorkload.COMMAND;

    @Test @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void prometheusCountsTheExecsOfAChild(@TempDir Path dir) throws Exception {
        Prereqs.kernel();
        Path prometheus = Prereqs.program("prometheus", "prometheus");
        List<String> notes = new ArrayList<>();
        try (BPF bpf = BPF.loadAndAttach(ExecCounter.class);
             MetricsServer server = JbpfMetrics.serve(bpf, "127.0.0.1:0",
                     MetricsOptions.defaults().exportText("execCounts").notes(notes::add))) {
            assertEquals(List.of(), notes);
            assertTrue(server.url().matches("http://127\\.0\\.0\\.1:\\d+/metrics"), server.url());
            BpfMap<Integer, Long> hist = bpf.map(ExecCounter.latencyHist);
            hist.put(3, 10L);   // ten values in [8, 16)
            hist.put(5, 10L);   // ten in [32, 64)
            int cpus = org.jbpf.loader.Cpus.possible();
            List<CallStats> perCpu = new ArrayList<>();
            for (int c = 0; c < cpus; c++) perCpu.add(stats(c + 1, 100L * (c + 1)));
            bpf.map(ExecCounter.callStats).putPerCpu(7, perCpu, UpdateMode.ANY);

            ExecWorkload.run(dir);

            try (PrometheusServer p = PrometheusServer.start(prometheus, dir, List.of("127.0.0.1:" + server.port()))) {
                String execs = "jbpf_exec_counter_exec_counts_total{comm=\"" + COMMAND + "\",uid=\"0\"}";
                assertEquals(Integer.toString(EXECS), p.awaitValue(execs, Integer.toString(EXECS), Duration.ofSeconds(60)),
                        "Prometheus's view of " + execs + "\n" + p.log());
                // every value is awaited: a scrape that a loaded machine makes miss its timeout marks the target's
                // series stale, and queries find no sample until the next scrape succeeds
                Duration within = Duration.ofSeconds(20);
                assertEquals("15", p.awaitValue("histogram_quantile(0.5, jbpf_exec_counter_latency_hist_bucket)", "15", within));
                assertEquals("20", p.awaitValue("jbpf_exec_counter_latency_hist_bucket{le=\"+Inf\"}", "20", within));
                String calls = Integer.toString(cpus * (cpus + 1) / 2);
                assertEquals(calls, p.awaitValue("jbpf_exec_counter_call_stats_call_count_total{key=\"7\"}", calls, within),
                        "sum over " + cpus + " CPUs");
                String max = Long.toString(100L * cpus);
                assertEquals(max, p.awaitValue("jbpf_exec_counter_call_stats_max_bytes{key=\"7\"}", max, within), "max over CPUs");
                assertEquals("1", p.awaitValue("up{job=\"jbpf\"}", "1", within));
            }
            assertNothingWritesOverHttp(server, bpf);
        }
    }

    /** Any request method answers with the same reading of the maps; none changes them. */
    private static void assertNothingWritesOverHttp(MetricsServer server, BPF bpf) throws Exception {
        BpfMap<Integer, Long> hist = bpf.map(ExecCounter.latencyHist);
        List<Long> before = hist.values();
        HttpClient http = HttpClient.newHttpClient();
        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpRequest r = HttpRequest.newBuilder(URI.create(server.url()))
                    .method(method, HttpRequest.BodyPublishers.ofString("jbpf_exec_counter_latency_hist_bucket{le=\"15.0\"} 0")).build();
            http.send(r, HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(before, hist.values());
        String text = http.send(HttpRequest.newBuilder(URI.create(server.url())).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(text.contains("jbpf_exec_counter_latency_hist_bucket{le=\"15.0\"} 10\n"), text);
        assertFalse(text.contains("jbpf_exec_counter_events"), "the ring buffer is not a metric:\n" + text);
    }

    private static CallStats stats(long calls, long maxBytes) {
        CallStats s = new CallStats();
        s.callCount = calls;
        s.maxBytes = maxBytes;
        return s;
    }
}
