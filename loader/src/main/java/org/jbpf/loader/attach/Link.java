package org.jbpf.loader.attach;

/** An attached program. Closing it detaches the program and releases every fd of the attachment; closing twice is harmless. */
public interface Link extends AutoCloseable {
    /** Where the program is attached, e.g. "tracepoint syscalls/sys_enter_getppid". */
    String description();

    @Override void close();
}
