package org.jbpf.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/jbpf as an ordinary user (nobody, every capability dropped): the commands that need no privilege work, and the
 * ones that do name the capability and exit 4. The launcher's class path must stay inside the build tree, which any
 * user can read, rather than in root's Maven repository. When the checkout itself lies below a directory other users
 * cannot enter (a private temporary directory, root's home), the launcher and the build outputs it uses are copied
 * to a world-readable directory first: what is tested is the launcher, not where the checkout happens to be.
 */
class AnyUserTest {
    static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
    static final Path ROOT = readableRoot(CHECKOUT);
    static final List<String> AS_NOBODY = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
            "--inh-caps=-all", "--bounding-set=-all", "--");

    /** {@code root} when every user can reach it, else a world-readable copy of bin/ and the build outputs. */
    static Path readableRoot(Path root) {
        try {
            if (everyoneCanEnter(root)) return root;
            Path copy = Files.createTempDirectory(Path.of("/tmp"), "jbpf-anyuser-");
            for (String part : List.of("bin", "cli/target/lib", "examples/target/classes")) copyTree(root.resolve(part), copy.resolve(part));
            try (var jars = Files.newDirectoryStream(root.resolve("cli/target"), "jbpf-cli-*.jar")) {
                for (Path jar : jars) Files.copy(jar, copy.resolve("cli/target").resolve(jar.getFileName()));
            }
            try (var all = Files.walk(copy)) {
                for (Path p : all.toList())
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                            Files.isDirectory(p) || Files.isExecutable(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
            return copy;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean everyoneCanEnter(Path dir) throws java.io.IOException {
        for (Path d = dir; d != null; d = d.getParent())
            if (!Files.getPosixFilePermissions(d).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) return false;
        return true;
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    @org.junit.jupiter.api.AfterAll static void removeCopy() throws java.io.IOException {
        if (ROOT.equals(CHECKOUT)) return;
        try (var all = Files.walk(ROOT)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @BeforeEach void asRoot() {
        Tools.require("setpriv");
        if (!Kernel.isRoot()) org.jbpf.testsupport.Skip.because("root", "becoming nobody needs root");
    }

    @Test void translateVerifyDisasmAndHelpNeedNoPrivilege(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
        String probe = ROOT.resolve("examples/target/classes/org/jbpf/examples/OpenCounter.class").toString();
        Tools.Result translate = nobody("translate", probe, "-o", out.toString());
        assertEquals(0, translate.exitCode(), translate.output());
        assertTrue(translate.output().contains("verified OpenCounter.trackOpens: accepted"), translate.output());
        Path object = out.resolve("OpenCounter.o");
        Tools.Result verify = nobody("verify", object.toString());
        assertEquals(0, verify.exitCode(), verify.output());
        Tools.Result disasm = nobody("disasm", object.toString());
        assertEquals(0, disasm.exitCode(), disasm.output());
        assertTrue(disasm.output().contains("tracepoint/syscalls/sys_enter_openat trackOpens:"), disasm.output());
        Tools.Result help = nobody("--help");
        assertEquals(0, help.exitCode(), help.output());
        assertTrue(help.output().startsWith("Usage: jbpf"), help.output());
    }

    @Test void loadingAsNobodyNamesTheCapabilityAndExitsFour(@TempDir Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        String probe = ROOT.resolve("examples/target/classes/org/jbpf/examples/OpenCounter.class").toString();
        Tools.Result run = nobody("run", probe, "--duration", "1s");
        assertEquals(4, run.exitCode(), run.output());
        assertTrue(run.output().startsWith("jbpf: ") && run.output().contains("needs CAP_BPF/CAP_SYS_ADMIN (run as root)"), run.output());
        assertEquals(1, run.output().strip().lines().count(), "one line: " + run.output());
    }

    @Test void traceAsNobodySaysPermissionNotMount() throws Exception {
        Tools.Result trace = nobody("trace", "--duration", "1s");
        assertEquals(4, trace.exitCode(), trace.output());
        assertTrue(trace.output().startsWith("jbpf: cannot read /sys/kernel/tracing") && trace.output().contains("permission denied; "
                + "reading tracefs needs root (CAP_SYS_ADMIN)"), trace.output());
    }

    @Test void listingPinnedMapsAsNobodyIsAPrivilegeErrorNotAnEmptyTable() throws Exception {
        Path pins = Path.of("/sys/fs/bpf/jbpf-anyuser-" + ProcessHandle.current().pid());
        Files.createDirectories(pins);
        try {
            Files.setPosixFilePermissions(pins, PosixFilePermissions.fromString("rwxrwxrwx"));
            Tools.Result made = Tools.bpftool("map", "create", pins.resolve("counts").toString(), "type", "hash",
                    "key", "4", "value", "8", "entries", "4", "name", "anyuser");
            assertEquals(0, made.exitCode(), made.output());
            Tools.Result asRoot = Tools.run(ROOT.resolve("bin/jbpf").toString(), "maps", pins.toString());
            assertEquals(0, asRoot.exitCode(), asRoot.output());
            assertTrue(asRoot.output().contains(pins.resolve("counts") + " ") && asRoot.output().contains("hash"), asRoot.output());
            Tools.Result maps = nobody("maps", pins.toString());
            assertEquals(4, maps.exitCode(), maps.output());
            assertTrue(maps.output().startsWith("jbpf: ") && maps.output().contains("CAP_BPF/CAP_SYS_ADMIN"), maps.output());
        } finally {
            try (var s = Files.list(pins)) { for (Path p : s.toList()) Files.deleteIfExists(p); }
            Files.deleteIfExists(pins);
        }
    }

    @Test void generatingFromTracefsAsNobodySaysPermissionNotMissingTracepoint(@TempDir Path dir) throws Exception {
        Kernel.requireTracefs();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Tools.Result gen = nobody("gen", "tracepoint", "syscalls/sys_enter_openat", "-o", dir.toString());
        assertEquals(4, gen.exitCode(), gen.output());
        assertEquals("jbpf: cannot read /sys/kernel/tracing: permission denied; reading tracefs needs root (CAP_SYS_ADMIN)",
                gen.output().strip());
    }

    /** This test's JVM runs as root: nobody cannot attach to it, and is told whose it is and what would let it in. */
    @Test void attachingToAnotherUsersJvmAsNobodyNamesTheUserNeeded() throws Exception {
        String self = Long.toString(ProcessHandle.current().pid());
        for (String[] command : new String[][] {{"attach", self, "org.jbpf.examples.OpenCounter"}, {"detach", self}}) {
            Tools.Result r = nobody(command);
            assertEquals(4, r.exitCode(), command[0] + ": " + r.output());
            assertEquals("jbpf: process " + self + " belongs to user id 0 and this command runs as 65534; a JVM lets in only its own "
                    + "user: run jbpf as that user or as root", r.output().strip(), command[0]);
        }
    }

    private static Tools.Result nobody(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(AS_NOBODY);
        cmd.add(ROOT.resolve("bin/jbpf").toString());
        cmd.addAll(List.of(args));
        return Tools.run(cmd.toArray(String[]::new));
    }
}
