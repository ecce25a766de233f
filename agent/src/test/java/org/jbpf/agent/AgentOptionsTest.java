package org.jbpf.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent's argument string, with the metrics endpoint as its own option or inside the probe list. */
class AgentOptionsTest {
    @Test void prometheusEndpointEitherWay() {
        assertEquals(new AgentOptions(List.of("com.acme.P"), List.of(), null, "127.0.0.1:9436", false, false), AgentOptions.parse("probes=com.acme.P,prometheus=127.0.0.1:9436"));
        assertEquals(new AgentOptions(List.of("com.acme.P", "com.acme.Q"), List.of(), null, "9436", false, false), AgentOptions.parse("probes=com.acme.P,com.acme.Q;prometheus=9436"));
        assertEquals(new AgentOptions(List.of("com.acme.P"), List.of(), null, null, false, false), AgentOptions.parse("probes=com.acme.P"));
    }

    @Test void unknownOptionsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("probes=com.acme.P;jmx=off"));
        assertEquals("unknown agent option 'jmx=off'; write probes=com.acme.MyProbe,com.acme.Other"
                + " (options: probes=, detach=, scope=jvm|system, prometheus=host:port, verbose)", e.getMessage());
    }

    @Test void scopeLimitsProbesToThisJvmOrNot() {
        assertEquals(new AgentOptions(List.of("com.acme.P"), List.of(), null, null, true, false), AgentOptions.parse("probes=com.acme.P;scope=jvm"));
        assertEquals(new AgentOptions(List.of("com.acme.P"), List.of(), null, null, false, false), AgentOptions.parse("scope=system;probes=com.acme.P"));
        var e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("probes=com.acme.P;scope=thread"));
        assertEquals("unknown scope 'thread'; write scope=jvm (this JVM's threads only) or scope=system (every process)", e.getMessage());
    }

    @Test void verboseAsksForTheVerifierLog() {
        assertEquals(new AgentOptions(List.of("com.acme.P"), List.of(), "t", null, false, true), AgentOptions.parse("probes=com.acme.P;report=t;verbose"));
    }
}
