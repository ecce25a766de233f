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
        checkReachable(pid);   // first: a missing process or privilege is what stops the user, whatever is built
        if (!Files.isRegularFile(jar))
            throw new IllegalArgumentException("agent jar " + jar + " not found; build it with scripts/setup");
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (AttachNotSupportedException | IOException e) {
            throw new IllegalArgumentException("cannot attach to JVM " + pid + ": " + e.getMessage()
                    + " (is it a running JVM? jps lists this user's)");
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

    /**
     * Says, before the attach API does in its own words, when {@code pid} is no process or one of another user: the
     * JVM lets in only its own user (and root), so that is a missing privilege (exit 4), not a missing JVM; and when
     * it is a process the attach API's signal would end ({@link JvmProcess}).
     */
    static void checkReachable(String pid) {
        if (!pid.matches("[1-9][0-9]{0,9}")) throw new Main.CommandFailure(ExitCodes.USAGE, "'" + pid + "' is not a process id");
        Path proc = Path.of("/proc", pid);
        int owner, self;
        try {
            owner = (Integer) Files.getAttribute(proc, "unix:uid");
            self = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            if (!Files.exists(proc)) throw new IllegalArgumentException("no process " + pid + " (jps lists the running JVMs)");
            return;  // cannot tell: the attach itself will say
        }
        if (self != 0 && owner != self)
            throw new Main.CommandFailure(ExitCodes.NO_PRIVILEGE, "process " + pid + " belongs to user id " + owner + " and this command runs as "
                    + self + "; a JVM lets in only its own user: run jbpf as that user or as root");
        JvmProcess.check(pid);
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
