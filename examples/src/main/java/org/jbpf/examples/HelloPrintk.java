package org.jbpf.examples;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.printk;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** Writes a line to the trace pipe on every getppid(), once with a format and once with string concatenation. */
@Bpf(license = "GPL")
public final class HelloPrintk {
    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int hello(TracepointContext ctx) {
        int p = pid();
        printk("hello from %d", p);
        printk("pid " + p + " called getppid");
        return 0;
    }
}
