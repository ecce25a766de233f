package org.jbpf.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "detach", mixinStandardHelpOptions = true,
        description = "Detach probes that jbpf attach (or -javaagent) loaded into a running JVM, and remove their MBeans.",
        footer = {"", "Exit status: 0 detached, 1 a named probe was not attached or no such JVM, 2 usage error."})
final class DetachCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PID", description = "process id of the running JVM")
    String pid;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "PROBE", description = "binary names of the probes (default: every probe)")
    List<String> probes;

    @Option(names = "--agent-jar", description = "the jbpf agent jar (default: $JBPF_AGENT_JAR, else agent/target/jbpf-agent-*.jar of this build)")
    Path agentJar;

    @Override public Integer call() throws Exception {
        Path jar = agentJar != null ? agentJar : AgentClient.defaultAgentJar();
        String names = probes == null || probes.isEmpty() ? "*" : String.join(",", probes);
        return AttachCommand.printVerdict(pid, AgentClient.send(pid, jar, "detach=" + names));
    }
}
