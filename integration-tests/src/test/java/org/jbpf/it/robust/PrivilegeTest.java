package org.jbpf.it.robust;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.examples.ProcessCounter;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every entry point run without CAP_BPF and CAP_SYS_ADMIN (setpriv drops all capabilities from a root child, so it can
 * still read this build's files) fails with an error that says which capability is missing, and leaves no BPF fd open.
 */
class PrivilegeTest {
    static final List<String> DROP_ALL = List.of("setpriv", "--bounding-set=-all", "--inh-caps=-all", "--ambient-caps=-all", "--");

    @BeforeEach
    void kernel() {
        RobustKernel.require();
        org.jbpf.testsupport.Tools.require("setpriv");
    }

    @Test
    void entryPointsWithoutCapabilitiesSayWhatIsMissingAndLeaveNothingLoaded(@TempDir Path dir) throws Exception {
        Path object = dir.resolve("ProcessCounter.o");
        Files.write(object, ObjectWriter.write(Translator.translate(ProcessCounter.class)));
        List<String> cmd = new ArrayList<>(DROP_ALL);
        cmd.addAll(List.of(RobustKernel.java(), "-cp", RobustKernel.classPath(), TryWithoutPrivilege.class.getName(), object.toString()));
        String out = run(cmd);
        System.out.println("privilege: entry points without capabilities:\n" + out.strip());
        for (String entry : List.of("loadAndAttach", "open")) {
            String line = out.lines().filter(l -> l.startsWith(entry + "=")).findFirst().orElse("");
            assertTrue(line.contains("CAP_BPF") || line.contains("CAP_SYS_ADMIN"), entry + " must name the missing capability: " + line);
            assertTrue(line.contains("run as root"), entry + " must say how to get it: " + line);
            assertFalse(line.contains("SUCCEEDED"), line);
        }
        assertTrue(out.contains("bpf_fds=0"), "nothing half-loaded may stay open: " + out);
    }

    @Test
    void commandLineRunWithoutCapabilitiesSaysWhatIsMissing(@TempDir Path dir) throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path jbpf = root.resolve("bin/jbpf");
        assertTrue(Files.isDirectory(root.resolve("cli/target/lib")) && Files.exists(root.resolve("cli/target/jbpf-cli-0.1.0-SNAPSHOT.jar")),
                "bin/jbpf is built by the cli module's package phase, before these tests");
        Path object = dir.resolve("ProcessCounter.o");
        Files.write(object, ObjectWriter.write(Translator.translate(ProcessCounter.class)));
        List<String> cmd = new ArrayList<>(DROP_ALL);
        cmd.addAll(List.of(jbpf.toString(), "run", object.toString(), "--duration", "1s"));
        String out = run(cmd);
        System.out.println("privilege: bin/jbpf run without capabilities: " + out.strip());
        assertTrue(out.contains("CAP_BPF") || out.contains("CAP_SYS_ADMIN"), out);
        assertTrue(out.contains("run as root"), out);
        assertFalse(out.contains("\tat "), "one line, no stack trace: " + out);
        assertFalse(out.contains("exit=0\n"), "a refused run must exit non-zero: " + out);
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not exit: " + out);
        return out + "exit=" + p.exitValue() + "\n";
    }
}
