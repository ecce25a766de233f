package org.jbpf.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * The agent's argument string, options separated by ';': {@code probes=com.acme.A,com.acme.B} loads probes,
 * {@code detach=com.acme.A} (or {@code detach=*}) detaches them, and {@code report=<token>} (set by
 * {@code jbpf attach}/{@code detach}) asks for the verdict in the system property {@link #REPORT_PREFIX}{@code <token>}.
 * {@code prometheus=host:port} serves the probes' maps as metrics; it may also stand in the probe list
 * ({@code probes=com.acme.A,prometheus=127.0.0.1:9436}).
 */
record AgentOptions(List<String> probes, List<String> detach, String report, String prometheus) {
    static final String REPORT_PREFIX = "org.jbpf.agent.report.";

    static AgentOptions parse(String args) {
        List<String> probes = new ArrayList<>(), detach = new ArrayList<>();
        String report = null, prometheus = null;
        if (args != null) {
            for (String option : args.split(";")) {
                String o = option.strip();
                if (o.isEmpty()) continue;
                if (o.startsWith("probes=")) names(o.substring("probes=".length()), probes);
                else if (o.startsWith("detach=")) names(o.substring("detach=".length()), detach);
                else if (o.startsWith("report=")) report = o.substring("report=".length()).strip();
                else if (o.startsWith("prometheus=")) prometheus = o.substring("prometheus=".length()).strip();
                else throw new IllegalArgumentException("unknown agent option '" + o + "'; write probes=com.acme.MyProbe,com.acme.Other");
            }
        }
        for (String p : List.copyOf(probes))
            if (p.startsWith("prometheus=")) {
                prometheus = p.substring("prometheus=".length());
                probes.remove(p);
            }
        if (probes.isEmpty() && detach.isEmpty())
            throw new IllegalArgumentException("no probes named; write -javaagent:jbpf-agent.jar=probes=com.acme.MyProbe");
        return new AgentOptions(List.copyOf(probes), List.copyOf(detach), report, prometheus);
    }

    private static void names(String list, List<String> into) {
        for (String p : list.split(",")) if (!p.isBlank()) into.add(p.strip());
    }
}
