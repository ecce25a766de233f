package org.jbpf.it.globals;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/**
 * Global variables and load-time constants: getppid calls of the target process are counted in {@code .bss}, each
 * adds {@code step} (a {@code .data} variable Java may change), and a {@code @Constant} target chosen at load time
 * filters them. {@code tracing} (a constant, false by default) guards a loop the verifier only walks when it is on.
 */
@Bpf(license = "GPL")
public final class Globals {
    @Constant static int targetTgid;
    @Constant static boolean tracing;
    static long hits;
    static long others;
    static int step = 3;
    static long stepped;
    static short lastSmall = -2;
    static long traced;

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int onGetppid(TracepointContext ctx) {
        if (Helpers.tgid() != targetTgid) {
            others++;
            return 0;
        }
        hits++;
        stepped += step;
        lastSmall = (short) (lastSmall - 1);
        if (tracing) {
            long sum = 0;
            for (int i = 0; i < 64; i++) sum += (Helpers.ktime() >>> i) & 1;
            traced += sum >= 0 ? 1 : 0;
        }
        return 0;
    }
}
