package org.jbpf.metrics;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Prometheus server for a test: started on a free loopback port with a generated scrape config and its own
 * storage directory, queried through its HTTP API, stopped by {@link #close} (forcibly when it does not stop in time).
 */
public final class PrometheusServer implements AutoCloseable {
    private static final Pattern SCALAR = Pattern.compile("\"value\":\\[[0-9.e+]+,\"([^\"]+)\"\\]");

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Prometheus scraping {@code targets} (host:port) every second and waits until it answers. */
    public static PrometheusServer start(Path binary, Path dir, List<String> targets) throws IOException, InterruptedException {
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  scrape_timeout: 900ms\n  evaluation_interval: 1s\n"
                + "scrape_configs:\n  - job_name: jbpf\n    static_configs:\n      - targets: ["
                + String.join(", ", targets.stream().map(t -> "'" + t + "'").toList()) + "]\n");
        int port = freePort();
        Path log = dir.resolve("prometheus.log");
        Process p = new ProcessBuilder(binary.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(p, port, log);
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            if (!p.isAlive()) throw new IllegalStateException("prometheus exited with " + p.exitValue() + ":\n" + server.log());
            try {
                if (server.get("/-/ready").statusCode() == 200) return server;
            } catch (IOException notYet) {
                // still starting
            }
            if (System.currentTimeMillis() > deadline) {
                server.close();
                throw new IllegalStateException("prometheus did not become ready in 30 s:\n" + server.log());
            }
            Thread.sleep(200);
        }
    }

    /** The value of an instant PromQL query that yields one sample, or null while it yields none. */
    public String query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> r = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        if (r.statusCode() != 200) throw new IllegalStateException("query " + promql + " answered " + r.statusCode() + ": " + r.body());
        Matcher m = SCALAR.matcher(r.body());
        return m.find() ? m.group(1) : null;
    }

    /** Repeats {@code promql} until it yields {@code expected}; returns the last value seen when time runs out. */
    public String awaitValue(String promql, String expected, Duration within) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + within.toMillis();
        String last = null;
        while (System.currentTimeMillis() < deadline) {
            last = query(promql);
            if (expected.equals(last)) return last;
            Thread.sleep(250);
        }
        return last;
    }

    public String log() throws IOException { return Files.exists(log) ? Files.readString(log) : ""; }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
