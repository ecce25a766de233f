package org.jbpf.loader.sys;

/**
 * An owned file descriptor (a map, program, BTF object, link or perf event). {@link #close} is idempotent so owners
 * can close in any order on any error path. The descriptor remembers the {@link BpfSyscalls} that made it: later
 * commands on it and its close go through the same seam (the kernel's, or a fake's in unit tests).
 */
public final class Fd implements AutoCloseable {
    private final String what;
    private final BpfSyscalls syscalls;
    private volatile int fd;

    /** A descriptor of the running kernel. */
    public Fd(int fd, String what) { this(fd, what, BpfSyscalls.kernel()); }

    public Fd(int fd, String what, BpfSyscalls syscalls) {
        if (fd < 0) throw new IllegalArgumentException("negative fd for " + what);
        this.fd = fd;
        this.what = what;
        this.syscalls = syscalls;
    }

    /** The system call layer this descriptor belongs to. */
    public BpfSyscalls syscalls() { return syscalls; }

    /** The descriptor number; fails once closed so a stale number is never reused by mistake. */
    public int value() {
        int v = fd;
        if (v < 0) throw new IllegalStateException(what + " is closed");
        return v;
    }

    public boolean isOpen() { return fd >= 0; }

    public String what() { return what; }

    @Override public synchronized void close() {
        int v = fd;
        if (v < 0) return;
        fd = -1;
        syscalls.close(v);
    }

    @Override public String toString() { return what + (fd >= 0 ? " (fd " + fd + ")" : " (closed)"); }
}
