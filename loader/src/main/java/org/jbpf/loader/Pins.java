package org.jbpf.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.BpfSyscalls;
import org.jbpf.loader.sys.Errno;
import org.jbpf.loader.sys.Fd;

/**
 * Opens maps pinned on a bpf file system. A path that holds something else (a pinned program or link, a plain file,
 * a device, a directory) is refused with a message saying what it is, before anything reads map info from it.
 */
public final class Pins {
    private Pins() {}

    /** The map pinned at {@code path}, through the running kernel. */
    public static Fd openMap(Path path) { return openMap(path, BpfSyscalls.kernel()); }

    public static Fd openMap(Path path, BpfSyscalls sys) {
        Fd fd;
        try {
            fd = sys.objGet(path.toString(), 0);
        } catch (BpfException e) {
            // a path that holds no bpf object at all is no permission problem, whatever errno the kernel gave (EACCES for a
            // file of another file system); otherwise the errno stays: a caller listing a directory skips what is no map
            // but stops at a permission problem
            String notBpf = e.errno() == Errno.EPERM ? null : notABpfFile(path);
            if (notBpf != null) throw new BpfException(notBpf);
            throw BpfException.withMessage(notOpened(path, e.errno()), e.errno());
        }
        BpfSyscalls.ObjectKind kind = sys.objectKind(fd.value());
        if (kind == BpfSyscalls.ObjectKind.MAP) return fd;
        fd.close();
        throw new BpfException(path + " is a pinned " + kindName(kind) + ", not a map");
    }

    private static String kindName(BpfSyscalls.ObjectKind kind) {
        switch (kind) {
            case PROGRAM: return "program";
            case LINK: return "link";
            case BTF: return "BTF object";
            default: return "object of a kind jbpf does not know";
        }
    }

    /** Why BPF_OBJ_GET of {@code path} failed with {@code errno}, in terms of what the path is. */
    static String notOpened(Path path, int errno) {
        if (errno == Errno.EPERM)
            return "cannot open pinned map " + path + ": EPERM: reading pinned BPF objects needs CAP_BPF/CAP_SYS_ADMIN (run as root)";
        String notBpf = notABpfFile(path);
        if (notBpf != null) return notBpf;
        if (errno == Errno.ENOENT)
            return path + " is a file of the bpf file system that holds no object bpf(2) can open (e.g. a kernel iterator), not a pinned map";
        if (errno == Errno.EACCES)
            return "cannot open pinned map " + path + ": EACCES: its permissions do not let this user read it (pins are 0600; run as its owner or root)";
        return "cannot open pinned map " + path + ": " + Errno.name(errno) + (Errno.hint(errno).isEmpty() ? "" : ": " + Errno.hint(errno));
    }

    /** What {@code path} is when it is no file of a bpf file system (nothing, a directory, a device, a plain file); else null. */
    private static String notABpfFile(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return "no pinned map at " + path + " (no such file)";
        if (Files.isDirectory(path)) return path + " is a directory, not a pinned map";
        if (!Files.isRegularFile(path)) return path + " is a device or special file, not a pinned map";
        String fs = fileSystem(path);
        if (!"bpf".equals(fs))
            return path + " is a plain file" + (fs.isEmpty() ? "" : " (file system " + fs + ")")
                    + ", not a pinned map (pinned maps live on a bpf file system such as /sys/fs/bpf)";
        return null;
    }

    private static String fileSystem(Path path) {
        try {
            return Files.getFileStore(path).type();
        } catch (IOException e) {
            return "";
        }
    }
}
