package org.jbpf.bench;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.printk;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** The command name of each process that opens a file, to the trace pipe (code-size bench). */
@Bpf(license = "GPL")
public final class CommPrintk {
    @Section("tracepoint/syscalls/sys_enter_openat")
    static int enterOpenat(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        printk("%s opens a file", name);
        return 0;
    }
}
