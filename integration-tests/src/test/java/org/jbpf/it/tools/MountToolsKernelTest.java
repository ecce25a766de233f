package org.jbpf.it.tools;

import static org.jbpf.it.tools.ClassicToolsKernelTest.PID;
import static org.jbpf.it.tools.ClassicToolsKernelTest.load;
import static org.jbpf.it.tools.ClassicToolsKernelTest.on;
import static org.jbpf.it.tools.ClassicToolsKernelTest.records;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.runtime.CStrings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * mountsnoop: the mounts and unmounts a test thread makes on a directory of its own, with their strings, flags and
 * results (a tmpfs mounted and detached, a missing mount point, an unknown file system type, an unmount of what is no
 * longer mounted), as the probe reads them at each call's exit.
 */
class MountToolsKernelTest {
    static final int ENOENT = 2, ENODEV = 19, EINVAL = 22;
    static final long MS_NOSUID = 2, MS_NODEV = 4, MS_NOEXEC = 8;
    static final int MNT_DETACH = 2;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void mountSnoopReportsEachMountAndUnmount(Backend backend) throws IOException {
        Path dir = Files.createDirectories(Path.of("/tmp/jt-mountsnoop-" + backend));
        String missing = dir + "/missing";
        try (BPF bpf = load(backend, MountSnoop.class, "targetPid", PID)) {
            Libc.C.getppid();   // libc bound before the workload
            int[] results = new int[5];
            int tid = on("jt-mountsnoop", () -> {
                results[0] = Libc.C.mount("jt-tmpfs", dir.toString(), "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0700");
                results[1] = Libc.C.mount("none", missing, "tmpfs", MS_NOEXEC, null);
                results[2] = Libc.C.mount("none", dir.toString(), "jt-nofs", 0, null);
                results[3] = Libc.C.umount2(dir.toString(), MNT_DETACH);
                results[4] = Libc.C.umount2(dir.toString(), 0);
            });
            assertEquals(List.of(0, -1, -1, 0, -1), List.of(results[0], results[1], results[2], results[3], results[4]), "what libc returned");
            List<String> seen = new ArrayList<>();
            for (MountSnoop.Mount m : records(bpf, MountSnoop.events, MountSnoop.Mount.class, 5, m -> m.tid == tid))
                seen.add((m.kind == MountSnoop.MOUNT ? "mount " + CStrings.text(m.source) + " " : "umount ") + CStrings.text(m.target)
                        + (m.kind == MountSnoop.MOUNT ? " " + CStrings.text(m.type) + " '" + CStrings.text(m.data) + "'" : "")
                        + " flags " + m.flags + " result " + m.result);
            assertEquals(List.of(
                    "mount jt-tmpfs " + dir + " tmpfs 'size=1m,mode=0700' flags 6 result 0",
                    "mount none " + missing + " tmpfs '' flags 8 result -" + ENOENT,
                    "mount none " + dir + " jt-nofs '' flags 0 result -" + ENODEV,
                    "umount " + dir + " flags " + MNT_DETACH + " result 0",
                    "umount " + dir + " flags 0 result -" + EINVAL), seen);
        } finally {
            Libc.C.umount2(dir.toString(), MNT_DETACH);
            Files.deleteIfExists(dir);
        }
    }
}
