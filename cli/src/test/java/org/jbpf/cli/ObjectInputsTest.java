package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.BPF;
import org.jbpf.core.obj.ObjectFormatException;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.Tools;
import org.jbpf.testsupport.Workload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are no BPF object, and objects clang builds for another target, given to every entry point that reads
 * an object ({@code disasm}, {@code verify}, {@code run}, {@code BPF.open}) and the class inputs given to
 * {@code translate}, {@code verify} and {@code run}: each gets one line naming the file and saying what to give
 * instead, exit status 1. A sound object clang builds from C ({@code c/opens.c}) is read, verified and run.
 */
class ObjectInputsTest {
    @TempDir static Path dir;
    static Path c;

    @BeforeAll static void source() throws Exception {
        c = dir.resolve("opens.c");
        try (InputStream in = ObjectInputsTest.class.getResourceAsStream("/c/opens.c")) {
            Files.write(c, in.readAllBytes());
        }
    }

    /** clang-19 where installed (the newest this machine has), else clang. */
    private static String clang() { return Tools.find("clang-19") != null ? "clang-19" : Tools.require("clang").toString(); }

    /** {@code opens.c} compiled with {@code flags} (a -target among them) into {@code name}. */
    private static Path compile(String name, String... flags) throws Exception {
        Path o = dir.resolve(name);
        String[] command = new String[flags.length + 5];
        command[0] = clang();
        System.arraycopy(flags, 0, command, 1, flags.length);
        command[flags.length + 1] = "-c";
        command[flags.length + 2] = c.toString();
        command[flags.length + 3] = "-o";
        command[flags.length + 4] = o.toString();
        Tools.check(command);
        return o;
    }

    /** Every command that reads an object, and the loader API, refuse {@code file} with exactly {@code message}. */
    private static void refusedEverywhere(Path file, String message) {
        for (String[] args : new String[][] {{"disasm", file.toString()}, {"verify", file.toString()}, {"run", file.toString(), "-d", "1ms"}}) {
            Cli r = Cli.run(args);
            assertEquals(ExitCodes.FAILED, r.status(), args[0] + ": " + r.err());
            assertEquals("jbpf: " + file + ": " + message + "\n", r.err(), args[0]);
            assertEquals(null, BadInputOutcome.problem(r, file.getFileName().toString()), args[0]);
        }
        ObjectFormatException e = assertThrows(ObjectFormatException.class, () -> BPF.open(file).close());
        assertEquals(file + ": " + message, e.getMessage());
    }

    @Test void filesThatAreNoObjectAreNamedWithWhatToGiveInstead() throws Exception {
        String give = "give a BPF object that jbpf translate or clang -target bpf writes";
        refusedEverywhere(dir.resolve("missing.o"), "no such file");
        refusedEverywhere(Files.createDirectories(dir.resolve("folder.o")), "is a directory; give a BPF object file (.o)");
        refusedEverywhere(Files.write(dir.resolve("empty.o"), new byte[0]), "an empty file, not a BPF object; " + give);
        refusedEverywhere(Files.writeString(dir.resolve("notes.o"), "counts opens\n"),
                "not an ELF file (it does not begin with 0x7f 'ELF'); " + give);
    }

    @Test void objectsClangBuildsForOtherTargetsSayHowToBuildOneForBpf() throws Exception {
        refusedEverywhere(compile("big.o", "-O2", "-g", "-target", "bpfeb"), "a big-endian ELF file (clang -target bpfeb), but this "
                + "machine runs little-endian BPF; build it with clang -target bpfel or -target bpf");
        refusedEverywhere(compile("x86.o", "-O2", "-target", "x86_64-linux-gnu"),
                "not a BPF object (e_machine 62, expected 247 for BPF); build it with clang -target bpf");
        refusedEverywhere(compile("i386.o", "-O2", "-target", "i386-linux-gnu"),
                "a 32-bit ELF file, but BPF objects are 64-bit; give a BPF object that jbpf translate or clang -target bpf writes");
        Path noBtf = compile("nobtf.o", "-O2", "-target", "bpf");
        Cli r = Cli.run("verify", noBtf.toString());
        assertEquals(ExitCodes.FAILED, r.status());
        assertTrue(r.err().startsWith("jbpf: " + noBtf + ": section .maps: BTF-defined maps need a .BTF section, which the object "
                + "lacks; compile it with clang -g (at byte "), r.err());
    }

