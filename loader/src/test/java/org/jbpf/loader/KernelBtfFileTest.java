package org.jbpf.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jbpf.loader.sys.Sys;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader reads the kernel's BTF through a private mapping of the file where the kernel allows it, and gets the
 * same bytes as read(2) gives; files that cannot be mapped are read.
 */
class KernelBtfFileTest {
    @TempDir Path tmp;

    @Test
    void theKernelsBtfMapsToTheBytesReadGives() throws Exception {
        Path vmlinux = KernelTypes.VMLINUX;
        Assumptions.assumeTrue(Files.isReadable(vmlinux), vmlinux + " is not readable here");
        byte[] read = Files.readAllBytes(vmlinux);
        assertArrayEquals(read, KernelTypes.bytes(vmlinux));
        String[] version = System.getProperty("os.version").split("[.-]");
        boolean maps = Integer.parseInt(version[0]) > 6 || Integer.parseInt(version[0]) == 6 && Integer.parseInt(version[1]) >= 16;
        byte[] mapped = Sys.readMapped(vmlinux.toString(), Files.size(vmlinux));
        if (maps) assertArrayEquals(read, mapped, "Linux 6.16 and later map vmlinux BTF");
        else assertNull(mapped);
    }

    @Test
    void otherFilesAreMappedOrRead() throws Exception {
        Path file = tmp.resolve("btf");
        byte[] content = new byte[10_000];
        for (int i = 0; i < content.length; i++) content[i] = (byte) (i * 31);
        Files.write(file, content);
        assertArrayEquals(content, Sys.readMapped(file.toString(), content.length));
        assertArrayEquals(content, KernelTypes.bytes(file));

        Path empty = Files.write(tmp.resolve("empty"), new byte[0]);
        assertNull(Sys.readMapped(empty.toString(), 0), "nothing to map");
        assertArrayEquals(new byte[0], KernelTypes.bytes(empty));

        assertNull(Sys.readMapped(tmp.resolve("missing").toString(), 4096));
        assertThrows(NoSuchFileException.class, () -> KernelTypes.bytes(tmp.resolve("missing")));
    }
}
