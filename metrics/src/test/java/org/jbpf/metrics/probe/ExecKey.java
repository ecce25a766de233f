package org.jbpf.metrics.probe;

import org.jbpf.Size;
import org.jbpf.Struct;

/** Who called execve(): user id and command name. */
@Struct
public final class ExecKey {
    public int uid;
    @Size(16)
    public byte[] comm;
}
