package org.jbpf.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jbpf.cli.Main;
import org.jbpf.testsupport.Kernel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real child JVM with the agent, at start-up and by dynamic attach; its maps read over JMX from this JVM. */
class AgentIT {
    static final String AGENT = System.getProperty("agent.jar");
    static final ObjectName OPENS = name("org.jbpf:type=map,probe=OpenProbe,name=opens");

    @BeforeEach void needsKernel() {
        Kernel.requireTracefs();
    }

    @Test void javaagentAttachesProbesPublishesMapsAndDetachesAtExit() throws Exception {
        try (ChildJvm child = new ChildJvm("-javaagent:" + AGENT + "=probes=" + OpenProbe.class.getName() + "," + FloatProbe.class.getName())) {
            // lastOpen is @Scratch: no MBean for it
            child.awaitOutput("jbpf agent: attached OpenProbe (1 programs, maps [opens] ", 60);
            child.awaitOutput("jbpf agent: probe org.jbpf.agent.it.FloatProbe not loaded: FloatProbe.java:12: ", 60);
            // the probes load on the agent's own thread: the application's main method did not wait for them
            String startup = child.output();
            assertTrue(startup.indexOf("app ready") < startup.indexOf("jbpf agent: attached"), startup);
            long opens = opensOf(child.process.pid(), 10);
            assertTrue(opens >= 10, "opens counted for the child: " + opens);
            assertEquals(0, child.stop(), child.output());
            assertTrue(child.output().contains("app done"), "the application ran to its end:\n" + child.output());
            assertTrue(child.output().contains("jbpf agent: detached org.jbpf.agent.it.OpenProbe (1 programs)"), child.output());
        }
    }

    @Test void aMapThatFillsUpWhileNobodyReadsItIsReportedOnce() throws Exception {
        String full = "jbpf: map stamps (FillingProbe.java field stamps) was full and refused ";
        String last = "jbpf: map stamps (FillingProbe.java field stamps) refused ";
        try (ChildJvm child = new ChildJvm("-Djbpf.agent.fullMapCheckMillis=200",
                "-javaagent:" + AGENT + "=probes=" + FillingProbe.class.getName())) {
            child.awaitOutput("jbpf agent: attached FillingProbe", 60);
            child.awaitOutput(full, 60);  // the agent's own check, no JMX read: the child opens a file every 5 ms
            Thread.sleep(600);  // three more checks, which must stay quiet
            assertEquals(0, child.stop(), child.output());
            String out = child.output();
            assertEquals(out.indexOf(full), out.lastIndexOf(full), "said once, not at every check:\n" + out);
            // at detach, the final count once, when the probe's inserts went on being refused since (they do: every 5 ms)
            assertEquals(out.indexOf(last), out.lastIndexOf(last), "the final count once:\n" + out);
            assertTrue(out.indexOf(last) > out.indexOf(full), out);
        }
    }

    @Test void dynamicAttachLoadsProbesIntoARunningJvmAndDetachRemovesThem() throws Exception {
        try (ChildJvm child = new ChildJvm()) {
            child.awaitOutput("app ready", 60);
            assertTrue(!child.output().contains("jbpf agent"), child.output());
            String pid = Long.toString(child.process.pid());
            assertEquals(0, Main.run("attach", pid, OpenProbe.class.getName(), "--agent-jar", AGENT));
            // the agent printed its verdict before attach returned; the child's output reaches this JVM through a pipe
            child.awaitOutput("jbpf agent: attached OpenProbe", 30);
            long opens = opensOf(child.process.pid(), 10);
            assertTrue(opens >= 10, "opens counted for the child: " + opens);
            assertEquals(0, Main.run("detach", pid, OpenProbe.class.getName(), "--agent-jar", AGENT));
            assertEquals(java.util.Set.of(), withJmx(child.process.pid(), server -> server.queryNames(OPENS, null)), "MBean removed");
            assertEquals(1, Main.run("detach", pid, OpenProbe.class.getName(), "--agent-jar", AGENT), "no longer attached");
            assertEquals(0, child.stop(), child.output());
            assertTrue(child.output().contains("jbpf agent: detached org.jbpf.agent.it.OpenProbe"), child.output());
        }
    }

