package org.jbpf.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.tools.attach.VirtualMachine;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jbpf.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real child JVM with the agent, at start-up and by dynamic attach; its maps read over JMX from this JVM. */
class AgentIT {
    static final String AGENT = System.getProperty("agent.jar");
    static final ObjectName OPENS = name("org.jbpf:type=map,probe=OpenProbe,name=opens");

    @BeforeEach void needsKernel() {
        String refusal = null;
        if (!"Linux".equals(System.getProperty("os.name"))) refusal = "not Linux";
        else if (!"root".equals(System.getProperty("user.name"))) refusal = "not running as root (bpf(2) needs CAP_BPF/CAP_SYS_ADMIN)";
        if (refusal == null) return;
        if ("1".equals(System.getenv("JBPF_REQUIRE_KERNEL"))) fail("JBPF_REQUIRE_KERNEL=1 but " + refusal);
        System.out.println("SKIPPED (kernel): " + refusal);
        Assumptions.abort(refusal);
    }

    @Test void javaagentAttachesProbesPublishesMapsAndDetachesAtExit() throws Exception {
        try (ChildJvm child = new ChildJvm("-javaagent:" + AGENT + "=probes=" + OpenProbe.class.getName() + "," + FloatProbe.class.getName())) {
            child.awaitOutput("app ready", 60);
            String startup = child.output();
            assertTrue(startup.contains("jbpf agent: attached OpenProbe (1 programs, maps [opens]"), startup);
            assertTrue(startup.contains("jbpf agent: probe org.jbpf.agent.it.FloatProbe not loaded: FloatProbe.java:12: "), startup);
            long opens = opensOf(child.process.pid());
            assertTrue(opens >= 10, "opens counted for the child: " + opens);
            assertEquals(0, child.stop(), child.output());
            assertTrue(child.output().contains("app done"), "the application ran to its end:\n" + child.output());
            assertTrue(child.output().contains("jbpf agent: detached org.jbpf.agent.it.OpenProbe (1 programs)"), child.output());
        }
    }

    @Test void dynamicAttachLoadsProbesIntoARunningJvm() throws Exception {
        try (ChildJvm child = new ChildJvm()) {
            child.awaitOutput("app ready", 60);
            assertTrue(!child.output().contains("jbpf agent"), child.output());
            int status = Main.run("attach", Long.toString(child.process.pid()), OpenProbe.class.getName(), "--agent-jar", AGENT);
            assertEquals(0, status);
            child.awaitOutput("jbpf agent: attached OpenProbe", 60);
            long opens = opensOf(child.process.pid());
            assertTrue(opens >= 10, "opens counted for the child: " + opens);
            assertEquals(0, child.stop(), child.output());
            assertTrue(child.output().contains("jbpf agent: detached org.jbpf.agent.it.OpenProbe (1 programs)"), child.output());
        }
    }

    @Test void attachingANonJvmFailsWithOneLine() {
        assertEquals(1, Main.run("attach", "999999999", OpenProbe.class.getName(), "--agent-jar", AGENT));
    }

    /** Reads the child's own entry of OpenProbe.opens over JMX, waiting for it to reach 10 opens. */
    private static long opensOf(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String url;
        try {
            url = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        try (JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(url))) {
            MBeanServerConnection server = c.getMBeanServerConnection();
            assertEquals("hash", server.getAttribute(OPENS, "Type"));
            assertEquals(10240, server.getAttribute(OPENS, "MaxEntries"));
            long seen = 0;
            for (int i = 0; i < 100 && seen < 10; i++) {
                TabularData entries = (TabularData) server.getAttribute(OPENS, "Entries");
                for (Object row : entries.values()) {
                    CompositeData e = (CompositeData) row;
                    if (e.get("key").equals(Long.toString(pid))) seen = Long.parseLong((String) e.get("value"));
                }
                Thread.sleep(50);
            }
            return seen;
        }
    }

    private static ObjectName name(String s) {
        try {
            return new ObjectName(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
