package org.jbpf.bench;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.jbpf.BPF;
import org.jbpf.examples.Stats;
import org.jbpf.metrics.JbpfMetrics;
import org.jbpf.metrics.MetricsServer;
import org.jbpf.runtime.BpfMap;
import org.jbpf.translator.Translator;

/**
 * Cost of one Prometheus scrape of 10,000-entry maps: reading the maps from the kernel alone, reading plus building
 * and writing the exposition text in this process, and a whole scrape over HTTP on loopback. Printed, never asserted.
 * Run as root: {@code java -cp bench/target/jbpf-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)
 * org.jbpf.bench.MetricsScrapeBench [rounds]}.
 */
public final class MetricsScrapeBench {
    private MetricsScrapeBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        try (BPF bpf = BPF.load(Translator.translate(ScrapeTarget.class), ScrapeTarget.class)) {
            BpfMap<Integer, Long> counts = bpf.map(ScrapeTarget.counts);
            BpfMap<Integer, Stats> stats = bpf.map(ScrapeTarget.stats);
            for (int k = 0; k < 10_000; k++) {
                counts.put(k, (long) k * 3);
                Stats s = new Stats();
                s.count = k;
                s.totalTime = 1000L * k;
                s.maxTime = 7L * k;
                stats.put(k, s);
            }
            PrometheusRegistry registry = new PrometheusRegistry();
            JbpfMetrics.register(bpf, registry);
            PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
            long[] bytes = new long[1];
            double read = median(rounds, () -> { counts.entries(); stats.entries(); });
            double inProcess = median(rounds, () -> bytes[0] = write(writer, registry));
            double overHttp;
            try (MetricsServer server = JbpfMetrics.serve(bpf, "127.0.0.1:0")) {
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest get = HttpRequest.newBuilder(URI.create(server.url())).build();
                overHttp = median(rounds, () -> http.send(get, HttpResponse.BodyHandlers.discarding()));
            }
            System.out.printf("metrics scrape, maps of 10,000 entries: counts (hash, long) and stats (hash, 3 long fields): "
                    + "40,000 samples, %,d bytes of text%n", bytes[0]);
            System.out.printf("  %-44s %8.2f ms%n", "read both maps from the kernel (batch lookup)", read);
            System.out.printf("  %-44s %8.2f ms%n", "read + exposition text, in process", inProcess);
            System.out.printf("  %-44s %8.2f ms%n", "whole scrape over HTTP on loopback", overHttp);
            System.out.printf("  median of %d rounds after %d warm-up rounds%n", rounds, rounds / 2);
        }
    }

    private interface Step { void run() throws Exception; }

    /** Median wall time in ms of {@code step}, after half as many warm-up runs. */
    private static double median(int rounds, Step step) throws Exception {
        for (int i = 0; i < rounds / 2; i++) step.run();
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            step.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[rounds / 2];
    }

    private static long write(PrometheusTextFormatWriter writer, PrometheusRegistry registry) throws IOException {
        long[] n = new long[1];
        OutputStream count = new OutputStream() {
            @Override public void write(int b) { n[0]++; }
            @Override public void write(byte[] b, int off, int len) { n[0] += len; }
        };
        writer.write(count, registry.scrape());
        return n[0];
    }
}
