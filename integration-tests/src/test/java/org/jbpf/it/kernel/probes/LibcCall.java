package org.jbpf.it.kernel.probes;

import org.jbpf.Size;
import org.jbpf.Struct;

/** One call of a libc function as {@link LibcArguments} saw it: which program, and the arguments it read by type. */
@Struct
public final class LibcCall {
    /** 1 posix_fadvise, 2 its return, 3 access, 4 lseek. */
    public int program;
    public int pid;
    public int fd;
    public int advice;
    public long offset;
    public long length;
    /** lseek's arguments read narrower than they were passed: short fd, byte offset, char whence. */
    public short shortFd;
    public byte byteOffset;
    public char charWhence;
    public int result;
    @Size(64)
    public byte[] path;
}
