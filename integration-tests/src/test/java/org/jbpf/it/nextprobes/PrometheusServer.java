package org.jbpf.it.nextprobes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.testsupport.Tools;

/**
 * Prometheus itself (the Debian package's {@code prometheus}) scraping one endpoint every second into a store of its
 * own in a temporary directory, asked over its HTTP API for what it stored.
 */
final class PrometheusServer {
    private PrometheusServer() {}

    private static final Pattern VALUE = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]");

    /** The value Prometheus stored for the series {@code selector} after scraping {@code target}, waiting up to 60 s. */
    static String scrapeOnce(URI target, String selector) throws Exception {
        Path dir = Files.createTempDirectory("jbpf-prometheus");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1s\nscrape_configs:\n"
                + "  - job_name: jbpf\n    metrics_path: " + target.getPath() + "\n    static_configs:\n      - targets: ['"
                + target.getHost() + ":" + target.getPort() + "']\n");
        Process prometheus = new ProcessBuilder(List.of(Tools.require("prometheus").toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port))
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI query = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < end) {
                try {
                    String body = http.send(HttpRequest.newBuilder(query).build(), HttpResponse.BodyHandlers.ofString()).body();
                    Matcher m = VALUE.matcher(body);
                    if (m.find()) return m.group(1);
                } catch (java.io.IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
            assertTrue(false, "Prometheus stored no " + selector + " within 60 s; its log:\n" + Files.readString(dir.resolve("log")));
            return null;
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(20, TimeUnit.SECONDS)) prometheus.destroyForcibly();
            Tools.run("rm", "-rf", dir.toString());
        }
    }
}
