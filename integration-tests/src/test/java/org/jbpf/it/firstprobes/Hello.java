package org.jbpf.it.firstprobes;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.printk;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** printk hello: one trace_pipe line per getppid() of one process. */
@Bpf(license = "GPL")
public final class Hello {
    @Constant static int targetPid;

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int hello(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        printk("hello from pid %d", pid());
        return 0;
    }
}
