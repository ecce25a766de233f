package org.jbpf.it.tools;

import static org.jbpf.it.tools.ClassicToolsKernelTest.O_CREAT;
import static org.jbpf.it.tools.ClassicToolsKernelTest.O_WRONLY;
import static org.jbpf.it.tools.ClassicToolsKernelTest.PID;
import static org.jbpf.it.tools.ClassicToolsKernelTest.load;
import static org.jbpf.it.tools.ClassicToolsKernelTest.on;
import static org.jbpf.it.tools.ClassicToolsKernelTest.openAndClose;
import static org.jbpf.it.tools.ClassicToolsKernelTest.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.runtime.CStrings;
import org.jbpf.testsupport.GatedChild;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tools over files and system call results: filelife (how long the files the test creates live until it unlinks
 * them), syncsnoop (each sync call with its descriptor and result) and syscount per process with errors (two child
 * processes' calls by number and errno). Each is checked against the calls its workload makes once the probe is
 * attached.
 */
class FileToolsKernelTest {
    static final int O_EXCL = 0200, AT_FDCWD = -100;
    static final int EBADF = 9, ESRCH = 3;
    static final int SYS_FSYNC = 74, SYS_FDATASYNC = 75, SYS_SYNC = 162, SYS_SYNCFS = 306;
    static final int SYS_GETPPID = 110, SYS_GETPGID = 121, SYS_KILL = 62;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void fileLifeTimesEachCreatedFileUntilItsUnlink(Backend backend) throws IOException {
        Path dir = Files.createTempDirectory("jt-filelife");
        Path old = Files.writeString(dir.resolve("old"), "made before the probe was attached");
        String a = dir + "/a", b = dir + "/b", nowhere = dir + "/none/c";
        try (BPF bpf = load(backend, FileLife.class, "targetPid", PID)) {
            Libc.C.getppid();   // libc bound before the workload
            int[] results = new int[10];
            int tid = on("jt-filelife", () -> {
                results[0] = openAndClose(a, O_WRONLY | O_CREAT) >= 0 ? 0 : -1;
                Libc.C.usleep(20_000);
                results[1] = openAndClose(b, O_WRONLY | O_CREAT | O_EXCL) >= 0 ? 0 : -1;
                results[2] = openAndClose(nowhere, O_WRONLY | O_CREAT);
                results[3] = openAndClose(a, O_WRONLY | O_CREAT) >= 0 ? 0 : -1;   // exists: its life goes on
                results[4] = Libc.C.unlinkat(AT_FDCWD, b, 0);
                Libc.C.usleep(30_000);
                results[5] = Libc.C.unlinkat(AT_FDCWD, a, 0);
                results[6] = Libc.C.unlinkat(AT_FDCWD, old.toString(), 0);
                results[7] = Libc.C.unlinkat(AT_FDCWD, nowhere, 0);
                results[8] = openAndClose(a, O_WRONLY | O_CREAT) >= 0 ? 0 : -1;
                results[9] = Libc.C.unlinkat(AT_FDCWD, a, 0);
            });
            assertEquals("[0, 0, -1, 0, 0, 0, 0, -1, 0, 0]", java.util.Arrays.toString(results));
            List<String> seen = new ArrayList<>();
            List<Long> ages = new ArrayList<>();
            for (FileLife.Death d : records(bpf, FileLife.deaths, FileLife.Death.class, 3, d -> d.tid == tid)) {
                seen.add(CStrings.text(d.comm) + " " + CStrings.text(d.path));
                ages.add(d.ageNanos);
            }
            assertEquals(List.of("jt-filelife " + b, "jt-filelife " + a, "jt-filelife " + a), seen,
                    "b, then a's first life, then its second; not the file made before, nor the create that failed");
            assertTrue(ages.get(1) >= 50_000_000L && ages.get(1) < 10_000_000_000L, "a lived through both sleeps: " + ages);
            assertTrue(ages.get(0) > 0 && ages.get(0) < ages.get(1) && ages.get(2) > 0, "b's life lies within a's: " + ages);
            for (FileLife.Name n : bpf.map(FileLife.bornAt).keys())
                assertTrue(!CStrings.text(n.path).startsWith(dir.toString()), "every birth ended: " + CStrings.text(n.path));
        } finally {
            for (String f : new String[] {a, b, old.toString()}) Files.deleteIfExists(Path.of(f));
            Files.deleteIfExists(dir);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void syncSnoopReportsEachSyncCallWithItsResult(Backend backend) throws IOException {
        Path file = Files.createTempFile("jt-syncsnoop", ".data");
        try (BPF bpf = load(backend, SyncSnoop.class, "targetPid", PID)) {
            Libc.C.getppid();
            int fd = Libc.C.open(file.toString(), O_WRONLY, 0);
            int[] results = new int[4];
            int tid = on("jt-syncsnoop", () -> {
                Libc.C.write(fd, new byte[] {'x'}, 1);
                results[0] = Libc.C.fsync(fd);
                results[1] = Libc.C.fdatasync(fd);
                Libc.C.sync();
                results[2] = Libc.C.syncfs(fd);
                results[3] = Libc.C.fsync(-1);
            });
            Libc.C.close(fd);
            assertEquals("[0, 0, 0, -1]", java.util.Arrays.toString(results));
            List<String> seen = new ArrayList<>();
            for (SyncSnoop.Sync s : records(bpf, SyncSnoop.syncs, SyncSnoop.Sync.class, 5, s -> s.tid == tid))
                seen.add(CStrings.text(s.comm) + " " + s.syscall + " fd " + s.fd + " " + s.result);
            assertEquals(List.of("jt-syncsnoop " + SYS_FSYNC + " fd " + fd + " 0", "jt-syncsnoop " + SYS_FDATASYNC + " fd " + fd + " 0",
                    "jt-syncsnoop " + SYS_SYNC + " fd -1 0", "jt-syncsnoop " + SYS_SYNCFS + " fd " + fd + " 0",
                    "jt-syncsnoop " + SYS_FSYNC + " fd -1 " + -EBADF), seen);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A Perl child that, let go, makes {@code calls} (Perl statements). */
    static GatedChild perl(String calls) throws IOException {
        return GatedChild.start(List.of("perl", "-e", GatedChild.PERL_GATE + calls));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void sysErrorsCountsEachProcesssCallsByNumberAndErrno(Backend backend) throws Exception {
        GatedChild first = perl("syscall(110) for 1..3; syscall(121, 4000001) for 1..2; kill 0, 4000002; kill 0, $$;");
        GatedChild second = perl("syscall(121, 4000003) for 1..4; syscall(121, 0); kill 9, 4000004; syscall(110) for 1..2;");
        try (BPF bpf = load(backend, SysErrors.class)) {
            for (GatedChild child : List.of(first, second)) bpf.map(SysErrors.processes).put((int) child.pid(), (byte) 1);
            first.go();
            second.go();
            assertEquals(0, first.finish());
            assertEquals(0, second.finish());
            Map<String, Long> counts = new TreeMap<>();
            for (Map.Entry<SysErrors.Key, Long> e : bpf.map(SysErrors.counts).entries()) {
                SysErrors.Key k = e.getKey();
                if (k.syscall() != SYS_GETPPID && k.syscall() != SYS_GETPGID && k.syscall() != SYS_KILL) continue;   // Perl's own calls
                String who = k.pid() == first.pid() ? "first" : k.pid() == second.pid() ? "second" : "pid " + k.pid();
                counts.put(who + " " + k.syscall() + " errno " + k.errno(), e.getValue());
            }
            Map<String, Long> expected = new TreeMap<>(Map.of(
                    "first 110 errno 0", 3L, "first 121 errno " + ESRCH, 2L, "first 62 errno " + ESRCH, 1L, "first 62 errno 0", 1L,
                    "second 121 errno " + ESRCH, 4L, "second 121 errno 0", 1L, "second 62 errno " + ESRCH, 1L, "second 110 errno 0", 2L));
            assertEquals(expected, counts);
        }
    }
}
