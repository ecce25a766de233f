package org.jbpf.translator.opt;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.printk;
import static org.jbpf.Helpers.uid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** Probes whose code both sides of a branch share. */
final class CommonCodeProbes {
    private CommonCodeProbes() {}

    /** Both sides call pid() first; the taken one also keeps u across that call. */
    @Bpf(license = "GPL")
    static final class RootOrUser {
        @Section("tracepoint/syscalls/sys_enter_execve")
        static int enterExecve(TracepointContext ctx) {
            int u = uid();
            if (u == 0) printk("root exec by %d", pid());
            else printk("user %d exec by %d", u, pid());
            return 0;
        }
    }
}
