package org.jbpf.loader.sys;

/**
 * An owned file descriptor (a map, program, BTF object, link or perf event). {@link #close} is idempotent so owners
 * can close in any order on any error path.
 */
public final class Fd implements AutoCloseable {
    private final String what;
    private volatile int fd;

    public Fd(int fd, String what) {
        if (fd < 0) throw new IllegalArgumentException("negative fd for " + what);
        this.fd = fd;
        this.what = what;
    }

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
        Sys.close(v);
    }

    @Override public String toString() { return what + (fd >= 0 ? " (fd " + fd + ")" : " (closed)"); }
}
