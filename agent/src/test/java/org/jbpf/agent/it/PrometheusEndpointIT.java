package org.jbpf.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.testsupport.Kernel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** -javaagent:...=probes=...,prometheus=host:port: the application's probes on a metrics endpoint of its own. */
class PrometheusEndpointIT {
    @BeforeEach void needsKernel() {
        Kernel.require();
    }

    /** The application may have a Prometheus client of its own: the agent's copy is relocated out of its way. */
    @Test void theAgentsPrometheusClientIsRelocated() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(AgentIT.AGENT)) {
            assertEquals(0, jar.stream().filter(e -> e.getName().startsWith("io/prometheus/")).count());
            assertTrue(jar.getEntry("org/jbpf/shaded/io/prometheus/metrics/model/registry/PrometheusRegistry.class") != null);
        }
    }

    @Test @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void theAgentServesTheProbesMaps() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/metrics";
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest scrape = HttpRequest.newBuilder(URI.create(url)).build();
        try (ChildJvm child = new ChildJvm("-javaagent:" + AgentIT.AGENT + "=probes=" + OpenProbe.class.getName() + ",prometheus=127.0.0.1:" + port)) {
            child.awaitOutput("jbpf agent: attached OpenProbe", 60);  // the agent loads probes on its own thread
            child.awaitOutput("app ready", 60);
            assertTrue(child.output().contains("jbpf agent: attached OpenProbe (1 programs, maps [opens] as MBeans org.jbpf:type=map,..., served at "
                    + url + ")"), child.output());
            Pattern own = Pattern.compile("jbpf_open_probe_opens\\{key=\"" + child.process.pid() + "\"} (\\d+)\\.0\n");
            long opens = 0;
            for (int i = 0; i < 100 && opens < 10; i++) {
                Matcher m = own.matcher(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body());
                if (m.find()) opens = Long.parseLong(m.group(1));
                Thread.sleep(50);
            }
            assertTrue(opens >= 10, "the child's opens on the agent's endpoint: " + opens);
            assertEquals(0, child.stop(), child.output());
        }
        assertThrows(java.net.ConnectException.class, () -> http.send(scrape, HttpResponse.BodyHandlers.ofString()),
                "the endpoint closes with the application");
    }
}
