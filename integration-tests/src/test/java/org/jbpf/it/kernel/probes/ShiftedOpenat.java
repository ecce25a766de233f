package org.jbpf.it.kernel.probes;

import org.jbpf.Struct;

/** sys_enter_openat's record written by hand without the common fields: every field lands 8 bytes early. */
@Struct
public final class ShiftedOpenat {
    public long syscallNr;
    public long dfd;
    public long filename;
}
