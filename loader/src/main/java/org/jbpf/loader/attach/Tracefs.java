package org.jbpf.loader.attach;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.program.NearNames;
import org.jbpf.core.program.Section;
import org.jbpf.core.program.SectionKind;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.Sys;

/** Finds (and, when absent and permitted, mounts) tracefs and bpffs. */
public final class Tracefs {
    private Tracefs() {}

    static final Path TRACING = Path.of("/sys/kernel/tracing"), DEBUG_TRACING = Path.of("/sys/kernel/debug/tracing"),
            BPFFS = Path.of("/sys/fs/bpf");

    /** The tracefs root holding {@code events/}. */
    public static synchronized Path root() {
        if (Files.isDirectory(TRACING.resolve("events"))) return TRACING;
        if (Files.isDirectory(DEBUG_TRACING.resolve("events"))) return DEBUG_TRACING;
        if (!Files.isDirectory(TRACING))
            throw new BpfException("tracefs is not available: " + TRACING + " does not exist (kernel without CONFIG_TRACING?)");
        Sys.mount("tracefs", TRACING.toString());
        return TRACING;
    }

    /**
     * The tracepoint id in {@code events/<category>/<name>/id}. Both parts are checked as a section would be before
     * they touch the file system, so "..", "/" or NUL in them never reach a path.
     */
    public static int tracepointId(String category, String name) {
        try {
            Section.parse(SectionKind.TRACEPOINT.canonicalName() + "/" + category + "/" + name);
        } catch (IllegalArgumentException e) {
            throw new BpfException("no tracepoint can be named by category \"" + category + "\" and name \"" + name
                    + "\": " + e.getMessage());
        }
        Path id = root().resolve("events").resolve(category).resolve(name).resolve("id");
        if (!Files.exists(id)) {
            Path events = root().resolve("events");
            String near = Files.isDirectory(events.resolve(category)) ? NearNames.didYouMean(name, children(events.resolve(category)))
                    : NearNames.didYouMean(category, children(events));
            throw new BpfException("no tracepoint " + category + "/" + name + ": " + id + " does not exist" + near
                    + " (see " + root().resolve("available_events") + " for the names this kernel has)");
        }
        try {
            return Integer.parseInt(Files.readString(id).trim());
        } catch (IOException | NumberFormatException e) {
            throw new BpfException("cannot read tracepoint id from " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * The names of the kernel's tracepoints without their category (sched_switch, sys_enter_openat), from
     * available_events, for advice on a raw or BTF tracepoint name; none when tracefs cannot be read.
     */
    public static List<String> eventNames() {
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(root().resolve("available_events"))) {
                int colon = line.indexOf(':');
                if (colon > 0) names.add(line.substring(colon + 1));
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return names;
    }

    /** The names of the directories in {@code dir} (tracepoint categories, or the tracepoints of one); none when unreadable. */
    public static List<String> children(Path dir) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) if (Files.isDirectory(p)) names.add(p.getFileName().toString());
        } catch (IOException e) {
            return List.of();
        }
        return names;
    }

    /** Makes sure a bpf file system is mounted at {@code /sys/fs/bpf} when {@code path} lies under it. */
    public static synchronized void ensureBpffs(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        if (!abs.startsWith(BPFFS) || isMountedBpffs(BPFFS)) return;
        if (!Files.isDirectory(BPFFS)) throw new BpfException(BPFFS + " does not exist; mount a bpf file system to pin objects");
        Sys.mount("bpf", BPFFS.toString());
    }

    private static boolean isMountedBpffs(Path dir) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String[] f = line.split(" ");
                if (f.length > 2 && f[1].equals(dir.toString()) && f[2].equals("bpf")) return true;
            }
        } catch (IOException e) {
            return true;  // cannot tell; let the pin itself report the problem
        }
        return false;
    }
}
