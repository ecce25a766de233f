package org.jbpf.bench;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.printk;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** A trace line of three numbers for each write(): its descriptor, its count and the caller (code-size bench). */
@Bpf(license = "GPL")
public final class WriteArgsPrintk {
    @Section("tracepoint/syscalls/sys_enter_write")
    static int enterWrite(TracepointContext ctx) {
        printk("write fd %d count %d pid %d", ctx.arg(0), ctx.arg(2), pid());
        return 0;
    }
}
