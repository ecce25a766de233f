package org.jbpf.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The running JVM that {@code attach} and {@code detach} talk to, and the agent jar they load into it (a picocli mixin). */
final class AgentTarget {
    @Parameters(index = "0", paramLabel = "PID", description = "process id of the running JVM")
    String pid;

    @Option(names = "--agent-jar", description = "the jbpf agent jar (default: $JBPF_AGENT_JAR, else agent/target/jbpf-agent-*.jar of this build)")
    Path agentJar;

    /** Runs {@code options} in the JVM's agent and prints its verdict; returns the exit status. */
    int send(String options) throws IOException {
        Path jar = agentJar != null ? agentJar : AgentClient.defaultAgentJar();
        return AttachCommand.printVerdict(pid, AgentClient.send(pid, jar, options));
    }
}
