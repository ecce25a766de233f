package org.jbpf.runtime.structs;

import org.jbpf.Size;
import org.jbpf.Struct;

/** A struct in a package of its own, as a user's probe struct is, for the generated reader. */
@Struct
public final class Packet {
    public long seq;
    private int len;
    @Size(4) public byte[] head;

    public int len() { return len; }
}
