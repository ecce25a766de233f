package org.jbpf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.testsupport.Skip;
import org.junit.jupiter.api.Test;

/** The endpoint listens on loopback unless told otherwise; a port in use is one clear error. */
class MetricsServerTest {
    /** The kernel's table of listening sockets (/proc/net/tcp) shows the bound address; no traffic leaves loopback. */
    @Test void aBarePortListensOnLoopbackOnly() throws Exception {
        // a kernel without IPv6 is a legitimate machine, not a missing part of one
        if (!Files.isReadable(Path.of("/proc/net/tcp6"))) Skip.optional("ipv6", "no /proc/net/tcp6 on this system (IPv6 is off)");
        try (MetricsServer server = MetricsServer.start(new PrometheusRegistry(), "0")) {
            assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
            assertEquals(List.of("127.0.0.1"), listeningAddresses(server.port()), "bound to loopback only");
        }
        try (MetricsServer named = MetricsServer.start(new PrometheusRegistry(), "0.0.0.0:0")) {
            assertEquals(List.of("any"), listeningAddresses(named.port()), "an address named is used as named");
        }
    }

    @Test void aPortInUseSaysSo() throws Exception {
        try (MetricsServer first = MetricsServer.start(new PrometheusRegistry(), "127.0.0.1:0")) {
            var e = assertThrows(java.io.UncheckedIOException.class,
                    () -> MetricsServer.start(new PrometheusRegistry(), "127.0.0.1:" + first.port()));
            assertEquals("cannot serve metrics on 127.0.0.1:" + first.port() + ": Address already in use (is the port in use? "
                    + "pick another with host:port)", e.getMessage());
        }
    }

    /**
     * The local addresses of the sockets listening on {@code port}, from /proc/net/tcp and tcp6 (the JVM listens on
     * IPv6 sockets, where 127.0.0.1 is ::ffff:127.0.0.1): "127.0.0.1", "any", or the kernel's hex otherwise.
     */
    private static List<String> listeningAddresses(int port) throws IOException {
        String suffix = String.format(":%04X", port);
        List<String> out = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            if (!Files.isReadable(Path.of(table))) continue;
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (!f[1].endsWith(suffix) || !f[3].equals("0A")) continue;
                String hex = f[1].substring(0, f[1].indexOf(':'));
                out.add(hex.equals("0100007F") || hex.equals("0000000000000000FFFF00000100007F") ? "127.0.0.1"
                        : hex.chars().allMatch(c -> c == '0') ? "any" : hex);
            }
        }
        return out;
    }
}
