package org.jbpf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * examples/deploy checked offline: the DaemonSet and scrape configs parse as YAML and say what docs/METRICS.md says
 * (capabilities, mounts, addresses, ports), the systemd unit grants the same capabilities, and promtool accepts the
 * static scrape config.
 */
class DeployFilesTest {
    @Test @SuppressWarnings("unchecked")
    void daemonSetGrantsOnlyBpfAndPerfmonAndMountsBpffsAndTracefs() throws Exception {
        Map<String, Object> ds = DeployFiles.yaml("daemonset.yaml");
        assertEquals("apps/v1", ds.get("apiVersion"));
        assertEquals("DaemonSet", ds.get("kind"));
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ds.get("spec")).get("template")).get("spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        Map<String, Object> security = (Map<String, Object>) container.get("securityContext");
        assertEquals(false, security.get("privileged"));
        assertEquals(false, security.get("allowPrivilegeEscalation"));
        Map<String, Object> caps = (Map<String, Object>) security.get("capabilities");
        assertEquals(List.of("ALL"), caps.get("drop"));
        assertEquals(List.of("BPF", "PERFMON"), caps.get("add"));
        assertEquals(List.of("bpf", "perfmon"), DeployFiles.unitCapabilities(), "the systemd unit grants the same");

        Map<String, String> mounts = new java.util.HashMap<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) container.get("volumeMounts")) mounts.put((String) m.get("name"), (String) m.get("mountPath"));
        Map<String, String> hostPaths = new java.util.HashMap<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) pod.get("volumes"))
            if (v.get("hostPath") instanceof Map<?, ?> h) hostPaths.put((String) v.get("name"), (String) h.get("path"));
        assertEquals(Map.of("bpffs", "/sys/fs/bpf", "tracefs", "/sys/kernel/tracing"), hostPaths);
        assertEquals("/sys/fs/bpf", mounts.get("bpffs"));
        assertEquals("/sys/kernel/tracing", mounts.get("tracefs"));
        assertEquals("/tmp", mounts.get("tmp"), "a read-only root needs a writable /tmp for JNA");

        List<String> args = (List<String>) container.get("args");
        assertEquals("run", args.get(0));
        assertEquals("$(POD_IP):9435", args.get(args.indexOf("--serve") + 1), "binds to the pod's address, not every interface");
        Map<String, Object> port = ((List<Map<String, Object>>) container.get("ports")).get(0);
        assertEquals(9435, port.get("containerPort"));
        Map<String, Object> annotations = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ds.get("spec"))
                .get("template")).get("metadata")).get("annotations");
        assertEquals("9435", annotations.get("prometheus.io/port"));
    }

    @Test void systemdUnitServesOnLoopbackUnlessTheHostSaysOtherwise() throws Exception {
        Map<String, Map<String, List<String>>> unit = DeployFiles.unit("jbpf.service");
        Map<String, List<String>> service = unit.get("Service");
        assertEquals(List.of("/opt/jbpf/bin/jbpf run ${JBPF_PROBE} --duration 0 --serve ${JBPF_SERVE}"), service.get("ExecStart"));
        assertTrue(service.get("Environment").contains("JBPF_SERVE=127.0.0.1:9435"), service.toString());
        assertEquals(List.of("-/etc/default/jbpf"), service.get("EnvironmentFile"));
        assertEquals(List.of("CAP_BPF CAP_PERFMON"), service.get("AmbientCapabilities"));
        assertEquals(List.of("/sys/fs/bpf"), service.get("ReadWritePaths"));
        assertEquals(List.of("multi-user.target"), unit.get("Install").get("WantedBy"));
    }

    @Test @SuppressWarnings("unchecked")
    void scrapeConfigsListTheHostsAndFindThePods() throws Exception {
        Map<String, Object> hosts = DeployFiles.yaml("prometheus.yml");
        Map<String, Object> job = ((List<Map<String, Object>>) hosts.get("scrape_configs")).get(0);
        assertEquals("jbpf", job.get("job_name"));
        List<String> targets = (List<String>) ((List<Map<String, Object>>) job.get("static_configs")).get(0).get("targets");
        assertEquals(3, targets.size());
        assertTrue(targets.stream().allMatch(t -> t.endsWith(":9435")), targets.toString());

        Map<String, Object> k8s = DeployFiles.yaml("prometheus-kubernetes.yml");
        Map<String, Object> podJob = ((List<Map<String, Object>>) k8s.get("scrape_configs")).get(0);
        assertEquals("pod", ((List<Map<String, Object>>) podJob.get("kubernetes_sd_configs")).get(0).get("role"));
        List<Map<String, Object>> relabel = (List<Map<String, Object>>) podJob.get("relabel_configs");
        assertEquals("jbpf", relabel.get(0).get("regex"));
        assertEquals("keep", relabel.get(0).get("action"));
        assertEquals("__address__", relabel.get(2).get("target_label"));
        assertEquals("$1:$2", relabel.get(2).get("replacement"));
    }

    /** systemd's own checker, on a copy whose ExecStart names this checkout's bin/jbpf (it checks the file exists). */
    @Test void systemdAnalyzeVerifiesTheUnit(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path analyze = Prereqs.optionalProgram("systemd-analyze", "systemd");
        Path jbpf = DeployFiles.DIR.resolve("../../bin/jbpf").normalize();
        Path unit = dir.resolve("jbpf.service");
        java.nio.file.Files.writeString(unit, java.nio.file.Files.readString(DeployFiles.DIR.resolve("jbpf.service"))
                .replace("/opt/jbpf/bin/jbpf", jbpf.toString()));
        Process p = new ProcessBuilder(analyze.toString(), "verify", unit.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("", out.strip());
    }

    @Test void promtoolAcceptsTheStaticScrapeConfig() throws Exception {
        Path promtool = Prereqs.program("promtool", "prometheus");
        Process p = new ProcessBuilder(promtool.toString(), "check", "config", DeployFiles.DIR.resolve("prometheus.yml").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("SUCCESS"), out);
    }
}
