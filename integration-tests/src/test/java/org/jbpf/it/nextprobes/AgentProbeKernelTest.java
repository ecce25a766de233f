package org.jbpf.it.nextprobes;

import static org.jbpf.it.Workloads.CLASSES;
import static org.jbpf.it.Workloads.JBPF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jbpf.it.KernelCheck;
import org.jbpf.testsupport.Jvm;
import org.jbpf.testsupport.Tools;
import org.junit.jupiter.api.Test;

/**
 * A probe loaded into a JVM that is already running, as README shows it: {@code jbpf attach --jvm-only <pid> Probe}
 * (the JVM agent translates it from the application's class path), its map read over JMX from another JVM, then
 * {@code jbpf detach}. The application reads /etc/hostname a known number of times; other processes' opens, also of
 * that file, are not counted with --jvm-only.
 */
class AgentProbeKernelTest {
    @Test void aProbeAttachedToARunningJvmCountsItsOwnOpensReadOverJmx() throws Exception {
        KernelCheck.require();
        Process app = new ProcessBuilder(Jvm.java(), "-cp", CLASSES + java.io.File.pathSeparator + Jvm.classPath(),
                HostnameApp.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        OutputStream in = app.getOutputStream();
        try {
            assertEquals("app ready", out.readLine());
            String pid = Long.toString(app.pid());
            String attached = Tools.check(JBPF.toString(), "attach", "--jvm-only", pid, HostnameOpens.class.getName());
            assertTrue(attached.contains("attached HostnameOpens"), attached);
            in.write("5\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            assertEquals("read 5", out.readLine());
            Tools.check("cat", "/etc/hostname");   // another process's open: not this JVM's
            assertEquals(Map.of(app.pid(), 5L), opens(pid));
            in.write("2\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            assertEquals("read 2", out.readLine());
            assertEquals(Map.of(app.pid(), 7L), opens(pid), "read at every get");
            String detached = Tools.check(JBPF.toString(), "detach", pid, HostnameOpens.class.getName());
            assertTrue(detached.contains("detached"), detached);
        } finally {
            in.close();
            if (!app.waitFor(30, TimeUnit.SECONDS)) app.destroyForcibly();
        }
        assertEquals(0, app.exitValue());
    }

    /** The probe's map {@code opens} as the JVM's MBean gives it: process id to count. */
    private static Map<Long, Long> opens(String pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(pid);
        String address = vm.startLocalManagementAgent();
        vm.detach();
        Map<Long, Long> counts = new HashMap<>();
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            TabularData rows = (TabularData) jmx.getMBeanServerConnection().getAttribute(
                    new ObjectName("org.jbpf:type=map,probe=HostnameOpens,name=opens"), "Entries");
            for (Object row : rows.values())
                counts.put((Long) ((CompositeData) row).get("key"), (Long) ((CompositeData) row).get("value"));
        }
        return counts;
    }
}
