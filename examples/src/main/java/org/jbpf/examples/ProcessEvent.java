package org.jbpf.examples;

import org.jbpf.CString;
import org.jbpf.Size;
import org.jbpf.Struct;

/** An exec event: when, which process, and its command name. */
@Struct
public final class ProcessEvent {
    public long timestamp;
    public int pid;
    @CString
    @Size(16)
    public byte[] comm;
}
