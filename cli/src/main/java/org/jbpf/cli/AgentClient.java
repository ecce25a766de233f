package org.jbpf.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Loads the jbpf agent into a running JVM with one request and reads back its verdict: the agent leaves one line per
 * probe ("ok: ..." or "failed: ...") in a system property of the target named after a token of this request.
 */
final class AgentClient {
    static final String REPORT_PREFIX = "org.jbpf.agent.report.";

    private AgentClient() {}

    /** Runs {@code options} (e.g. {@code probes=com.acme.A}) in JVM {@code pid}; returns the agent's verdict lines. */
    static List<String> send(String pid, Path jar, String options) throws IOException {
        if (!Files.isRegularFile(jar))
            throw new IllegalArgumentException("agent jar " + jar + " not found; build it with scripts/setup");
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (AttachNotSupportedException | IOException e) {
            throw new IllegalArgumentException("cannot attach to JVM " + pid + ": " + e.getMessage()
                    + " (is it a running JVM of the same user? jps lists them)");
        }
        String token = UUID.randomUUID().toString();
        try {
            vm.loadAgent(jar.toAbsolutePath().toString(), options + ";report=" + token);
            String report = vm.getSystemProperties().getProperty(REPORT_PREFIX + token);
            if (report == null) throw new IllegalStateException("JVM " + pid + " loaded the agent but it gave no verdict; its log says why");
            return report.lines().toList();
        } catch (AgentLoadException | AgentInitializationException e) {
            throw new IllegalStateException("JVM " + pid + " refused the agent: " + e.getMessage());
        } finally {
            vm.detach();
        }
    }

    /** $JBPF_AGENT_JAR, else the agent module's jar in the source tree this command was built in. */
    static Path defaultAgentJar() throws IOException {
        String env = System.getenv("JBPF_AGENT_JAR");
        if (env != null && !env.isBlank()) return Path.of(env);
        Path here;
        try {
            here = Path.of(AgentClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
