package org.jbpf.it.kernel.probes;

import org.jbpf.Struct;

/** sys_enter_openat's record with a field name the kernel's format does not have. */
@Struct
public final class MisnamedOpenat {
    public long common;
    public long syscallNr;
    public long dfd;
    public long path;
}
