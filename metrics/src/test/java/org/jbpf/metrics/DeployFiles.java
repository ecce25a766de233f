package org.jbpf.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The files of examples/deploy, read as their tools read them: YAML documents and a systemd unit's sections. */
final class DeployFiles {
    static final Path DIR = repositoryRoot().resolve("examples/deploy");

    private DeployFiles() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(DIR.resolve(file)));
    }

    /** A systemd unit: section name to its settings, each setting to every value given (settings may repeat). */
    static Map<String, Map<String, List<String>>> unit(String file) throws IOException {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String raw : Files.readAllLines(DIR.resolve(file))) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (current == null || eq <= 0) throw new IllegalArgumentException(file + ": not a unit file line: " + raw);
            current.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>()).add(line.substring(eq + 1).strip());
        }
        return sections;
    }

    /** The capabilities the systemd unit grants, as the kernel names them (CAP_BPF -> bpf). */
    static List<String> unitCapabilities() throws IOException {
        List<String> caps = new ArrayList<>();
        for (String v : unit("jbpf.service").get("Service").get("CapabilityBoundingSet"))
            for (String c : v.split("\\s+")) caps.add(c.replaceFirst("^CAP_", "").toLowerCase(java.util.Locale.ROOT));
        return caps;
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/deploy"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("examples/deploy not found above " + Path.of("").toAbsolutePath());
        return p;
    }
}
