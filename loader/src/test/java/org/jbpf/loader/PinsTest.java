package org.jbpf.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.fake.FakeBpf;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.BpfSyscalls.ObjectKind;
import org.jbpf.loader.sys.Errno;
import org.jbpf.loader.sys.Fd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a pinned map says what a path is when it is not a map, and never reads map info from anything else. */
class PinsTest {
    private final FakeBpf kernel = new FakeBpf();

    @Test
    void aPinnedMapOpensAndItsInfoIsRead() {
        kernel.pinned("/sys/fs/bpf/counts", ObjectKind.MAP, kernel.newMap(MapTypes.HASH, 4, 8, 128, "counts"));
        try (Fd fd = Pins.openMap(Path.of("/sys/fs/bpf/counts"), kernel)) {
            assertEquals(new MapInfo(MapTypes.HASH, 0, 4, 8, 128, 0, "counts"), MapInfo.of(fd));
        }
        assertEquals(List.of(), kernel.openFds());
    }

    @Test
    void aPinnedProgramOrLinkIsNamedAndItsInfoIsNeverReadAsAMap() {
        kernel.pinned("/sys/fs/bpf/prog", ObjectKind.PROGRAM, null);
        kernel.pinned("/sys/fs/bpf/link", ObjectKind.LINK, null);
        assertEquals("/sys/fs/bpf/prog is a pinned program, not a map",
                assertThrows(BpfException.class, () -> Pins.openMap(Path.of("/sys/fs/bpf/prog"), kernel)).getMessage());
        assertEquals("/sys/fs/bpf/link is a pinned link, not a map",
                assertThrows(BpfException.class, () -> Pins.openMap(Path.of("/sys/fs/bpf/link"), kernel)).getMessage());
        assertEquals(0, kernel.count("BPF_OBJ_GET_INFO_BY_FD"));
        assertEquals(List.of(), kernel.openFds());
    }

    @Test
    void mapInfoRefusesAProgramFd() {
        kernel.pinned("/sys/fs/bpf/prog", ObjectKind.PROGRAM, null);
        try (Fd fd = kernel.objGet("/sys/fs/bpf/prog", 0)) {
            BpfException e = assertThrows(BpfException.class, () -> MapInfo.of(fd));
            assertTrue(e.getMessage().contains("is a program object, not a map"), e.getMessage());
        }
    }

    @Test
    void pathsThatHoldNoBpfObjectAreDescribed(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("notes.txt"), "hello");
        String fs = Files.getFileStore(plain).type();
        assertEquals(plain + " is a plain file (file system " + fs + "), not a pinned map (pinned maps live on a bpf file "
                + "system such as /sys/fs/bpf)", assertThrows(BpfException.class, () -> Pins.openMap(plain, kernel)).getMessage());
        assertEquals(dir + " is a directory, not a pinned map",
                assertThrows(BpfException.class, () -> Pins.openMap(dir, kernel)).getMessage());
        assertEquals("/dev/zero is a device or special file, not a pinned map",
                assertThrows(BpfException.class, () -> Pins.openMap(Path.of("/dev/zero"), kernel)).getMessage());
        assertEquals("no pinned map at " + dir.resolve("gone") + " (no such file)",
                assertThrows(BpfException.class, () -> Pins.openMap(dir.resolve("gone"), kernel)).getMessage());
    }

    /**
     * The kernel refuses a file of another file system with EACCES; that is what the file is, not a missing permission
     * (which would end jbpf map dump with the privilege exit status, and stop a listing).
     */
    @Test
    void aFileOfAnotherFileSystemIsNoPermissionProblem(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("x"), "");
        assertEquals(0, assertThrows(BpfException.class, () -> Pins.openMap(plain, kernel)).errno());
    }

    @Test
    void lackOfPrivilegeIsSaidAsSuch() {
        assertEquals("cannot open pinned map /sys/fs/bpf/x: EPERM: reading pinned BPF objects needs CAP_BPF/CAP_SYS_ADMIN (run as root)",
                Pins.notOpened(Path.of("/sys/fs/bpf/x"), Errno.EPERM));
    }
}
