package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.metrics.Prereqs;
import org.jbpf.metrics.PrometheusServer;
import org.jbpf.testsupport.Kernel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** jbpf run --serve: the running probe's maps scraped over HTTP, and by Prometheus, while it runs. */
class ServeKernelTest {
    static final int FORKS = 12;

    @BeforeEach void needsKernel() {
        Kernel.require();
    }

    @Test @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void runServesTheCountsOfAChildThatForks(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run("run", "org.jbpf.examples.ProcessCounter",
                "-cp", CommandLineTest.EXAMPLES, "--duration", "8s", "--serve", "127.0.0.1:" + port));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
        String text = null;
        long deadline = System.currentTimeMillis() + 20_000;
        while (text == null && System.currentTimeMillis() < deadline) {
            try {
                text = http.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        assertTrue(text != null, "nothing served on port " + port);
        long child = forkingChild(dir);
        Pattern line = Pattern.compile("jbpf_process_counter_process_count_total\\{key=\"" + child + "\"} (\\S+)\n");
        Matcher m = line.matcher("");
        while (System.currentTimeMillis() < deadline && !(m = line.matcher(text)).find()) {
            Thread.sleep(100);
            text = http.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
        }
        assertTrue(m.find(0), "the child's clone() count:\n" + text);
        assertEquals(Double.toString(FORKS), m.group(1));
        assertTrue(text.contains("# HELP jbpf_process_counter_process_count_total hash map processCount of jbpf probe ProcessCounter: "
                + "value per key (at most 4096 entries)\n"), text);
        Cli r = run.get(30, TimeUnit.SECONDS);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("serving metrics at http://127.0.0.1:" + port + "/metrics\n"), r.out());
    }

    /** Numeric globals and load-time constants are gauges, read live; the byte array is left out. */
    @Test @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void runServesGlobalsAsGauges() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run("run", "org.jbpf.cli.probes.GetpidGlobals",
                "-cp", RunKernelTest.TEST_CLASSES, "--const", "factor=2", "--duration", "6s", "--serve", "127.0.0.1:" + port));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
        Pattern calls = Pattern.compile("\njbpf_getpid_globals_calls (\\S+)\n");
        String text = "";
        long deadline = System.currentTimeMillis() + 20_000;
        Matcher m = calls.matcher(text);
        while (System.currentTimeMillis() < deadline && !((m = calls.matcher(text)).find() && Double.parseDouble(m.group(1)) >= 6 * 50)) {
            // getpid from a child: each call adds step * factor = 6
            new ProcessBuilder("python3", "-c", "import os\nfor _ in range(50): os.getpid()").start().waitFor();
            try {
                text = http.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        assertTrue(m.find(0) && Double.parseDouble(m.group(1)) % 6 == 0, "calls counted in steps of 6:\n" + text);
        assertTrue(text.contains("# TYPE jbpf_getpid_globals_calls gauge\n"), text);
        assertTrue(text.contains("\njbpf_getpid_globals_step 3.0\n"), text);
        assertTrue(text.contains("# HELP jbpf_getpid_globals_factor load-time constant factor (.rodata) of jbpf probe GetpidGlobals\n"), text);
        assertTrue(text.contains("\njbpf_getpid_globals_factor 2.0\n"), text);
        assertTrue(!text.contains("jbpf_getpid_globals_last"), "a byte array is no gauge:\n" + text);
        assertEquals(0, run.get(30, TimeUnit.SECONDS).status());
    }

    /** The same through a real Prometheus server scraping jbpf run every second. */
    @Test @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void prometheusScrapesJbpfRun(@TempDir Path dir) throws Exception {
        Path binary = Prereqs.program("prometheus", "prometheus");
        int port = PrometheusServer.freePort();
        CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run("run", "org.jbpf.examples.ProcessCounter",
                "-cp", CommandLineTest.EXAMPLES, "--duration", "15s", "--serve", "127.0.0.1:" + port));
        try (PrometheusServer prometheus = PrometheusServer.start(binary, dir, List.of("127.0.0.1:" + port))) {
            assertEquals("1", prometheus.awaitValue("up{job=\"jbpf\"}", "1", Duration.ofSeconds(12)), prometheus.log());
            long child = forkingChild(dir);
            String clones = "jbpf_process_counter_process_count_total{key=\"" + child + "\"}";
            assertEquals(Integer.toString(FORKS), prometheus.awaitValue(clones, Integer.toString(FORKS), Duration.ofSeconds(10)),
                    clones + "\n" + prometheus.log());
        }
        Cli r = run.get(30, TimeUnit.SECONDS);
        assertEquals(0, r.status(), r.err());
    }

    @Test void exportTextWithoutServeIsRefused() {
        Cli r = Cli.run("run", "org.jbpf.examples.ProcessCounter", "-cp", CommandLineTest.EXAMPLES, "-d", "1s", "--export-text", "processCount");
        assertEquals(1, r.status());
        assertEquals("jbpf: --export-text needs --serve HOST:PORT\n", r.err());
    }

    @Test void aBadAddressSaysHowToWriteOne() {
        Cli r = Cli.run("run", "org.jbpf.examples.ProcessCounter", "-cp", CommandLineTest.EXAMPLES, "-d", "1s", "--serve", "localhost:metrics");
        assertEquals(1, r.status());
        assertEquals("jbpf: bad metrics address 'localhost:metrics'; write host:port, e.g. 127.0.0.1:9435, [::1]:9435, or a port "
                + "alone for loopback\n", r.err());
    }

    /** A shell script that forks {@link #FORKS} subshells (each a clone() call of the script) and exits; its pid. */
    private static long forkingChild(Path dir) throws Exception {
        Path script = dir.resolve("forker");
        Files.writeString(script, "#!/bin/sh\ni=0\nwhile [ $i -lt " + FORKS + " ]; do ( : ); i=$((i+1)); done\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Process p = new ProcessBuilder(script.toString()).inheritIO().start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return p.pid();
    }
}
