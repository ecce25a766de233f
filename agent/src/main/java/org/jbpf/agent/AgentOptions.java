package org.jbpf.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * The agent's argument string: {@code probes=com.acme.A,com.acme.B} (options separated by ';'), and
 * {@code prometheus=host:port} to serve the probes' maps (also accepted inside the probe list).
 */
record AgentOptions(List<String> probes, String prometheus) {
    static AgentOptions parse(String args) {
        List<String> probes = new ArrayList<>();
        String prometheus = null;
        if (args != null) {
            for (String option : args.split(";")) {
                String o = option.strip();
                if (o.isEmpty()) continue;
                if (o.startsWith("prometheus=")) {
                    prometheus = o.substring("prometheus=".length());
                    continue;
                }
                if (!o.startsWith("probes="))
                    throw new IllegalArgumentException("unknown agent option '" + o + "'; write probes=com.acme.MyProbe,com.acme.Other");
                for (String p : o.substring("probes=".length()).split(",")) {
                    if (p.strip().startsWith("prometheus=")) prometheus = p.strip().substring("prometheus=".length());
                    else if (!p.isBlank()) probes.add(p.strip());
                }
            }
        }
        if (probes.isEmpty())
            throw new IllegalArgumentException("no probes named; write -javaagent:jbpf-agent.jar=probes=com.acme.MyProbe");
        return new AgentOptions(List.copyOf(probes), prometheus);
    }
}
