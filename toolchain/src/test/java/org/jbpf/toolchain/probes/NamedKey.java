package org.jbpf.toolchain.probes;

import org.jbpf.CString;
import org.jbpf.Size;
import org.jbpf.Struct;

/** A key with a text field and a raw byte field. */
@Struct
public final class NamedKey {
    public int uid;
    @CString
    @Size(16)
    public byte[] name;
    @Size(16)
    public byte[] raw;
}
