package org.jbpf.agent;

import java.lang.instrument.Instrumentation;

/**
 * Entry points of the agent jar: {@code -javaagent:jbpf-agent.jar=probes=com.acme.A,com.acme.B} at start-up, or
 * {@code jbpf attach PID com.acme.A} into a running JVM. Nothing here may throw into the application: a probe that
 * fails is reported in the application's log and the others go on.
 */
public final class JbpfAgent {
    private JbpfAgent() {}

    public static void premain(String args, Instrumentation inst) {
        start(args, inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst);
    }

    private static void start(String args, Instrumentation inst) {
        try {
            AgentOptions options = AgentOptions.parse(args);
            ProbeClasses classes = new ProbeClasses(inst);
            for (String probe : options.probes()) LoadedProbes.INSTANCE.load(probe, classes, options.prometheus());
        } catch (RuntimeException | LinkageError e) {
            AgentLog.error("jbpf agent not started: " + e.getMessage(), e);
        }
    }
}