    @Test void classInputsThatAreNoClassAreNamed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Folder.class")), empty = Files.write(dir.resolve("Empty.class"), new byte[0]);
        Path object = Files.writeString(dir.resolve("made.o"), "\u007fELF");
        for (String command : new String[] {"translate", "verify", "run"}) {
            assertEquals("jbpf: no @Bpf probe classes in " + folder + " (it holds no class files); a probe is a class "
                    + "annotated @Bpf(license = \"GPL\") whose static methods carry @Section\n", Cli.run(command, folder.toString()).err(), command);
            assertEquals("jbpf: " + empty + ": not a class file (it does not begin with 0xCAFEBABE); give a class compiled by javac\n",
                    Cli.run(command, empty.toString()).err(), command);
        }
        Cli r = Cli.run("translate", object.toString());
        assertEquals(ExitCodes.FAILED, r.status());
        assertEquals("jbpf: " + object + ": not a .class file, directory, jar or class name; a .o is translated already: give it to "
                + "jbpf run, verify or disasm\n", r.err());
        assertEquals("jbpf: " + dir.resolve("gone.o") + ": no such file or directory\n", Cli.run("translate", dir.resolve("gone.o").toString()).err());
    }

    @Test void aJarWithoutProbesSaysWhatItHeldAndWhatMakesAProbe() throws Exception {
        Path jar = dir.resolve("app.jar");
        try (java.util.jar.JarOutputStream j = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (String c : new String[] {"Stats", "ProcessEvent"}) {  // @Struct classes of the examples, no probe
                j.putNextEntry(new java.util.zip.ZipEntry("org/jbpf/examples/" + c + ".class"));
                try (InputStream in = ObjectInputsTest.class.getResourceAsStream("/org/jbpf/examples/" + c + ".class")) {
                    j.write(in.readAllBytes());
                }
                j.closeEntry();
            }
        }
        for (String command : new String[] {"translate", "verify", "run"}) {
            Cli r = Cli.run(command, jar.toString());
            assertEquals(ExitCodes.FAILED, r.status(), command + ": " + r.err());
            assertEquals("jbpf: no @Bpf probe classes in " + jar + " (2 class files, none annotated @Bpf); a probe is a class annotated "
                    + "@Bpf(license = \"GPL\") whose static methods carry @Section\n", r.err(), command);
        }
    }

    @Test void aDamagedClassInADirectoryIsSkippedWithAWarningNamingIt() throws Exception {
        Path root = dir.resolve("classes"), pkg = Files.createDirectories(root.resolve("org/jbpf/examples")), out = dir.resolve("written");
        byte[] sound;
        try (InputStream in = ObjectInputsTest.class.getResourceAsStream("/org/jbpf/examples/ProcessCounter.class")) {
            sound = in.readAllBytes();
        }
        Files.write(pkg.resolve("ProcessCounter.class"), sound);
        Files.write(pkg.resolve("Broken.class"), java.util.Arrays.copyOf(sound, sound.length / 2));
        Cli r = Cli.run("translate", root.toString(), "-o", out.toString(), "--no-verify");
        assertEquals(0, r.status(), r.err());
        assertEquals("jbpf: warning: " + pkg.resolve("Broken.class") + ": not a valid class file, skipped; compile it again with javac\n",
                r.err());
        assertTrue(Files.exists(out.resolve("ProcessCounter.o")), r.out());
    }

    @Test void aBtfFileOrPinDirectoryThatIsNoneIsNamed() throws Exception {
        Path out = dir.resolve("gen"), folder = Files.createDirectories(dir.resolve("types"));
        Cli r = Cli.run("gen", "btf", "--btf", folder.toString(), "-o", out.toString(), "task_struct.pid");
        assertEquals(ExitCodes.FAILED, r.status());
        assertEquals("jbpf: " + folder + ": is a directory; give a kernel BTF file such as /sys/kernel/btf/vmlinux\n", r.err());
        r = Cli.run("gen", "btf", "--btf", dir.resolve("gone.btf").toString(), "-o", out.toString(), "task_struct.pid");
        assertEquals("jbpf: " + dir.resolve("gone.btf") + ": no such file\n", r.err());

        String fileSystem = Files.getFileStore(dir).type();
        r = Cli.run("maps", dir.toString());
        assertEquals(ExitCodes.FAILED, r.status(), "a directory off bpffs holds no pins: not a privilege error");
        assertEquals("jbpf: " + dir + " is on the " + fileSystem + " file system, not a bpf one; pinned maps live on a bpf file "
                + "system such as /sys/fs/bpf (mount -t bpf bpf /sys/fs/bpf)\n", r.err());
    }

    @Test void aClangObjectIsVerifiedDisassembledAndRun() throws Exception {
        Path o = compile("opens.o", "-O2", "-g", "-target", "bpf");
        Cli verified = Cli.run("verify", o.toString());
        assertEquals(0, verified.status(), verified.err());
        assertEquals("verified opens.count_opens: accepted\n", verified.out());
        Cli listed = Cli.run("disasm", o.toString());
        assertEquals(0, listed.status(), listed.err());
        assertTrue(listed.out().contains("map per_process: hash key 4 value 8 max_entries 256\nmap by_flags: array key 4 value 8 max_entries 8\n"),
                listed.out());
        Kernel.requireTracefs();
        Path target = dir.resolve("truncated");
        Cli ran = Cli.runWhileAttached(Workload.once("opener", () -> {
            for (int i = 0; i < 5; i++) try (OutputStream out = Files.newOutputStream(target)) { out.write(i); }  // O_CREAT|O_TRUNC
        }), "run", o.toString(), "-d", "500ms", "--top", "256");  // every row of per_process, however many other processes open files
        assertEquals(0, ran.status(), ran.err());
        Matcher own = Pattern.compile("\\n +" + ProcessHandle.current().pid() + "  (\\d+)\\n").matcher(ran.out());
        assertTrue(own.find(), "this JVM's opens:\n" + ran.out());
        assertTrue(Long.parseLong(own.group(1)) >= 5, own.group());
        Matcher created = Pattern.compile("\\n +3  (\\d+)\\n").matcher(ran.out());  // bucket 3: O_CREAT|O_TRUNC
        assertTrue(created.find() && Long.parseLong(created.group(1)) >= 5, ran.out());
        Matcher calls = Pattern.compile("globals: calls=(\\d+)").matcher(ran.out());
        assertTrue(calls.find() && Long.parseLong(calls.group(1)) >= 5, ran.out());
    }
}
