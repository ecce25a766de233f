package org.jbpf.cli.probes;

import org.jbpf.Size;
import org.jbpf.Struct;

/** A 64-byte record of {@link ReadFlood}. */
@Struct
public final class FloodRecord {
    public long seq;
    @Size(56)
    public byte[] pad;
}
