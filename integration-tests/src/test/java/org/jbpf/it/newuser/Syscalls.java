package org.jbpf.it.newuser;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** The system calls the new-user probes watch, made from threads whose name (their comm) the probes filter on. */
final class Syscalls {
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int getppid();
        int getpgid(int pid);
        int getsid(int pid);
        int gettid();
        int open(String path, int flags, int mode);
        int close(int fd);
        int kill(int pid, int signal);
        long labs(long value);
        int usleep(int microseconds);
        int setenv(String name, String value, int overwrite);
        String getenv(String name);
    }

    private Syscalls() {}

    static int getppid() { return LibC.INSTANCE.getppid(); }
    static int getpgid(int pid) { return LibC.INSTANCE.getpgid(pid); }
    static int getsid(int pid) { return LibC.INSTANCE.getsid(pid); }
    static int gettid() { return LibC.INSTANCE.gettid(); }
    static int kill(int pid, int signal) { return LibC.INSTANCE.kill(pid, signal); }
    static long labs(long value) { return LibC.INSTANCE.labs(value); }
    static int usleep(int microseconds) { return LibC.INSTANCE.usleep(microseconds); }

    /** open(2)s {@code path} with {@code flags} (mode 0600) and closes what it opened; the descriptor, or -1. */
    static int openAndClose(String path, int flags) {
        int fd = LibC.INSTANCE.open(path, flags, 0600);
        if (fd >= 0) LibC.INSTANCE.close(fd);
        return fd;
    }

    /** Runs the calls on a new thread named {@code name} and waits for it. */
    static void on(String name, Runnable calls) {
        Thread t = new Thread(calls, name);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
