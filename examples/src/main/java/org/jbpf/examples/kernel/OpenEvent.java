package org.jbpf.examples.kernel;

import org.jbpf.CString;
import org.jbpf.Size;
import org.jbpf.Struct;

/** One openat() call: who made it and the file name it passed. */
@Struct
public final class OpenEvent {
    public int pid;
    @CString @Size(16)
    public byte[] comm;
    @CString @Size(256)
    public byte[] filename;
}
