package org.jbpf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capabilities the deploy files grant (examples/deploy/jbpf.service, and the same in daemonset.yaml) are enough:
 * a JVM holding only those loads and attaches a tracepoint probe and serves the exact count of a workload.
 */
class PrivilegesKernelTest {
    @Test @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void theUnitsCapabilitiesAloneLoadAttachAndServe(@TempDir Path dir) throws Exception {
        Prereqs.kernel();
        Path setpriv = Prereqs.program("setpriv", "util-linux");
        List<String> caps = DeployFiles.unitCapabilities();
        String bounding = "-all," + caps.stream().map(c -> "+" + c).collect(Collectors.joining(","));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(setpriv.toString(), "--bounding-set", bounding, "--inh-caps", "-all", "--no-new-privs",
                java, "-cp", System.getProperty("java.class.path"), ServeMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String url = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
            assertNotNull(url, "the child JVM ended before serving (exit " + (child.isAlive() ? "-" : child.exitValue()) + ")");
            assertEquals(capabilityMask(caps), effectiveCapabilities(child.pid()), "the child holds exactly " + caps);

            ExecWorkload.run(dir);
            String line = "jbpf_exec_counter_exec_counts_total{comm=\"" + ExecWorkload.COMMAND + "\",uid=\"0\"} " + (double) ExecWorkload.EXECS + "\n";
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(text.contains(line), "expected " + line + "in\n" + text);
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(15, TimeUnit.SECONDS)) child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** CapEff of a process, from /proc. */
    private static long effectiveCapabilities(long pid) throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
            if (l.startsWith("CapEff:")) return Long.parseUnsignedLong(l.substring(7).strip(), 16);
        throw new IllegalStateException("no CapEff in /proc/" + pid + "/status");
    }

    /** Capability bits by the kernel's numbering (include/uapi/linux/capability.h). */
    private static long capabilityMask(List<String> caps) {
        long mask = 0;
        for (String c : caps) {
            switch (c) {
                case "perfmon" -> mask |= 1L << 38;
                case "bpf" -> mask |= 1L << 39;
                case "dac_read_search" -> mask |= 1L << 2;
                case "sys_admin" -> mask |= 1L << 21;
                default -> throw new IllegalArgumentException("capability " + c + " has no bit here yet");
            }
        }
        return mask;
    }
}
