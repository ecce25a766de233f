package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/**
 * Configuration set from Java before load: a name prefix (a @Constant byte array compared in a loop, up to its first
 * NUL), a threshold, a switch and a scale; getpgid() arguments above the threshold are counted and summed, scaled.
 */
@Bpf(license = "GPL")
public final class ConfiguredFilter {
    @Constant static final byte[] prefix = new byte[16];
    @Constant static long threshold;
    @Constant static boolean enabled;
    @Constant static short scale = 1;
    static long counted;
    static long scaledSum;
    static long skipped;

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static int onGetpgid(TracepointContext ctx) {
        if (!enabled) return 0;
        byte[] name = new byte[16];
        comm(name);
        for (int i = 0; i < 16; i++) {
            if (prefix[i] == 0) break;
            if (prefix[i] != name[i]) return 0;
        }
        long argument = ctx.arg(0);
        if (argument <= threshold) {
            skipped++;
            return 0;
        }
        counted++;
        scaledSum += argument * scale;
        return 0;
    }
}
