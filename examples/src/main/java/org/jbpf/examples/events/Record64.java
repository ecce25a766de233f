package org.jbpf.examples.events;

import org.jbpf.Size;
import org.jbpf.Struct;

/** A 64-byte event: a sequence number, the time it was made, and payload bytes. */
@Struct
public final class Record64 {
    public long seq;
    public long time;
    @Size(48)
    public byte[] payload;
}
