package org.jbpf.bench;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.printk;
import static org.jbpf.Helpers.uid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** A trace line when root calls execve, another for any other user (code-size bench). */
@Bpf(license = "GPL")
public final class RootExecs {
    @Section("tracepoint/syscalls/sys_enter_execve")
    static int enterExecve(TracepointContext ctx) {
        int u = uid();
        if (u == 0) printk("root exec by %d", pid());
        else printk("user %d exec by %d", u, pid());
        return 0;
    }
}
