package org.jbpf.examples.kernel;

import org.jbpf.CString;
import org.jbpf.Size;
import org.jbpf.Struct;

/** One exec: the new program's process, its parent, and its command name. */
@Struct
public final class ExecEvent {
    public int pid;
    public int ppid;
    @CString @Size(16)
    public byte[] comm;
}
