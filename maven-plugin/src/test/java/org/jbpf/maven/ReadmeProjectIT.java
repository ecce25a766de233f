package org.jbpf.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.maven.Mvn.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Getting started" exactly as written there: its pom.xml and its Java files go into a new directory, its
 * build command runs (offline, with the plugin this build made), and its run command counts the children's execve
 * calls in the kernel. When README's text drifts from what builds and runs, this fails.
 */
class ReadmeProjectIT {
    static final Path README = Path.of("../README.md");
    private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("^(?:public )?(?:final )?class (\\w+)", Pattern.MULTILINE);

    @BeforeAll static void installThePlugin() throws Exception { Mvn.installThePlugin(); }

    /** The fenced blocks of README's "Getting started" section, as language and text. */
    static List<String[]> gettingStartedBlocks() throws Exception {
        String readme = Files.readString(README);
        int from = readme.indexOf("## Getting started"), to = readme.indexOf("\n## ", from + 1);
        assertTrue(from >= 0 && to > from, "README has a Getting started section");
        List<String[]> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme.substring(from, to));
        while (m.find()) blocks.add(new String[] {m.group(1), m.group(2)});
        return blocks;
    }

    @Test void theGettingStartedProjectBuildsAndRunsAsWritten(@TempDir Path project) throws Exception {
        List<String> build = null;
        String run = null;
        int javaFiles = 0;
        for (String[] block : gettingStartedBlocks()) {
            String text = block[1];
            if (block[0].equals("xml") && text.startsWith("<project")) Files.writeString(project.resolve("pom.xml"), text);
            if (block[0].equals("java") && text.startsWith("package ")) {
                String pkg = text.substring("package ".length(), text.indexOf(';')).replace('.', '/');
                Matcher c = CLASS.matcher(text);
                assertTrue(c.find(), "a class in README's block:\n" + text);
                String root = c.group(1).endsWith("Test") ? "src/test/java/" : "src/main/java/";
                Path file = project.resolve(root + pkg + "/" + c.group(1) + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, text);
                javaFiles++;
            }
            if (block[0].equals("sh") && text.startsWith("mvn ")) {
                List<String> lines = text.lines().toList();
                build = words(lines.get(0));
                run = lines.get(1).replaceFirst("^sudo ", "");
            }
        }
        assertTrue(Files.isRegularFile(project.resolve("pom.xml")), "README shows a whole pom.xml");
        assertEquals(3, javaFiles, "the probe, the application and the test");
        assertTrue(build != null && build.get(0).equals("mvn"), "README shows how to build: " + build);

        Result built = Mvn.run(project, build.subList(1, build.size()).toArray(String[]::new));
        assertEquals(0, built.status(), built.output());
        assertTrue(built.output().contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), "README's test ran:\n" + built.output());
        BpfObject o = ObjectReader.read(Files.readAllBytes(project.resolve("target/jbpf/ExecCounter.o")), "ExecCounter");
        assertEquals("tracepoint/syscalls/sys_enter_execve", o.programs().get(0).section());

        org.jbpf.testsupport.Kernel.requireTracefs();
        assertTrue(run.startsWith("java "), "README runs the application with java: " + run);
        String classpath = Files.readString(project.resolve("target/classpath.txt")).strip();
        List<String> command = new ArrayList<>(words(run.replace("$(cat target/classpath.txt)", classpath)));
        command.set(0, org.jbpf.testsupport.Jvm.java());
        Process p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        // five children, each counted under its own process id (other processes of the machine may add lines)
        assertTrue(out.lines().filter(l -> l.matches("pid \\d+: [1-9]\\d* execve")).count() >= 5, out);
    }

    /** A shell command line split at spaces (README's commands quote nothing). */
    private static List<String> words(String line) { return List.of(line.strip().split(" +")); }
}
