package org.jbpf.core.obj;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads BPF ELF object files (and BTF files) from disk for every entry point that takes one (the commands, {@code BPF.open}). Whatever
 * stops the read, a missing file, a directory, a file the user may not read, or bytes that are no BPF object, ends in
 * one {@link ObjectFormatException} whose message begins with the file as it was given.
 */
public final class ObjectFiles {
    private ObjectFiles() {}

    /** The object in {@code file}, named after the file without its .o. */
    public static BpfObject read(Path file) {
        byte[] bytes = bytes(file);
        String name = objectName(file);
        try {
            return ObjectReader.read(bytes, name);
        } catch (ObjectFormatException e) {
            // the reader names the object; the user gave a file, which may sit anywhere and be called anything
            String m = e.getMessage(), prefix = name + ": ";
            if (m == null || !m.startsWith(prefix)) throw e;
            throw new ObjectFormatException(file + ": " + m.substring(prefix.length()), e);
        }
    }

    /** The object name a file gives: its name without .o (without a regular expression: {@code run} starts here). */
    public static String objectName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".o") ? name.substring(0, name.length() - 2) : name;
    }

    /** The most bytes read from one file: vmlinux BTF is a few MiB, objects less. */
    static final int LARGEST = 64 << 20;

    /** The bytes of an object file. */
    public static byte[] bytes(Path file) { return bytes(file, "a BPF object file (.o)"); }

    /**
     * The bytes of {@code file}, which should be {@code what} (said to a user who gave a directory), read through a
     * plain file stream (a file channel's first use sets up NIO's buffer accounting, a few milliseconds of a cold
     * command).
     */
    public static byte[] bytes(Path file, String what) {
        java.util.Objects.requireNonNull(file, "no file given: null in place of the path of " + what);
        if (Files.isDirectory(file)) throw new ObjectFormatException(file + ": is a directory; give " + what);
        if (!Files.exists(file)) throw new ObjectFormatException(file + ": no such file");
        if (!Files.isReadable(file)) throw new ObjectFormatException(file + ": permission denied; make the file readable to this user");
        try (InputStream in = new FileInputStream(file.toFile())) {
            byte[] bytes = in.readNBytes(LARGEST);
            // a device such as /dev/zero, or a file of gigabytes, would fill the heap before the reader saw a byte
            if (in.read() >= 0) throw new ObjectFormatException(file + ": larger than " + (LARGEST >> 20) + " MiB (a device or not "
                    + "such a file); give " + what);
            return bytes;
        } catch (IOException e) {
            if (onBpffs(file))   // read(2) of a pin fails with ESPIPE, "Illegal seek", which says nothing to a user
                throw new ObjectFormatException(file + ": a pinned BPF object, not " + what + "; read a pinned map with jbpf map dump "
                        + file + ", or from Java with BPF.openPinnedMap(path, keyClass, valueClass)", e);
            throw new ObjectFormatException(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }

    /** Whether {@code file} lives on a bpf file system (/sys/fs/bpf), where maps and programs are pinned. */
    public static boolean onBpffs(Path file) {
        try {
            return "bpf".equals(Files.getFileStore(file).type());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
