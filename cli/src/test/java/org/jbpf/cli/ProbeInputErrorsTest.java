package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probe inputs that are not what a command takes: a class compiled for a newer Java, a jar of several probes given to
 * run, two probes whose objects would be written over one another, objects for a tracepoint this kernel does not have
 * or a misspelled one, a uprobe on a missing function, a clang object with sections jbpf does not know, a BTF file
 * whose types contain themselves. Each is one line naming the input and what to do, exit 1, and nothing half done.
 */
class ProbeInputErrorsTest {
    @TempDir Path dir;

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = ProbeInputErrorsTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static final String NEWER = "compiled for a newer Java than jbpf reads: class file version 72 (Java 28), where jbpf "
            + "reads up to 70 (Java 26); compile the probe with javac --release 26 or lower";

    @Test void aClassCompiledForANewerJavaSaysWhichJavaToCompileFor() throws Exception {
        byte[] newer = resource("/org/jbpf/examples/ProcessCounter.class");
        newer[6] = 0;
        newer[7] = 72;  // major version: Java 28
        Path pkg = Files.createDirectories(dir.resolve("classes/org/jbpf/examples"));
        Path file = Files.write(pkg.resolve("ProcessCounter.class"), newer);
        for (String[] command : new String[][] {{"translate", file.toString(), "-o", dir.resolve("out").toString()},
                {"verify", file.toString()}, {"run", file.toString(), "-d", "1ms"}}) {
            Cli r = Cli.run(command);
            assertEquals(ExitCodes.FAILED, r.status(), command[0] + ": " + r.err());
            assertEquals("jbpf: " + file + ": " + NEWER + "\n", r.err(), command[0]);
        }
        Files.write(pkg.resolve("Other.class"), resource("/org/jbpf/examples/OpenCounter.class"));
        Cli r = Cli.run("translate", dir.resolve("classes").toString(), "-o", dir.resolve("out").toString(), "--no-verify");
        assertEquals(0, r.status(), r.err());
        assertEquals("jbpf: warning: " + file + ": " + NEWER + "; skipped\n", r.err(), "in a directory: skipped, with why");
    }

    @Test void twoProbesOfOneSimpleNameAreRefusedBeforeEitherIsWritten() {
        Path out = dir.resolve("out");
        String classes = Path.of("target/test-classes").toAbsolutePath().toString();
        Cli r = Cli.run("translate", classes + "/org/jbpf/cli/probes/twins", "-o", out.toString(), "--no-verify");
        assertEquals(ExitCodes.FAILED, r.status(), r.err());
        assertTrue(r.err().matches("jbpf: org\\.jbpf\\.cli\\.probes\\.twins\\.(one|two)\\.Twin and org\\.jbpf\\.cli\\.probes\\.twins\\.(one|two)\\.Twin "
                + "would both be written as \\Q" + out.resolve("Twin.o") + "\\E; translate them one at a time into different output "
                + "directories, or rename one\n") && r.err().contains(".one.Twin") && r.err().contains(".two.Twin"), r.err());
        assertFalse(Files.exists(out.resolve("Twin.o")), "neither is written");
    }

