package org.jbpf.it.object;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jbpf.testsupport.Kernel;

/** External tools (clang, bpftool) for the object file tests, through test-support's runner and skip rule. */
final class Tools {
    private Tools() {}

    static void requireTool(String name) { org.jbpf.testsupport.Tools.require(name); }

    static void requireRoot() { Kernel.requireBpffs(); }

    static String check(String... command) throws IOException, InterruptedException {
        return org.jbpf.testsupport.Tools.check(command);
    }

    /** A fresh pin directory path under bpffs (not yet created: bpftool loadall creates it). */
    static Path pinDir(String what) {
        return Path.of("/sys/fs/bpf", "jbpf_it_" + what + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime());
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
