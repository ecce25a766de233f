package org.jbpf.it.tools;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
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
        Path cc = Tools.find("cc");
        if (cc == null) Skip.because("cc", "no C compiler to build the library the uprobe tools probe");
        try {
            Path target = Path.of(PATH), dir = Files.createDirectories(target.getParent());
            // fixed names in a directory of this run's own: the compiler's output then depends on the source alone
            Path work = Files.createTempDirectory(dir, "build"), source = work.resolve("jtwork.c"), built = work.resolve("libjtwork.so");
            try {
                try (InputStream in = NativeWork.class.getResourceAsStream("jtwork.c")) {
                    Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
                }
                Tools.check(cc.toString(), "-O1", "-fno-omit-frame-pointer", "-shared", "-fPIC", "-o", built.toString(), source.toString());
                if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(built))) return;
                Files.move(built, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(source);
                Files.deleteIfExists(built);
                Files.deleteIfExists(work);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot build " + PATH + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
