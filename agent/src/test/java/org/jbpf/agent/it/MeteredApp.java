package org.jbpf.agent.it;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An application with Micrometer of its own: a registry in Metrics.globalRegistry, as Spring Boot adds its own, the
 * probe class loaded, and, on each line of stdin, the value of its own entry of the probe's map as a meter shows it.
 */
public final class MeteredApp {
    public static void main(String[] args) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        String probe = OpenProbe.class.getName();  // loaded here, where the agent finds it
        String pid = Long.toString(ProcessHandle.current().pid());
        System.out.println("app ready " + pid + " " + probe + " in " + MeteredApp.class.getClassLoader().getName());
        System.out.flush();
        int c;
        while ((c = System.in.read()) >= 0) {
            if (c != '\n') continue;
            for (int i = 0; i < 20; i++) Files.readAllBytes(Path.of("/proc/self/stat"));
            Meter m = registry.find("jbpf_open_probe_opens").tags("key", pid).meter();
            double v = m == null ? -1 : m.measure().iterator().next().getValue();
            System.out.println("meter " + (long) v);
            System.out.flush();
        }
    }
}
