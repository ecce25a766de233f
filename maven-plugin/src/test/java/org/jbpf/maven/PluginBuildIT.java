package org.jbpf.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jbpf.maven.Mvn.Result;
import java.util.stream.Stream;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Maven builds (offline, in a child process) of the sample projects under src/it, using the packaged plugin
 * installed into the local repository first.
 */
class PluginBuildIT {
    static final String VERSION = System.getProperty("project.version");
    static final Path SAMPLES = Path.of("src/it");

    @BeforeAll static void installThePlugin() throws Exception { Mvn.installThePlugin(); }

    @Test void translatesTheProbesOfAProjectIntoTargetJbpf(@TempDir Path work) throws Exception {
        Path project = copy("sample", work);
        Result r = mvn(project, "process-classes");
        assertEquals(0, r.status(), r.output());
        Path object = project.resolve("target/jbpf/ExecCounter.o");
        assertTrue(Files.isRegularFile(object), r.output());
        BpfObject o = ObjectReader.read(Files.readAllBytes(object), "ExecCounter");
        assertEquals("GPL", o.license());
        assertEquals("tracepoint/syscalls/sys_enter_execve", o.programs().get(0).section());
        assertEquals("execs", o.maps().get(0).name());
        try (Stream<Path> files = Files.list(project.resolve("target/jbpf"))) {
            assertEquals(1, files.count(), "only the probe is translated, not Application");
        }
        assertTrue(r.output().contains("jbpf: wrote "), r.output());
        // the line info carries the Java source text, found through the project's source roots
        assertTrue(new String(Files.readAllBytes(object), StandardCharsets.ISO_8859_1).contains("Long count = execs.lookup(key);"));
    }

