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
    }

    private Syscalls() {}

    static int getppid() { return LibC.INSTANCE.getppid(); }
    static int getpgid(int pid) { return LibC.INSTANCE.getpgid(pid); }
    static int getsid(int pid) { return LibC.INSTANCE.getsid(pid); }
    static int gettid() { return LibC.INSTANCE.gettid(); }

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
