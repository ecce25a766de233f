package org.jbpf.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.LoadedObject;
import org.jbpf.loader.Loader;

/**
 * The one answer to "may this process use bpf(2)?": Linux, an effective CAP_BPF or CAP_SYS_ADMIN, and a kernel that
 * creates a one-entry array map when asked. Asked once per JVM; tests call {@link #require()} first.
 */
public final class Kernel {
    static final int CAP_SYS_ADMIN = 21, CAP_BPF = 39;

    private static String refusal;
    private static boolean probed;

    private Kernel() {}

    /** Skips (or fails under JBPF_REQUIRE_KERNEL=1) a test that needs bpf(2) when this process may not use it. */
    public static void require() {
        String why = refusal();
        if (why != null) Skip.because("kernel", why);
    }

    /** {@link #require()}, and tracefs readable at /sys/kernel/tracing for tracepoint attaches. */
    public static void requireTracefs() {
        require();
        if (!Files.isDirectory(Path.of("/sys/kernel/tracing/events")))
            Skip.because("kernel", "tracefs is not mounted at /sys/kernel/tracing (scripts/kernel-fs mounts it)");
    }

    /** {@link #require()}, and bpffs at /sys/fs/bpf for pinning. */
    public static void requireBpffs() {
        require();
        if (!isBpffs()) Skip.because("kernel", "bpffs is not mounted at /sys/fs/bpf (scripts/kernel-fs mounts it)");
    }

    /** Null when this process may use bpf(2), else why not. */
    public static synchronized String refusal() {
        if (!probed) {
            probed = true;
            refusal = probe();
        }
        return refusal;
    }

    private static String probe() {
        if (!"Linux".equals(System.getProperty("os.name"))) return "not Linux";
        long caps = effectiveCapabilities();
        if ((caps & (1L << CAP_BPF | 1L << CAP_SYS_ADMIN)) == 0)
            return "this process lacks CAP_BPF and CAP_SYS_ADMIN, which bpf(2) needs (run the tests as root)";
        try (LoadedObject o = new Loader().load(new BpfObject("probe", "GPL",
                List.of(new MapSpec("probe", MapTypes.ARRAY, 4, 4, 1, 0, 0, 0)), List.of(), null))) {
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "the kernel refuses BPF: " + e.getMessage();
        }
    }

    /** The CapEff mask of /proc/self/status; 0 when unreadable. */
    static long effectiveCapabilities() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("CapEff:")) return Long.parseUnsignedLong(line.substring(7).strip(), 16);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Effective uid 0. */
    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("Uid:")) return line.split("\\s+")[2].equals("0");
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static boolean isBpffs() {
        try {
            return Files.readAllLines(Path.of("/proc/mounts")).stream().anyMatch(l -> l.contains(" /sys/fs/bpf bpf "));
        } catch (IOException e) {
            return false;
        }
    }
}
