package org.jbpf.it.language;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.printk;
import static org.jbpf.Helpers.probeReadKernelStr;
import static org.jbpf.Helpers.probeReadUserStr;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * printk's %s given byte[] texts that helpers filled: the task's comm and user and kernel string reads, printed
 * straight from the array while nothing wrote it since, and texts that may have lost their NUL since (bytes after the
 * name filled through an alias, the comm on one branch only, a loop's later turn after a store), which printk gets as
 * a NUL-ended copy. Each line carries the run's tag.
 */
@Bpf(license = "GPL")
public final class PrintkHelperText {
    /** 0: the run's tag, 1: which branch (0 comm, else sixteen 'Q'), 2: a user address of a C string. */
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 3);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long tag = in.lookup(0);
        Long branch = in.lookup(1);
        Long user = in.lookup(2);
        if (tag == null || branch == null || user == null) return XdpContext.XDP_ABORTED;
        long t = tag, address = user;

        byte[] name = new byte[16];
        comm(name);
        printk("jbpf-hc-comm %d [%s]", t, name);

        byte[] padded = new byte[16];
        comm(padded);
        byte[] alias = padded;
        for (int k = 0; k < 16; k++) if (alias[k] == 0) alias[k] = '.';
        printk("jbpf-hc-padded %d [%s]", t, padded);

        byte[] either = new byte[16];
        if (branch == 0) comm(either);
        else for (int k = 0; k < 16; k++) either[k] = 'Q';
        printk("jbpf-hc-branch %d [%s]", t, either);

        byte[] turns = new byte[16];
        comm(turns);
        for (int turn = 0; turn < 2; turn++) {
            printk("jbpf-hc-turn%d %d [%s]", turn, t, turns);
            turns[15] = '+';
            for (int k = 0; k < 15; k++) if (turns[k] == 0) turns[k] = '-';
        }

        byte[] fromUser = new byte[16];
        probeReadUserStr(fromUser, 16, address);
        printk("jbpf-hc-user %d [%s]", t, fromUser);

        byte[] fromKernel = new byte[16];
        fromKernel[0] = 'K';
        probeReadKernelStr(fromKernel, 16, 0L);   // no kernel string at address 0: the helper zeroes the buffer
        printk("jbpf-hc-kernel %d [%s]", t, fromKernel);
        return XdpContext.XDP_PASS;
    }
}
