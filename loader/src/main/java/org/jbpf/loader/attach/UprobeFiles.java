package org.jbpf.loader.attach;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file a uprobe section names, found as the dynamic linker and the shell find it: a path with a '/' is taken as
 * it is; a bare library name ({@code libc.so.6}) is looked up in {@code LD_LIBRARY_PATH} and the system library
 * directories, a bare program name ({@code bash}) in {@code PATH}.
 */
public final class UprobeFiles {
    private UprobeFiles() {}

    /** Where shared libraries are installed on the distributions jbpf runs on, multiarch directories first. */
    private static final List<String> LIBRARY_DIRS = List.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
            "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib",
            "/usr/local/lib");

    /** The file {@code name} stands for here, or null when none is found. */
    public static Path find(String name) {
        if (name.indexOf('/') >= 0) return Files.exists(Path.of(name)) ? Path.of(name) : null;
        if (name.isEmpty()) return null;
        for (String dir : searched(name)) {
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    /** {@link #find}, or a {@link org.jbpf.loader.sys.BpfException} saying where it was looked for and what to write. */
    public static Path require(String name) {
        Path found = find(name);
        if (found != null) return found;
        if (name.indexOf('/') >= 0) throw new org.jbpf.loader.sys.BpfException("uprobe target " + name + " does not exist");
        throw new org.jbpf.loader.sys.BpfException("uprobe target " + name + " is in none of " + String.join(":", searched(name))
                + "; name it by its absolute path (uprobe//path/to/" + name + ":<function>)");
    }

    /** The directories a bare {@code name} is looked up in: libraries' for a shared object, PATH's for a program. */
    private static List<String> searched(String name) {
        List<String> dirs = new ArrayList<>();
        boolean library = name.contains(".so");
        String env = System.getenv(library ? "LD_LIBRARY_PATH" : "PATH");
        if (env != null) for (String d : env.split(":")) if (!d.isEmpty()) dirs.add(d);
        if (library) dirs.addAll(LIBRARY_DIRS);
        return dirs;
    }
}
