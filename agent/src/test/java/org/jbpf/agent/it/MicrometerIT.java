package org.jbpf.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jbpf.cli.Main;
import org.jbpf.testsupport.Kernel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The agent attached to an application that loads itself and Micrometer in its own class loader (as a Spring Boot
 * jar does): the probe's map shows up as a meter of the application's global registry and follows the kernel.
 */
class MicrometerIT {
    @BeforeEach void needsKernel() {
        Kernel.require();
    }

    @Test @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mapsBecomeMetersOfTheApplicationsMicrometer() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", AgentIT.AGENT, Path.of(System.getProperty("app.classes"), "IsolatedLauncher.java").toString(),
                MeteredApp.class.getName(), System.getProperty("app.classes")));
        for (String p : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            if (p.contains("micrometer") || p.contains("HdrHistogram") || p.contains("LatencyUtils")) cmd.add(p);
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuffer all = new StringBuffer();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    all.append(l).append('\n');
                    lines.add(l);
                }
            } catch (java.io.IOException ignored) {
                // the child is gone
            }
        });
        pump.setDaemon(true);
        pump.start();
        try {
            String ready = next(lines, "app ready", all);
            assertTrue(ready.endsWith(" in app"), "the application runs in its own loader: " + ready);
            assertEquals(0, Main.run("attach", Long.toString(child.pid()), OpenProbe.class.getName(), "--agent-jar", AgentIT.AGENT));
            String attached = next(lines, "jbpf agent: attached OpenProbe", all);
            assertTrue(attached.endsWith("and Micrometer meters)"), all.toString());
            OutputStream in = child.getOutputStream();
            long first = meter(in, lines, all);
            assertTrue(first > 0, "the meter exists and counts: " + all);
            Thread.sleep(1200);  // the binding reads the kernel again once its reading is a second old
            long second = meter(in, lines, all);
            assertTrue(second - first >= 20, "20 opens between the readings: " + first + " then " + second);
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(20, TimeUnit.SECONDS)) child.destroyForcibly();
        }
    }

    private static long meter(OutputStream in, BlockingQueue<String> lines, StringBuffer all) throws Exception {
        in.write('\n');
        in.flush();
        return Long.parseLong(next(lines, "meter ", all).substring("meter ".length()));
    }

    private static String next(BlockingQueue<String> lines, String prefix, StringBuffer all) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            String l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l != null && l.contains(prefix)) return l.substring(l.indexOf(prefix));
        }
        throw new AssertionError("no line with '" + prefix + "' from the child:\n" + all);
    }
}
