package org.jbpf.agent;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry points of the agent jar: {@code -javaagent:jbpf-agent.jar=probes=com.acme.A,com.acme.B} at start-up, or
 * {@code jbpf attach PID com.acme.A} into a running JVM. Nothing here may throw into the application: a probe that
 * fails is reported in the application's log (and, for {@code jbpf attach}, back to the command) and the others go on.
 */
public final class JbpfAgent {
    private JbpfAgent() {}

    /** At start-up the probes load on a thread of their own, so the application's main method does not wait for them. */
    public static void premain(String args, Instrumentation inst) {
        Thread loader = new Thread(() -> start(args, inst), "jbpf-agent");
        loader.setDaemon(true);
        loader.start();
    }

    /** On dynamic attach (the JVM's attach listener thread, not the application's) the command waits for the verdict. */
    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst);
    }

    private static void start(String args, Instrumentation inst) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
        } catch (RuntimeException e) {
            AgentLog.error("jbpf agent not started: " + e.getMessage(), e);
            return;
        }
        List<String> verdicts = new ArrayList<>();
        try {
            ProbeClasses classes = new ProbeClasses(inst);
            for (String probe : options.detach()) verdicts.add(LoadedProbes.INSTANCE.detach(probe));
            for (String probe : options.probes()) verdicts.add(LoadedProbes.INSTANCE.load(probe, classes, options.prometheus(), options.jvmOnly(),
                    options.verbose() || Boolean.getBoolean("jbpf.agent.verbose")));
        } catch (RuntimeException | LinkageError e) {
            AgentLog.error("jbpf agent not started: " + e.getMessage(), e);
            verdicts.add("failed: jbpf agent not started: " + e.getMessage());
        }
        if (options.report() != null) System.setProperty(AgentOptions.REPORT_PREFIX + options.report(), String.join("\n", verdicts));
    }
}
