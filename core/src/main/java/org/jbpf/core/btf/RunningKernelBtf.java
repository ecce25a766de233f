package org.jbpf.core.btf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * The running kernel's BTF ({@code /sys/kernel/btf/vmlinux}), read at most once per process for the loader (CO-RE,
 * tp_btf targets, kfunc ids), the verifier simulation (tracing contexts, map fields) and {@code jbpf gen btf},
 * whichever asks first. Its hundred thousand types are decoded one by one as they are asked for: decoding all of
 * them took a noticeable part of a second, where a program needs a few hundred.
 */
public final class RunningKernelBtf {
    public static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");

    private static Btf btf;

    private RunningKernelBtf() {}

    /**
     * How the file's bytes are read. read(2) of the sysfs file returns one page per call (over a thousand calls for
     * its 5 MB), and Java cannot map it (the kernel allows only private mappings); the loader, which can, provides a
     * reader that maps it as a service of this type, found whenever the loader is on the class path.
     */
    @FunctionalInterface
    public interface FileReader {
        /** The whole file, or null when this reader cannot read it (then it is read plainly). */
        byte[] read(Path file) throws IOException;
    }

    /** The kernel's types; an {@link IOException} when the file cannot be read (a kernel built without BTF). */
    public static Btf get() throws IOException {
        synchronized (RunningKernelBtf.class) {
            if (btf != null) return btf;
        }
        return get(ServiceLoader.load(FileReader.class, RunningKernelBtf.class.getClassLoader()).findFirst().orElse(null));
    }

    /** The kernel's types, read by {@code reader} (plainly when null, or when it returns null) if this is the first call. */
    static synchronized Btf get(FileReader reader) throws IOException {
        if (btf == null) {
            byte[] bytes = reader != null ? reader.read(VMLINUX) : null;
            btf = BtfReader.readLazily(bytes != null ? bytes : Files.readAllBytes(VMLINUX), VMLINUX.toString());
        }
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
