package org.jbpf.it.events;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts programs with posix_spawn(3) straight from the calling thread, so each child execs exactly once (the JDK's
 * ProcessBuilder goes through a helper program that execs first) and inherits this thread's command name.
 */
final class Spawn {
    private Spawn() {}

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int posix_spawn(IntByReference pid, String path, Pointer fileActions, Pointer attr, String[] argv, String[] envp);
        int waitpid(int pid, IntByReference status, int options);
        int sched_setaffinity(int pid, long size, long[] mask);
    }

    /** Runs {@code path} {@code times} times one after another; returns the children's pids in order. */
    static List<Integer> run(String path, int times) {
        List<Integer> pids = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            IntByReference pid = new IntByReference();
            int err = LibC.INSTANCE.posix_spawn(pid, path, null, null, new String[] {path}, new String[0]);
            if (err != 0) throw new IllegalStateException("posix_spawn " + path + " failed: errno " + err);
            IntByReference status = new IntByReference();
            LibC.INSTANCE.waitpid(pid.getValue(), status, 0);
            if (status.getValue() != 0) throw new IllegalStateException(path + " exited with status " + status.getValue());
            pids.add(pid.getValue());
        }
        return pids;
    }

    /** The command name of the calling thread, which spawned children carry until they exec. */
    static String threadComm() throws IOException {
        return Files.readString(Path.of("/proc/thread-self/comm")).trim();
    }

    /** Keeps the calling thread on one CPU (mask bit per CPU), so BPF_PROG_TEST_RUN outputs go to one perf buffer. */
    static void pinTo(long cpuMask) {
        if (LibC.INSTANCE.sched_setaffinity(0, 8, new long[] {cpuMask}) != 0)
            throw new IllegalStateException("sched_setaffinity failed");
    }

    /** What each open fd refers to, e.g. "5 -> anon_inode:bpf-map". */
    static java.util.Set<String> fdTargets() throws IOException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : s.toList()) {
                try {
                    out.add(fd.getFileName() + " -> " + Files.readSymbolicLink(fd));
                } catch (IOException gone) {
                    // the directory listing's own fd closes while we read
                }
            }
        }
        return out;
    }

    /** Lines of /proc/self/maps that map a BPF map or a perf event. */
    static long eventMappings() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(l -> l.contains("bpf-map") || l.contains("perf_event") || l.contains("bpf_ringbuf")).count();
    }
}
