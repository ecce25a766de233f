package org.jbpf.cli.probes.bad;

import org.jbpf.Size;
import org.jbpf.Struct;

/** A value larger than a BPF program's whole stack. */
@Struct
public final class Page {
    @Size(600) public byte[] data;
    public long length;
}
