package org.jbpf.agent;

import java.util.ArrayList;
import java.util.List;

/** The agent's argument string: {@code probes=com.acme.A,com.acme.B} (options separated by ';'). */
record AgentOptions(List<String> probes) {
    static AgentOptions parse(String args) {
        List<String> probes = new ArrayList<>();
        if (args != null) {
            for (String option : args.split(";")) {
                String o = option.strip();
                if (o.isEmpty()) continue;
                if (!o.startsWith("probes="))
                    throw new IllegalArgumentException("unknown agent option '" + o + "'; write probes=com.acme.MyProbe,com.acme.Other");
                for (String p : o.substring("probes=".length()).split(",")) if (!p.isBlank()) probes.add(p.strip());
            }
        }
        if (probes.isEmpty())
            throw new IllegalArgumentException("no probes named; write -javaagent:jbpf-agent.jar=probes=com.acme.MyProbe");
        return new AgentOptions(List.copyOf(probes));
    }
}
