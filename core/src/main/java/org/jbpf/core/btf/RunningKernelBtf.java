package org.jbpf.core.btf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The running kernel's BTF ({@code /sys/kernel/btf/vmlinux}), read at most once per process for the loader (CO-RE,
 * tp_btf targets, kfunc ids) and the verifier simulation (tracing contexts, map fields). Its hundred thousand types
 * are decoded one by one as they are asked for: decoding all of them took a noticeable part of a second, where a
 * program needs a few hundred.
 */
public final class RunningKernelBtf {
    public static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");

    private static Btf btf;

    private RunningKernelBtf() {}

    /** How the file's bytes are read when it is first needed. */
    @FunctionalInterface
    public interface FileReader {
        byte[] read(Path file) throws IOException;
    }

    /** The kernel's types; an {@link IOException} when the file cannot be read (a kernel built without BTF). */
    public static Btf get() throws IOException { return get(Files::readAllBytes); }

    /**
     * The kernel's types, read by {@code reader} if this is the first call: read(2) of the sysfs file returns one page
     * per call, and the loader, which can map files, reads it faster that way.
     */
    public static synchronized Btf get(FileReader reader) throws IOException {
        if (btf == null) btf = BtfReader.readLazily(reader.read(VMLINUX), VMLINUX.toString());
        return btf;
    }

    /** The kernel's types, or null when this machine has none or they cannot be decoded. */
    public static Btf orNull() {
        try {
            return get();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
