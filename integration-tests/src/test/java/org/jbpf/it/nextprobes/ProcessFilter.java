package org.jbpf.it.nextprobes;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/**
 * getppid() calls counted per process for one command name, fixed at load ({@code @Constant}), and one process id,
 * a global Java changes while the probe runs (0: every process of that command).
 */
@Bpf(license = "GPL")
public final class ProcessFilter {
    @Constant static byte[] targetComm = new byte[16];
    static int targetPid;
    public static final HashMap<Integer, Long> calls = new HashMap<>(Integer.class, Long.class, 1024);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int onGetppid(TracepointContext ctx) {
        int process = pid();
        if (targetPid != 0 && process != targetPid) return 0;
        byte[] name = new byte[16];
        comm(name);
        for (int i = 0; i < 16; i++) {
            if (name[i] != targetComm[i]) return 0;
            if (name[i] == 0) break;
        }
        calls.increment(process);
        return 0;
    }
}
