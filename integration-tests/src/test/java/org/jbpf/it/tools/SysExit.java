package org.jbpf.it.tools;

import org.jbpf.Struct;

/**
 * The record every {@code syscalls/sys_exit_*} tracepoint shares (as {@code jbpf gen tracepoint} writes each one):
 * the common header, the system call's number and its return value.
 */
@Struct
public final class SysExit {
    public short commonType;
    public byte commonFlags;
    public byte commonPreemptCount;
    public int commonPid;
    /** {@code int __syscall_nr}: offset 8. */
    public int syscallNr;
    /** {@code long ret}: offset 16. */
    public long ret;
}
