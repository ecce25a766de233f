package org.jbpf.it.newuser;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.PtRegs;
import org.jbpf.Section;

/** A uprobe and a uretprobe on libc's labs with typed long argument and result, for one process. */
@Bpf(license = "GPL")
public final class AbsoluteValues {
    @Constant static int targetPid;
    static long calls;
    static long argumentSum;
    static long resultSum;
    static long negatives;

    @Section("uprobe//usr/lib/x86_64-linux-gnu/libc.so.6:labs")
    static int onLabs(PtRegs ctx, long value) {
        if (pid() != targetPid) return 0;
        calls++;
        argumentSum += value;
        if (value < 0) negatives++;
        return 0;
    }

    @Section("uretprobe//usr/lib/x86_64-linux-gnu/libc.so.6:labs")
    static int onLabsReturn(PtRegs ctx, long result) {
        if (pid() == targetPid) resultSum += result;
        return 0;
    }
}
