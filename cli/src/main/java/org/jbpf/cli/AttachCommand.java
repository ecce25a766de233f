package org.jbpf.cli;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Load the jbpf agent into a running JVM, which translates the named probe classes with its own "
                + "class loader, attaches them and publishes their maps as JMX MBeans (org.jbpf:type=map,...).",
                "The JVM's log reports each probe; one that fails does not stop the others or the application."},
        footer = {"", "Exit status: 0 agent loaded, 1 error (no such JVM, agent jar not found or refused)."})
final class AttachCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PID", description = "process id of the running JVM")
    String pid;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PROBE", description = "binary names of @Bpf classes, e.g. com.acme.MyProbe")
    List<String> probes;

    @Option(names = "--agent-jar", description = "the jbpf agent jar (default: agent/target/jbpf-agent-*.jar beside this jbpf, or $JBPF_AGENT_JAR)")
    Path agentJar;

    @Override public Integer call() throws Exception {
        Path jar = agentJar != null ? agentJar : defaultAgentJar();
        if (!Files.isRegularFile(jar)) throw new IllegalArgumentException("agent jar " + jar + " not found; build it with mvn -q -pl agent install");
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (com.sun.tools.attach.AttachNotSupportedException | IOException e) {
            throw new IllegalArgumentException("cannot attach to JVM " + pid + ": " + e.getMessage()
                    + " (is it a running JVM of the same user? jps lists them)");
        }
        try {
            vm.loadAgent(jar.toAbsolutePath().toString(), "probes=" + String.join(",", probes));
        } catch (com.sun.tools.attach.AgentLoadException | com.sun.tools.attach.AgentInitializationException e) {
            throw new IllegalStateException("JVM " + pid + " refused the agent: " + e.getMessage());
        } finally {
            vm.detach();
        }
        System.out.println("loaded the jbpf agent into JVM " + pid + " with probes " + String.join(", ", probes)
                + "; its log says how each probe went");
        return ExitCodes.OK;
    }

    /** $JBPF_AGENT_JAR, else the agent module's jar in the source tree this command was built in. */
    static Path defaultAgentJar() throws IOException {
        String env = System.getenv("JBPF_AGENT_JAR");
        if (env != null && !env.isBlank()) return Path.of(env);
        Path here;
        try {
            here = Path.of(AttachCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            return Path.of("agent/target/jbpf-agent.jar");
        }
        // cli/target/<jar or classes> -> <root>/agent/target
        Path target = here.getParent().getParent().getParent().resolve("agent/target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "jbpf-agent-*.jar")) {
                for (Path j : jars) if (!j.getFileName().toString().contains("original")) return j;
            }
        }
        return target.resolve("jbpf-agent.jar");
    }
}
