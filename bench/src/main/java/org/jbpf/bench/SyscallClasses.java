package org.jbpf.bench;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/** Every system call counted by class through a switch on its number: reads, writes, opens, closes, the rest (code-size bench). */
@Bpf(license = "GPL")
public final class SyscallClasses {
    public static final ArrayMap<Long> classes = new ArrayMap<>(Long.class, 5);

    @Section("tracepoint/raw_syscalls/sys_enter")
    static long enter(TracepointContext ctx) {
        int c;
        switch (ctx.syscallNr()) {
            case 0: case 17: case 19: c = 0; break;      // read, pread64, readv
            case 1: case 18: case 20: c = 1; break;      // write, pwrite64, writev
            case 2: case 257: c = 2; break;              // open, openat
            case 3: c = 3; break;                        // close
            default: c = 4;
        }
        classes.increment(c);
        return 0;
    }
}