    @Test void aJarOfSeveralProbesGivenToRunNamesThem() throws Exception {
        Path jar = dir.resolve("probes.jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String c : new String[] {"ProcessCounter", "OpenCounter"}) {
                j.putNextEntry(new ZipEntry("org/jbpf/examples/" + c + ".class"));
                j.write(resource("/org/jbpf/examples/" + c + ".class"));
                j.closeEntry();
            }
        }
        Cli r = Cli.run("run", jar.toString(), "-d", "1ms");
        assertEquals(ExitCodes.FAILED, r.status(), r.err());
        assertTrue(r.err().equals("jbpf: " + jar + " holds 2 probes (ProcessCounter, OpenCounter); run one at a time: jbpf run -cp " + jar
                + " <its class name>\n") || r.err().equals("jbpf: " + jar + " holds 2 probes (OpenCounter, ProcessCounter); run one at a "
                + "time: jbpf run -cp " + jar + " <its class name>\n"), r.err());
    }

    @Test void anObjectForATracepointThisKernelLacksNamesItAtRun() throws Exception {
        Kernel.require();
        Path c = Files.write(dir.resolve("gone.c"), resource("/c/gone.c")), o = dir.resolve("gone.o");
        Tools.check(Tools.find("clang-19") != null ? "clang-19" : Tools.require("clang").toString(), "-O2", "-g", "-target", "bpf",
                "-c", c.toString(), "-o", o.toString());
        Cli r = Cli.run("run", o.toString(), "-d", "1ms");
        assertEquals(ExitCodes.FAILED, r.status(), r.err());
        assertEquals("jbpf: " + o + ": program \"gone\" (tracepoint/syscalls/sys_enter_nosuchcall): no tracepoint syscalls/sys_enter_nosuchcall: "
                + "/sys/kernel/tracing/events/syscalls/sys_enter_nosuchcall/id does not exist (see /sys/kernel/tracing/available_events "
                + "for the names this kernel has)\n", r.err());
    }

    /** An object clang builds from {@code c/typos.c}, with {@code -D define} when given. */
    private Path typos(String name, String... defines) throws Exception { return clang("typos", name, defines); }

    /** An object clang builds from {@code c/<source>.c}, with {@code -D define} when given. */
    private Path clang(String source, String name, String... defines) throws Exception {
        Path c = Files.write(dir.resolve(source + ".c"), resource("/c/" + source + ".c")), o = dir.resolve(name + ".o");
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(Tools.find("clang-19") != null ? "clang-19"
                : Tools.require("clang").toString(), "-O2", "-g", "-target", "bpf", "-c", c.toString(), "-o", o.toString()));
        for (String d : defines) cmd.add("-D" + d);
        Tools.check(cmd.toArray(String[]::new));
        return o;
    }

    @Test void anObjectsMisspelledTracepointGetsTheNearestNameAtRun() throws Exception {
        Kernel.requireTracefs();
        Path o = typos("tracepoint");
        Cli r = Cli.run("run", o.toString(), "-d", "1ms");
        assertEquals(ExitCodes.FAILED, r.status(), r.err());
        assertEquals("jbpf: " + o + ": program \"typo\" (tracepoint/sched/sched_proces_exec): no tracepoint sched/sched_proces_exec: "
                + "/sys/kernel/tracing/events/sched/sched_proces_exec/id does not exist; did you mean sched_process_exec? (see "
                + "/sys/kernel/tracing/available_events for the names this kernel has)\n", r.err());
    }

    @Test void anObjectsUprobeOnAMissingFunctionGetsTheNearestSymbolAtRun() throws Exception {
        Kernel.require();
        Path libc = org.jbpf.loader.attach.UprobeFiles.find("libc.so.6");
        if (libc == null) org.jbpf.testsupport.Skip.optional("glibc", "no libc.so.6 in the library directories");
        Path o = typos("uprobe", "UPROBE");
        Cli r = Cli.run("run", o.toString(), "-d", "1ms");
        assertEquals(ExitCodes.FAILED, r.status(), r.err());
        assertEquals("jbpf: " + o + ": program \"typo\" (uprobe/libc.so.6:mallocc): no function mallocc in " + libc + " (.symtab/.dynsym); "
                + "did you mean malloc?; or attach by file offset (attachUprobe(path, offset, ...))\n", r.err());
    }

    @Test void aUprobeOnABareLibraryNameAttachesWhereTheDynamicLinkerFindsIt() throws Exception {
        Kernel.require();
        if (org.jbpf.loader.attach.UprobeFiles.find("libc.so.6") == null)
            org.jbpf.testsupport.Skip.optional("glibc", "no libc.so.6 in the library directories");
        Cli r = Cli.run("run", "org.jbpf.cli.probes.LibcMallocs", "-d", "500ms", "--format", "json");
        assertEquals(0, r.status(), r.err());
        // every process's malloc calls, this JVM's among them: the uprobe is on the file the dynamic linker maps
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"map\":\"calls\".*\"value\":(\\d+)").matcher(r.out());
        assertTrue(m.find() && Long.parseLong(m.group(1)) > 0, r.out());
    }

    @Test void aBtfFileWhoseTypesContainThemselvesIsOneLineNamingTheLoop() throws Exception {
        org.jbpf.core.btf.Btf btf = new org.jbpf.core.btf.Btf();
        btf.add(new org.jbpf.core.btf.BtfType.Typedef("pid_t", 2));
        btf.add(new org.jbpf.core.btf.BtfType.Typedef("kernel_pid_t", 1));
        btf.add(new org.jbpf.core.btf.BtfType.Struct("task_struct", 8, java.util.List.of(new org.jbpf.core.btf.BtfType.Member("pid", 1, 0, 0))));
        Path file = Files.write(dir.resolve("loop.btf"), org.jbpf.core.btf.BtfWriter.encode(btf).bytes());
        Cli r = Cli.run("gen", "btf", "--btf", file.toString(), "-o", dir.resolve("gen").toString(), "task_struct.pid");
        assertEquals(ExitCodes.FAILED, r.status(), r.err());
        assertEquals("jbpf: " + file + ": BTF types contain themselves: type 1 (typedef pid_t) -> type 2 (typedef kernel_pid_t) -> "
                + "type 1 (typedef pid_t); a type may refer to itself only through a pointer; name a kernel BTF file such as "
                + "/sys/kernel/btf/vmlinux\n", r.err());
        assertFalse(Files.exists(dir.resolve("gen")), "nothing generated");
    }

    @Test void aClangObjectWithSectionsJbpfDoesNotKnowIsReadAndEachUseOfThemNamed() throws Exception {
        Path o = clang("unknown_sections", "unknown");
        Cli disasm = Cli.run("disasm", o.toString());
        assertEquals(0, disasm.status(), disasm.err());
        assertTrue(disasm.out().contains("frobnicate/thing odd:") && disasm.out().contains("tracepoint/syscalls/sys_enter_getpid fine:"), disasm.out());
        Cli verify = Cli.run("verify", o.toString());
        assertEquals(ExitCodes.REJECTED, verify.status(), verify.err());
        int line = new String(resource("/c/unknown_sections.c"), java.nio.charset.StandardCharsets.UTF_8).lines().toList().indexOf("int odd(void *ctx) { return limit; }") + 1;
        assertTrue(verify.err().startsWith("jbpf: unknown.odd: " + dir.resolve("unknown_sections.c") + ":" + line + ": section 'frobnicate/thing' names a "
                + "program type the simulator does not model"), verify.err());
        assertEquals(1, verify.err().lines().count(), verify.err());
        Kernel.require();
        Cli run = Cli.run("run", o.toString(), "-d", "1ms");
        assertEquals(ExitCodes.FAILED, run.status(), run.err());
        assertTrue(run.err().startsWith("jbpf: " + o + ": program \"odd\": section \"frobnicate/thing\": unknown program kind \"frobnicate\"; use one of "
                + "tracepoint/<category>/<name> (tp), "), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test void aVariableInADataSectionOfItsOwnNameSaysWhereToPutIt() throws Exception {
        Path o = clang("unknown_sections", "owndata", "OWN_DATA");
        for (String command : new String[] {"disasm", "verify", "run"}) {
            Cli r = command.equals("run") ? Cli.run(command, o.toString(), "-d", "1ms") : Cli.run(command, o.toString());
            assertEquals(ExitCodes.FAILED, r.status(), command + ": " + r.err());
            assertTrue(r.err().matches("jbpf: " + java.util.regex.Pattern.quote(o.toString()) + ": section frobnicate/thing: program odd loads "
                    + "the address of limit at byte 0 of \\.mydata, which is not a map nor a data section jbpf loads; put it in \\.data, \\.rodata or "
                    + "\\.bss \\(or \\.data\\.<name>: SEC\\(\"\\.data\\.mydata\"\\)\\) \\(at byte \\d+\\)\n"), command + ": " + r.err());
        }
    }

    @Test void aKconfigExternSaysWhatJbpfLinksAndWhatToWriteInstead() throws Exception {
        Path o = clang("unknown_sections", "kconfig", "KCONFIG");
        for (String command : new String[] {"disasm", "verify", "run"}) {
            Cli r = command.equals("run") ? Cli.run(command, o.toString(), "-d", "1ms") : Cli.run(command, o.toString());
            assertEquals(ExitCodes.FAILED, r.status(), command + ": " + r.err());
            assertTrue(r.err().startsWith("jbpf: " + o + ": section frobnicate/thing: program odd refers to undefined (extern) symbol limit; "
                    + "jbpf links only calls of kernel functions (kfuncs) by name: define it in this object, or for a .kconfig value "
                    + "(LINUX_KERNEL_VERSION, CONFIG_*) use a const volatile global set at load (jbpf run --const) (at byte "), command + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }

    @Test void misspelledRawAndBtfTracepointsGetTheNearestNameAtAttach() throws Exception {
        Kernel.requireTracefs();
        Cli raw = Cli.run("run", "org.jbpf.cli.probes.RawMisspelled", "-d", "1ms");
        assertEquals(ExitCodes.FAILED, raw.status(), raw.err());
        assertEquals("jbpf: program \"onSwitch\" (raw_tracepoint/sched_swich): this kernel has no tracepoint sched_swich; did you mean "
                + "sched_switch? (see /sys/kernel/tracing/available_events for the names it has)\n", raw.err());
        Cli btf = Cli.run("run", "org.jbpf.cli.probes.BtfMisspelled", "-d", "1ms");
        assertEquals(ExitCodes.FAILED, btf.status(), btf.err());
        assertEquals("jbpf: program onSwitch: this kernel has no raw tracepoint sched_swich (/sys/kernel/btf/vmlinux has no "
                + "btf_trace_sched_swich); did you mean sched_switch?; see /sys/kernel/tracing/available_events for the tracepoints it has\n",
                btf.err());
    }
}
