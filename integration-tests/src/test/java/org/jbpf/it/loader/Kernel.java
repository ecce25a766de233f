package org.jbpf.it.loader;

import com.sun.jna.Library;
import com.sun.jna.Native;

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

    /** Calls for tests that need bpf(2): aborts the test with the reason when the kernel refuses. */
    static void require() { org.jbpf.testsupport.Kernel.require(); }

    /** getppid(2) through libc; the Java library has no direct way to make this call. */
    static int getppid() { return LibC.INSTANCE.getppid(); }

    /** getppid(2) without going through libc's wrapper function (syscall number 110 on x86_64). */
    static long rawGetppid() { return LibC.INSTANCE.syscall(110L); }

    static int pid() { return (int) ProcessHandle.current().pid(); }
}
