package org.jbpf.translator.bad;

import org.jbpf.Size;
import org.jbpf.Struct;

/** A tracepoint record with a number field and an array. */
@Struct
public final class RecordTp {
    public long common;
    public long filename;
    @Size(16)
    public byte[] name;
}
