package org.jbpf.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The HTTP endpoint serving a registry at {@code /metrics}. It answers reads only: a scrape reads the maps, and no
 * request writes to them. It binds to the loopback address unless the caller names another one.
 */
public final class MetricsServer implements AutoCloseable {
    private final HTTPServer server;
    private final String host;

    private MetricsServer(HTTPServer server, String host) {
        this.server = server;
        this.host = host;
    }

    /**
     * Starts serving {@code registry} on {@code address}: {@code host:port}, {@code [v6]:port}, or a bare {@code port}
     * or {@code :port} for the loopback address 127.0.0.1; port 0 picks a free port.
     */
    public static MetricsServer start(PrometheusRegistry registry, String address) {
        Address a = Address.parse(address);
        InetAddress ip;
        try {
            ip = InetAddress.getByName(a.host());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("metrics address " + address + ": unknown host " + a.host());
        }
        try {
            HTTPServer s = HTTPServer.builder().inetAddress(ip).port(a.port()).registry(registry).buildAndStart();
            return new MetricsServer(s, a.host());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + address + ": " + e.getMessage()
                    + " (is the port in use? pick another with host:port)", e);
        }
    }

    public int port() { return server.getPort(); }

    /** The URL Prometheus scrapes. */
    public String url() { return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/metrics"; }

    @Override public void close() { server.close(); }

    /** A parsed {@code host:port}. */
    record Address(String host, int port) {
        static final String LOOPBACK = "127.0.0.1";

        static Address parse(String text) {
            String t = text.trim();
            String host, port;
            if (t.startsWith("[")) {
                int end = t.indexOf("]:");
                if (end < 0) throw bad(text);
                host = t.substring(1, end);
                port = t.substring(end + 2);
            } else if (t.indexOf(':') != t.lastIndexOf(':')) {
                throw bad(text);  // a bare IPv6 address: the port cannot be told apart
            } else if (t.contains(":")) {
                host = t.substring(0, t.indexOf(':'));
                port = t.substring(t.indexOf(':') + 1);
            } else {
                host = "";
                port = t;
            }
            int p;
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw bad(text);
            }
            if (p < 0 || p > 65535) throw bad(text);
            return new Address(host.isEmpty() ? LOOPBACK : host, p);
        }

        private static IllegalArgumentException bad(String text) {
            return new IllegalArgumentException("bad metrics address '" + text + "'; write host:port, e.g. 127.0.0.1:9435, "
                    + "[::1]:9435, or a port alone for loopback");
        }
    }
}
