package org.jbpf.translator.bad;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.printk;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class PrintkText {
    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int probe(TracepointContext ctx) {
        printk("comm %s\n", pid()); // line 14
        return 0;
    }
}
