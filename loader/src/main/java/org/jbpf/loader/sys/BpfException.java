package org.jbpf.loader.sys;

/**
 * A failed system call of the loader. The message names the operation, the errno by name and what it usually
 * means, e.g. {@code BPF_MAP_CREATE of map "counts" failed: EPERM: needs CAP_BPF/CAP_SYS_ADMIN (run as root)}.
 */
public class BpfException extends RuntimeException {
    private final String operation;
    private final int errno;
    private volatile String source;

    public BpfException(String operation, int errno) {
        this(operation, errno, Errno.hint(errno));
    }

    public BpfException(String operation, int errno, String explanation) {
        super(operation + " failed: " + Errno.name(errno) + (explanation.isEmpty() ? "" : ": " + explanation));
        this.operation = operation;
        this.errno = errno;
    }

    /** For errors found before any system call (errno 0). */
    public BpfException(String message) {
        super(message);
        this.operation = "";
        this.errno = 0;
    }

    /** A failed system call explained in a message of the caller's own words. */
    public static BpfException withMessage(String message, int errno) { return new BpfException(errno, message); }

    private BpfException(int errno, String message) {
        super(message);
        this.operation = "";
        this.errno = errno;
    }

    public BpfException(String message, Throwable cause) {
        super(message, cause);
        this.operation = "";
        this.errno = 0;
    }

    /**
     * Names the object file (or other input) the failure happened in, in front of the message
     * ({@code out/Probe.o: the kernel verifier rejected program ...}), unless the message names it already; returns
     * this exception, whose type, errno and cause stay as they were.
     */
    public BpfException inSource(String source) {
        String m = super.getMessage();
        if (this.source == null && source != null && (m == null || !m.contains(source))) this.source = source;
        return this;
    }

    /** The object file (or other input) named by {@link #inSource}, or null. */
    public String input() { return source; }

    @Override public String getMessage() {
        String m = super.getMessage();
        return source == null ? m : source + ": " + m;
    }

    /** The operation that failed, e.g. {@code BPF_PROG_LOAD of program "count"}. */
    public String operation() { return operation; }

    /** The errno, or 0 when no system call failed. */
    public int errno() { return errno; }
}
