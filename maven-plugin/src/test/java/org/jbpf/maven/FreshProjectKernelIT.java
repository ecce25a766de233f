package org.jbpf.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jbpf.maven.Mvn.Result;
import org.jbpf.testsupport.GatedChild;
import org.jbpf.testsupport.Kernel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A probe project written from scratch as the README and docs/CO-RE.md show it: a pom naming jbpf's BOM and the plugin
 * (the generate goal writes the tracepoint's record, the translate goal the object), built offline from the local
 * repository, and the object it made run by {@code bin/jbpf run} against a child that signals itself three times.
 */
class FreshProjectKernelIT {
    static final String VERSION = System.getProperty("project.version");

    @BeforeAll static void installThePlugin() throws Exception { Mvn.installThePlugin(); }

    static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.example</groupId>
              <artifactId>signal-watch</artifactId>
              <version>1.0</version>
              <properties>
                <maven.compiler.release>17</maven.compiler.release>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>org.jbpf</groupId><artifactId>jbpf-bom</artifactId><version>VERSION</version>
                    <type>pom</type><scope>import</scope>
                  </dependency>
                </dependencies>
              </dependencyManagement>
              <dependencies>
                <dependency><groupId>org.jbpf</groupId><artifactId>jbpf-api</artifactId></dependency>
              </dependencies>
              <build>
                <plugins>
                  <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                  <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
                  <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
                  <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
                  <plugin>
                    <groupId>org.jbpf</groupId><artifactId>jbpf-maven-plugin</artifactId><version>VERSION</version>
                    <executions><execution><goals><goal>generate</goal><goal>translate</goal></goals></execution></executions>
                    <configuration>
                      <tracepoints><tracepoint>signal/signal_generate</tracepoint></tracepoints>
                      <packageName>com.example.kernel</packageName>
                    </configuration>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    static final String PROBE = """
            package com.example;

            import com.example.kernel.SignalGenerate;
            import org.jbpf.Bpf;
            import org.jbpf.CString;
            import org.jbpf.Constant;
            import org.jbpf.Section;
            import org.jbpf.Size;
            import org.jbpf.Struct;
            import org.jbpf.TracepointContext;
            import org.jbpf.maps.RingBuffer;

            @Bpf(license = "GPL")
            public final class SignalWatch {
                @Struct
                public static final class Signal {
                    public int signal;
                    public int target;
                    @CString @Size(16) public byte[] command;
                }

                @Constant static int targetPid;
                public static final RingBuffer signals = new RingBuffer(1 << 14);

                @Section("tracepoint/signal/signal_generate")
                static int onSignal(TracepointContext ctx) {
                    SignalGenerate s = ctx.as(SignalGenerate.class);
                    if (s.pid != targetPid) return 0;
                    Signal e = new Signal();
                    e.signal = s.sig;
                    e.target = s.pid;
                    System.arraycopy(s.comm, 0, e.command, 0, 16);
                    signals.output(e);
                    return 0;
                }
            }
            """;

    @Test void aProjectWrittenFromTheDocsBuildsOfflineAndItsObjectRuns(@TempDir Path work) throws Exception {
        Kernel.requireTracefs();
        Path project = work.resolve("signal-watch");
        Files.createDirectories(project.resolve("src/main/java/com/example"));
        Files.writeString(project.resolve("pom.xml"), POM.replace("VERSION", VERSION));
        Files.writeString(project.resolve("src/main/java/com/example/SignalWatch.java"), PROBE);
        Result build = Mvn.run(project, "package");
        assertEquals(0, build.status(), build.output());
        String record = Files.readString(project.resolve("target/generated-sources/jbpf/com/example/kernel/SignalGenerate.java"));
        assertTrue(record.contains("@CString @Size(16) public byte[] comm;"), "the record's command is text: " + record);
        Path object = project.resolve("target/jbpf/SignalWatch.o");
        assertTrue(Files.isRegularFile(object), build.output());

        GatedChild child = GatedChild.start(List.of("python3", "-c", "import os, signal\nsignal.signal(signal.SIGUSR1, lambda *a: None)\n"
                + GatedChild.PYTHON_GATE + "for s in (signal.SIGUSR1, signal.SIGUSR1, signal.SIGURG): os.kill(os.getpid(), s)\n"
                + "sys.stdin.readline()\n"));
        String comm = Files.readString(Path.of("/proc/" + child.pid() + "/comm")).trim();
        Process jbpf = new ProcessBuilder(Path.of("../bin/jbpf").toAbsolutePath().normalize().toString(), "run", object.toString(),
                "--const", "targetPid=" + child.pid(), "-d", "2s").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> events = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jbpf.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("attached ")) child.go();
                if (line.startsWith("event ")) events.add(line);
            }
            assertTrue(jbpf.waitFor(60, TimeUnit.SECONDS));
        } finally {
            if (jbpf.isAlive()) jbpf.destroyForcibly();
            child.finish();
        }
        assertEquals(0, jbpf.exitValue());
        String who = ", target=" + child.pid() + ", command=" + comm + "}";
        assertEquals(List.of("event signals: {signal=10" + who, "event signals: {signal=10" + who, "event signals: {signal=23" + who), events);
    }
}
