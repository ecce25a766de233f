package org.jbpf.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jbpf.loader.sys.Sys;
import org.jbpf.testsupport.Skip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader reads the kernel's BTF through a private mapping of the file where the kernel allows it, and gets the
 * same bytes as read(2) gives; files that cannot be mapped are left to a plain read. Core finds that reader as a
 * service, so the verifier simulation and {@code jbpf gen btf} read the file the same way when they ask first.
 */
class KernelBtfFileTest {
    @TempDir Path tmp;

    @Test
    void theKernelsBtfMapsToTheBytesReadGives() throws Exception {
        Path vmlinux = KernelTypes.VMLINUX;
        Skip.unless(Files.isReadable(vmlinux), "kernel", vmlinux + " is not readable here (a kernel built without CONFIG_DEBUG_INFO_BTF)");
        byte[] read = Files.readAllBytes(vmlinux);
        String[] version = System.getProperty("os.version").split("[.-]");
        boolean maps = Integer.parseInt(version[0]) > 6 || Integer.parseInt(version[0]) == 6 && Integer.parseInt(version[1]) >= 16;
        byte[] mapped = Sys.readMapped(vmlinux.toString(), Files.size(vmlinux));
        if (maps) assertArrayEquals(read, mapped, "Linux 6.16 and later map vmlinux BTF");
        else assertNull(mapped);
        assertArrayEquals(mapped, new MappedKernelBtf().read(vmlinux));
    }

    @Test
    void coreFindsTheMappedReaderAsAService() {
        var readers = java.util.ServiceLoader.load(org.jbpf.core.btf.RunningKernelBtf.FileReader.class).stream().map(p -> p.type()).toList();
        assertEquals(java.util.List.of(MappedKernelBtf.class), readers);
    }

    @Test
    void otherFilesAreMappedOrRead() throws Exception {
        Path file = tmp.resolve("btf");
        byte[] content = new byte[10_000];
        for (int i = 0; i < content.length; i++) content[i] = (byte) (i * 31);
        Files.write(file, content);
        assertArrayEquals(content, Sys.readMapped(file.toString(), content.length));
        assertArrayEquals(content, new MappedKernelBtf().read(file));

        Path empty = Files.write(tmp.resolve("empty"), new byte[0]);
        assertNull(Sys.readMapped(empty.toString(), 0), "nothing to map");
        assertNull(new MappedKernelBtf().read(empty), "left to a plain read");

        assertNull(Sys.readMapped(tmp.resolve("missing").toString(), 4096));
        assertThrows(NoSuchFileException.class, () -> new MappedKernelBtf().read(tmp.resolve("missing")));
    }
}
