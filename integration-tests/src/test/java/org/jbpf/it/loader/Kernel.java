package org.jbpf.it.loader;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.LoadedObject;
import org.jbpf.loader.Loader;
import org.jbpf.loader.sys.BpfException;
import org.junit.jupiter.api.Assumptions;

/** Access to the real kernel for these tests: skips (or fails under JBPF_REQUIRE_KERNEL=1) when BPF is refused. */
final class Kernel {
    private Kernel() {}

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int getppid();
        int getuid();
        long syscall(long number, Object... args);
        int socket(int domain, int type, int protocol);
        int close(int fd);
    }

    private static String refusal;
    private static boolean probed;

    /** Calls for tests that need bpf(2): aborts the test with the reason when the kernel refuses. */
    static synchronized void require() {
        if (!probed) {
            probed = true;
            refusal = probe();
        }
        if (refusal == null) return;
        if ("1".equals(System.getenv("JBPF_REQUIRE_KERNEL"))) fail("JBPF_REQUIRE_KERNEL=1 but " + refusal);
        System.out.println("SKIPPED (kernel): " + refusal);
        Assumptions.abort(refusal);
    }

    private static String probe() {
        if (!"Linux".equals(System.getProperty("os.name"))) return "not Linux";
        if (LibC.INSTANCE.getuid() != 0) return "not running as root (bpf(2) needs CAP_BPF/CAP_SYS_ADMIN)";
        try (LoadedObject o = new Loader().load(new org.jbpf.core.obj.BpfObject("probe", "GPL",
                java.util.List.of(new MapSpec("probe", MapTypes.ARRAY, 4, 4, 1, 0, 0, 0)), java.util.List.of(), null))) {
            return null;
        } catch (BpfException | LinkageError e) {
            return "the kernel refuses BPF: " + e.getMessage();
        }
    }

    /** getppid(2) through libc; the Java library has no direct way to make this call. */
    static int getppid() { return LibC.INSTANCE.getppid(); }

    /** getppid(2) without going through libc's wrapper function (syscall number 110 on x86_64). */
    static long rawGetppid() { return LibC.INSTANCE.syscall(110L); }

    static int pid() { return (int) ProcessHandle.current().pid(); }
}
