package org.jbpf.translator.bad;

import org.jbpf.Size;
import org.jbpf.Struct;

/** A tracepoint record whose byte array starts 4 bytes past an 8-byte boundary. */
@Struct
public final class RecordOddTp {
    public long common;
    public int sig;
    public int errno;
    public int code;
    @Size(16)
    public byte[] comm;
}