    @Test void theLlvmBackendIsAParameter(@TempDir Path work) throws Exception {
        Path project = copy("sample", work);
        Result without = mvn(project, "process-classes", "-Djbpf.backend=llvm");
        assertTrue(without.status() != 0 && without.output().contains("backend llvm needs org.jbpf:jbpf-translator-llvm"), without.output());
        // the plugin carries only the direct backend; the llvm one comes as a plugin dependency
        Path pom = project.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<executions>", "<dependencies><dependency><groupId>org.jbpf</groupId>"
                + "<artifactId>jbpf-translator-llvm</artifactId><version>" + VERSION + "</version></dependency></dependencies><executions>"));
        Result r = mvn(project, "process-classes", "-Djbpf.backend=llvm");
        assertEquals(0, r.status(), r.output());
        BpfObject o = ObjectReader.read(Files.readAllBytes(project.resolve("target/jbpf/ExecCounter.o")), "ExecCounter");
        assertEquals("execs", o.maps().get(0).name());
        assertEquals("tracepoint/syscalls/sys_enter_execve", o.programs().get(0).section());
        Result bad = mvn(copy("sample", work.resolve("other")), "process-classes", "-Djbpf.backend=gcc");
        assertTrue(bad.status() != 0 && bad.output().contains("backend 'gcc' is not known; choose direct or llvm"), bad.output());
    }

    @Test void generateWritesKernelClassesThatTheProbesCompileAgainst(@TempDir Path work) throws Exception {
        org.jbpf.testsupport.Kernel.requireTracefs();
        Path project = copy("kernel-types", work);
        Result r = mvn(project, "process-classes");
        assertEquals(0, r.status(), r.output());
        Path generated = project.resolve("target/generated-sources/jbpf/com/acme/kernel");
        assertTrue(Files.readString(generated.resolve("SysEnterOpenat.java")).contains("public long filename;"), r.output());
        assertTrue(Files.readString(generated.resolve("TaskStruct.java")).contains("public TaskStruct realParent()"), r.output());
        BpfObject o = ObjectReader.read(Files.readAllBytes(project.resolve("target/jbpf/OpenParents.o")), "OpenParents");
        // tgid's offset, size, shifts and signedness, and real_parent's offset, relocated by the loader on whichever kernel
        // runs the probe
        assertEquals(List.of("0:0", "0:0", "0:0", "0:0", "0:0", "0:0", "0:1"),
                o.programs().get(0).coreRelocations().stream().map(c -> c.access()).sorted().toList());
        Result bad = mvn(project, "generate-sources", "-Djbpf.generatePackage=com.acme.kernel", "-Djbpf.btf=" + project.resolve("pom.xml"));
        assertNotEquals(0, bad.status(), bad.output());
        assertTrue(bad.output().contains("jbpf: " + project.resolve("pom.xml") + ": bad BTF magic"), bad.output());
    }

    @Test void outputDirectoryIsConfigurable(@TempDir Path work) throws Exception {
        Path project = copy("sample", work);
        Result r = mvn(project, "process-classes", "-Djbpf.outputDirectory=" + project.resolve("probes"));
        assertEquals(0, r.status(), r.output());
        assertTrue(Files.isRegularFile(project.resolve("probes/ExecCounter.o")), r.output());
        assertFalse(Files.exists(project.resolve("target/jbpf")));
    }

    @Test void aProbeThatDoesNotTranslateFailsTheBuildWithItsJavaLine(@TempDir Path work) throws Exception {
        Path project = copy("bad-probe", work);
        Files.createDirectories(project.resolve("target/jbpf"));
        Files.write(project.resolve("target/jbpf/Scaled.o"), new byte[] {1});  // from a build before the mistake
        Result r = mvn(project, "process-classes");
        assertNotEquals(0, r.status(), r.output());
        // relative to the project, so IDEs and terminals link it to the file
        assertTrue(r.output().contains("[ERROR] src/main/java/com/acme/Scaled.java:11: float and double are not supported"), r.output());
        assertTrue(r.output().contains("BUILD FAILURE"), r.output());
        assertFalse(Files.exists(project.resolve("target/jbpf/Scaled.o")));
    }

    @Test void aProbeOnlyTheVerifierSimulationRejectsFailsTheBuildWithoutAnObject(@TempDir Path work) throws Exception {
        Path project = copy("sim-rejects", work);
        Result r = mvn(project, "process-classes");
        assertNotEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("[ERROR] src/main/java/com/acme/FarRead.java:15: a tracepoint context cannot be read at "
                + "offset 8192 with size 8 [verifier simulation predicts: invalid bpf_context access off=8192 size=8]"), r.output());
        assertTrue(r.output().contains("BUILD FAILURE"), r.output());
        assertFalse(Files.exists(project.resolve("target/jbpf/FarRead.o")), "a rejected probe leaves no object");
        Result skipped = mvn(project, "process-classes", "-Djbpf.verify=false");
        assertEquals(0, skipped.status(), skipped.output());
        assertTrue(Files.isRegularFile(project.resolve("target/jbpf/FarRead.o")), "verification off: the object is written");
    }

    @Test void aDamagedClassAmongTheCompiledOnesIsNamedInAWarning(@TempDir Path work) throws Exception {
        Path project = copy("sample", work);
        // a half class file that the resources step copies among the compiled classes
        Path broken = project.resolve("src/main/resources/com/acme/Broken.class");
        Files.createDirectories(broken.getParent());
        byte[] sound;
        try (java.io.InputStream in = PluginBuildIT.class.getResourceAsStream("PluginBuildIT.class")) {
            sound = in.readAllBytes();
        }
        Files.write(broken, java.util.Arrays.copyOf(sound, sound.length / 2));
        Result r = mvn(project, "process-classes");
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("[WARNING] jbpf: " + project.resolve("target/classes/com/acme/Broken.class")
                + ": not a valid class file, skipped; compile it again with javac"), r.output());
        assertTrue(Files.isRegularFile(project.resolve("target/jbpf/ExecCounter.o")), "the sound probe is still translated:\n" + r.output());
    }

    @Test void aSectionClassWithoutBpfWarnsOrFailsTheBuild(@TempDir Path work) throws Exception {
        Path project = copy("forgot-bpf", work);
        Result warned = mvn(project, "process-classes");
        assertEquals(0, warned.status(), warned.output());
        assertTrue(warned.output().contains("[WARNING] jbpf: com.acme.ExecCounter has @Section methods but no @Bpf annotation, "
                + "so it is not translated; add @Bpf(license = \"GPL\") to the class"), warned.output());
        assertFalse(Files.exists(project.resolve("target/jbpf/ExecCounter.o")));
        Result failed = mvn(project, "process-classes", "-Djbpf.missingBpf=fail");
        assertNotEquals(0, failed.status(), failed.output());
        assertTrue(failed.output().contains("[ERROR] jbpf: com.acme.ExecCounter has @Section methods but no @Bpf"), failed.output());
        assertTrue(failed.output().contains("BUILD FAILURE"), failed.output());
    }

    @Test void twoProbesOfOneSimpleNameFailTheBuildBeforeEitherIsWritten(@TempDir Path work) throws Exception {
        Path project = copy("twins", work);
        Result r = mvn(project, "process-classes");
        assertNotEquals(0, r.status(), r.output());
        Path object = project.resolve("target/jbpf/Twin.o");
        String line = r.output().lines().filter(l -> l.startsWith("[ERROR] jbpf: ")).findFirst().orElse(r.output());
        assertTrue(line.matches("\\[ERROR\\] jbpf: com\\.acme\\.(one|two)\\.Twin and com\\.acme\\.(one|two)\\.Twin would both be "
                + "written as \\Q" + object + "\\E; move one to another module, or rename one")
                && line.contains("com.acme.one.Twin") && line.contains("com.acme.two.Twin"), line);
        assertTrue(r.output().contains("BUILD FAILURE"), r.output());
        assertFalse(Files.exists(object), "neither probe is written");
        assertFalse(r.output().contains("\tat "), "no stack trace: " + r.output());
    }

    /** README's "Getting started" project, built offline with this plugin and run against the kernel. */
    @Test void theGettingStartedProjectBuildsAndCountsExecs(@TempDir Path work) throws Exception {
        Path project = work.resolve("getting-started");
        copyTree(Path.of("../examples/getting-started"), project);
        Result build = mvn(project, "package", "dependency:build-classpath");
        assertEquals(0, build.status(), build.output());
        assertTrue(build.output().contains("jbpf: wrote " + project.resolve("target/jbpf/ExecCounter.o")), build.output());
        assertTrue(build.output().contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), "the simulation test ran: " + build.output());
        BpfObject o = ObjectReader.read(Files.readAllBytes(project.resolve("target/jbpf/ExecCounter.o")), "ExecCounter");
        assertEquals("tracepoint/syscalls/sys_enter_execve", o.programs().get(0).section());
        org.jbpf.testsupport.Kernel.requireTracefs();
        String cp = project.resolve("target/classes") + ":" + Files.readString(project.resolve("target/classpath.txt")).strip();
        Process p = new ProcessBuilder(org.jbpf.testsupport.Jvm.java(), "-cp", cp, "com.example.Main", "5")
                .directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        // five children, each counted under its own pid (other processes of the machine may add lines)
        long children = out.lines().filter(l -> l.matches("pid \\d+: [1-9]\\d* execve")).count();
        assertTrue(children >= 5, out);
        long total = Long.parseLong(out.lines().filter(l -> l.startsWith("total execve: ")).findFirst().orElseThrow().substring(14));
        assertTrue(total >= 10, out);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (from.relativize(f).startsWith("target")) continue;
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.copy(f, t);
            }
        }
    }

    private static Path copy(String sample, Path work) throws IOException {
        Path from = SAMPLES.resolve(sample), to = work.resolve(sample);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.writeString(t, Files.readString(f).replace("@JBPF_VERSION@", VERSION).replace("@ARTIFACT@", sample));
            }
        }
        return to;
    }

    private static Result mvn(Path dir, String... args) throws Exception { return Mvn.run(dir, args); }
}