    @Test void attachOfAMissingProbeExitsNonZeroWithTheAgentsVerdict() throws Exception {
        try (ChildJvm child = new ChildJvm()) {
            child.awaitOutput("app ready", 60);
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            assertEquals(1, attach(err, Long.toString(child.process.pid()), "com.acme.NoSuchProbe"));
            assertEquals("jbpf: JVM " + child.process.pid() + ": probe com.acme.NoSuchProbe not loaded: probe class "
                    + "com.acme.NoSuchProbe is neither on the application's class path nor loaded yet\n", err.toString(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(0, child.stop(), "the application goes on:\n" + child.output());
        }
    }

    /** A probe the kernel verifier refuses is one line naming the probe, its program and the reason; verbose adds the log. */
    @Test void aKernelRefusalIsOneLineAndTheVerifierLogComesOnRequest() throws Exception {
        String line = "jbpf agent: probe " + ProprietaryProbe.class.getName() + " not loaded: the kernel verifier rejected program \"run\"";
        String reason = ": cannot call GPL-restricted function from non-GPL compatible program (add ;verbose to the agent's options, "
                + "or run jbpf attach --verbose, for the whole verifier log)";
        try (ChildJvm child = new ChildJvm("-javaagent:" + AGENT + "=probes=" + ProprietaryProbe.class.getName())) {
            child.awaitOutput(line, 60);
            assertEquals(0, child.stop(), child.output());
            String logged = child.output().lines().filter(l -> l.contains(line)).findFirst().orElseThrow();
            assertTrue(logged.endsWith(reason), logged);
            assertTrue(!child.output().contains("last lines of the verifier log") && !child.output().contains("processed "), child.output());
        }
        try (ChildJvm child = new ChildJvm()) {
            child.awaitOutput("app ready", 60);
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            assertEquals(1, attach(err, "--verbose", Long.toString(child.process.pid()), ProprietaryProbe.class.getName()));
            String[] lines = err.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n");
            assertTrue(lines[0].startsWith("jbpf: JVM " + child.process.pid() + ": probe " + ProprietaryProbe.class.getName()
                    + " not loaded: the kernel verifier rejected program \"run\"") && lines[0].endsWith(reason), lines[0]);
            assertEquals("verifier log of program run:", lines[1]);
            assertTrue(java.util.List.of(lines).contains("cannot call GPL-restricted function from non-GPL compatible program"),
                    "the verifier's own log follows:\n" + String.join("\n", lines));
            assertEquals(0, child.stop(), "the application goes on:\n" + child.output());
        }
    }

    @Test void mapsAreTypedOverJmxAndCanBeCleared() throws Exception {
        try (ChildJvm child = new ChildJvm("-javaagent:" + AGENT + "=probes=" + OpenProbe.class.getName())) {
            child.awaitOutput("jbpf agent: attached OpenProbe", 60);
            long pid = child.process.pid();
            long before = opensOf(pid, 40);
            assertTrue(before >= 40, "opens before clear: " + before);
            long after = withJmx(pid, server -> {
                server.invoke(OPENS, "clear", new Object[0], new String[0]);
                return countOf(server, pid);
            });
            assertTrue(after < before, "cleared: " + after + " after, " + before + " before");
            boolean deleted = withJmx(pid, server -> {
                for (int i = 0; i < 100 && countOf(server, pid) == 0; i++) Thread.sleep(20);
                return (Boolean) server.invoke(OPENS, "delete", new Object[] {pid}, new String[] {"long"});
            });
            assertTrue(deleted, "the child's entry existed and was deleted");
            assertEquals(0, child.stop(), child.output());
        }
    }

    @Test void scopeJvmCountsOnlyTheHostJvmsThreads() throws Exception {
        try (ChildJvm child = new ChildJvm("-javaagent:" + AGENT + "=probes=" + OpenProbe.class.getName() + ";scope=jvm")) {
            child.awaitOutput("jbpf agent: attached OpenProbe", 60);
            long pid = child.process.pid();
            assertTrue(child.output().contains("events of this JVM (pid " + pid + ") only"), child.output());
            // this JVM and a shell open files meanwhile; a system-wide probe would count them too
            for (int i = 0; i < 20; i++) java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/self/stat"));
            new ProcessBuilder("sh", "-c", "for i in 1 2 3 4 5; do cat /proc/self/stat > /dev/null; done").start().waitFor();
            long opens = opensOf(pid, 10);
            assertTrue(opens >= 10, "opens counted for the child: " + opens);
            java.util.Set<Object> keys = withJmx(pid, server -> {
                java.util.Set<Object> seen = new java.util.HashSet<>();
                for (Object row : ((TabularData) server.getAttribute(OPENS, "Entries")).values()) seen.add(((CompositeData) row).get("key"));
                return seen;
            });
            assertEquals(java.util.Set.of(pid), keys, "only the host JVM's process is counted");
            assertEquals(0, child.stop(), child.output());
        }
    }

    @Test void globalsAreReadableAttributes() throws Exception {
        ObjectName globals = name("org.jbpf:type=globals,probe=GlobalProbe");
        try (ChildJvm child = new ChildJvm("-javaagent:" + AGENT + "=probes=" + GlobalProbe.class.getName() + ";scope=jvm")) {
            child.awaitOutput("jbpf agent: attached GlobalProbe", 60);
            assertTrue(child.output().contains("maps [] as MBeans org.jbpf:type=map,..., globals [opens, lastPid, limit] as MBean org.jbpf:type=globals,..."), child.output());
            long pid = child.process.pid();
            long[] seen = withJmx(pid, server -> {
                long opens = 0;
                for (int i = 0; i < 200 && opens < 10; i++, Thread.sleep(50)) opens = (Long) server.getAttribute(globals, "opens");
                long later = opens;
                for (int i = 0; i < 200 && later == opens; i++, Thread.sleep(50)) later = (Long) server.getAttribute(globals, "opens");
                javax.management.MBeanAttributeInfo limit = java.util.Arrays.stream(server.getMBeanInfo(globals).getAttributes())
                        .filter(a -> a.getName().equals("limit")).findFirst().orElseThrow();
                assertEquals("load-time constant in .rodata, 8 bytes", limit.getDescription());
                assertEquals(false, limit.isWritable());
                return new long[] {opens, later, (Long) server.getAttribute(globals, "lastPid"), (Long) server.getAttribute(globals, "limit")};
            });
            assertTrue(seen[0] >= 10 && seen[1] > seen[0], "opens read live from the kernel: " + seen[0] + " then " + seen[1]);
            assertEquals(pid, seen[2], "only the host JVM opens (scope=jvm), so the last opener is the host");
            assertEquals(0, seen[3], "the constant as loaded");
            assertEquals(0, child.stop(), child.output());
        }
    }

    @Test void attachingANonJvmFailsWithOneLine() {
        assertEquals(1, Main.run("attach", "999999999", OpenProbe.class.getName(), "--agent-jar", AGENT));
    }

    /** Runs {@code jbpf attach args --agent-jar AGENT} with its stderr into {@code err}; returns its exit status. */
    private static int attach(java.io.ByteArrayOutputStream err, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "attach";
        System.arraycopy(args, 0, command, 1, args.length);
        command[args.length + 1] = "--agent-jar";
        command[args.length + 2] = AGENT;
        java.io.PrintStream old = System.err;
        try {
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            return Main.run(command);
        } finally {
            System.setErr(old);
        }
    }

    /** Reads the child's own entry of OpenProbe.opens over JMX, waiting for it to reach {@code atLeast} opens. */
    private static long opensOf(long pid, long atLeast) throws Exception {
        return withJmx(pid, server -> {
            assertEquals("hash", server.getAttribute(OPENS, "Type"));
            assertEquals(10240, server.getAttribute(OPENS, "MaxEntries"));
            long seen = 0;
            for (int i = 0; i < 200 && seen < atLeast; i++) {
                seen = countOf(server, pid);
                Thread.sleep(50);
            }
            return seen;
        });
    }

    /** The value of the child's entry: keys and values of integer maps are numbers, not text. */
    private static long countOf(MBeanServerConnection server, long pid) throws Exception {
        TabularData entries = (TabularData) server.getAttribute(OPENS, "Entries");
        CompositeData row = entries.get(new Object[] {Long.valueOf(pid)});
        return row == null ? 0 : (Long) row.get("value");
    }

    interface JmxCall<T> { T call(MBeanServerConnection server) throws Exception; }

    private static <T> T withJmx(long pid, JmxCall<T> call) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String url;
        try {
            url = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        try (JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(url))) {
            return call.call(c.getMBeanServerConnection());
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
