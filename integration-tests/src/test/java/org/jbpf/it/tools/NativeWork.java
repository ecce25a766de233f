package org.jbpf.it.tools;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jbpf.testsupport.Skip;
import org.jbpf.testsupport.Tools;

/**
 * The native library the user-space tools probe ({@code jtwork.c}), compiled with the system's C compiler into
 * {@link #PATH}, which the probes' uprobe sections name. The file is replaced only when the compiler's output differs,
 * by a rename, so a run that already attached to it or mapped it keeps the file it had.
 */
interface NativeWork extends Library {
    String PATH = "/tmp/jbpf-it-tools/libjtwork.so";

    long jt_work(long n, int micros);
    String jt_readline(String prompt);
    long jt_spin(long millis);

    /** Builds the library when needed and loads it. */
    static NativeWork load() {
        build();
        return Native.load(PATH, NativeWork.class);
    }

    static void build() {
        compile("jtwork.c", Path.of(PATH), "-O1", "-fno-omit-frame-pointer", "-shared", "-fPIC");
    }

    /**
     * Compiles the C resource {@code source} (next to this class) with {@code flags} into {@code target}, replacing it
     * only when the output differs.
     */
    static void compile(String source, Path target, String... flags) {
        Path cc = Tools.find("cc");
        if (cc == null) Skip.because("cc", "no C compiler to build " + target + ", which the user-space tools probe");
        try {
            Path dir = Files.createDirectories(target.getParent());
            // fixed names in a directory of this run's own: the compiler's output then depends on the source alone
            Path work = Files.createTempDirectory(dir, "build"), copy = work.resolve(source), built = work.resolve(target.getFileName());
            try {
                try (InputStream in = NativeWork.class.getResourceAsStream(source)) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                List<String> command = new ArrayList<>(List.of(cc.toString()));
                command.addAll(List.of(flags));
                command.addAll(List.of("-o", built.toString(), copy.toString()));
                Tools.check(command.toArray(new String[0]));
                if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(built))) return;
                Files.move(built, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(copy);
                Files.deleteIfExists(built);
                Files.deleteIfExists(work);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot build " + target + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
