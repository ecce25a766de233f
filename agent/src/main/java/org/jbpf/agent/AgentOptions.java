package org.jbpf.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * The agent's argument string, options separated by ';': {@code probes=com.acme.A,com.acme.B} loads probes,
 * {@code detach=com.acme.A} (or {@code detach=*}) detaches them, and {@code report=<token>} (set by
 * {@code jbpf attach}/{@code detach}) asks for the verdict in the system property {@link #REPORT_PREFIX}{@code <token>}.
 * {@code prometheus=host:port} serves the probes' maps as metrics; it may also stand in the probe list
 * ({@code probes=com.acme.A,prometheus=127.0.0.1:9436}). {@code scope=jvm} limits the probes' tracing programs to
 * this JVM's threads (other processes' events are not seen); {@code scope=system}, the default, sees every process.
 * {@code verbose} logs a failed probe's verifier log and stack trace beneath its one line.
 */
record AgentOptions(List<String> probes, List<String> detach, String report, String prometheus, boolean jvmOnly, boolean verbose) {
    static final String REPORT_PREFIX = "org.jbpf.agent.report.";

    static AgentOptions parse(String args) {
        List<String> probes = new ArrayList<>(), detach = new ArrayList<>();
        String report = null, prometheus = null;
        boolean jvmOnly = false, verbose = false;
        if (args != null) {
            for (String option : args.split(";")) {
                String o = option.strip();
                if (o.isEmpty()) continue;
                if (o.startsWith("probes=")) names(o.substring("probes=".length()), probes);
                else if (o.startsWith("detach=")) names(o.substring("detach=".length()), detach);
                else if (o.startsWith("report=")) report = o.substring("report=".length()).strip();
                else if (o.startsWith("prometheus=")) prometheus = o.substring("prometheus=".length()).strip();
                else if (o.startsWith("scope=")) jvmOnly = scope(o.substring("scope=".length()).strip());
                else if (o.equals("verbose")) verbose = true;
                else throw new IllegalArgumentException("unknown agent option '" + o + "'; write probes=com.acme.MyProbe,com.acme.Other"
                        + " (options: probes=, detach=, scope=jvm|system, prometheus=host:port, verbose)");
            }
        }
        for (String p : List.copyOf(probes))
            if (p.startsWith("prometheus=")) {
                prometheus = p.substring("prometheus=".length());
                probes.remove(p);
            }
        if (probes.isEmpty() && detach.isEmpty())
            throw new IllegalArgumentException("no probes named; write -javaagent:jbpf-agent.jar=probes=com.acme.MyProbe");
        return new AgentOptions(List.copyOf(probes), List.copyOf(detach), report, prometheus, jvmOnly, verbose);
    }

    /** True for scope=jvm, false for scope=system. */
    private static boolean scope(String value) {
        return switch (value) {
            case "jvm" -> true;
            case "system" -> false;
            default -> throw new IllegalArgumentException("unknown scope '" + value + "'; write scope=jvm (this JVM's threads only) "
                    + "or scope=system (every process)");
        };
    }

    private static void names(String list, List<String> into) {
        for (String p : list.split(",")) if (!p.isBlank()) into.add(p.strip());
    }
}
