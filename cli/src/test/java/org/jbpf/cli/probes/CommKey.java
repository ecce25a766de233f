package org.jbpf.cli.probes;

import org.jbpf.CString;
import org.jbpf.Size;
import org.jbpf.Struct;

/** A command name as a map key, marked as text. */
@Struct
public final class CommKey {
    @CString
    @Size(16)
    public byte[] name;
}
