package org.jbpf.it.loader;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.printk;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.RawTracepointContext;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/**
 * A tracing program whose printk fires the printk tracepoint, where a raw tracepoint program prints too. Its own printk
 * fires it again inside itself, so the kernel skips that nested run and counts it as a recursion miss of the raw
 * tracepoint program: one run and one miss per printk of the first program.
 */
@Bpf(license = "GPL")
public final class NestedPrintk {
    @Constant static int targetPid;
    static long printed;
    static long watched;

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int onGetppid(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        printk("jbpf nested printk\n");
        printed++;
        return 0;
    }

    @Section("raw_tracepoint/bpf_trace_printk")
    static int onPrintk(RawTracepointContext ctx) {
        if (pid() != targetPid) return 0;
        watched++;
        printk("jbpf printk inside printk\n");
        return 0;
    }
}
