package org.jbpf.it.firstprobes;

import org.jbpf.examples.kernel.SysEnterWrite;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Bytes asked to be written, per process: the top writers. */
@Bpf(license = "GPL")
public final class TopWriters {
    public static final HashMap<Integer, Long> written = new HashMap<>(Integer.class, Long.class, 10240);

    @Section("tracepoint/syscalls/sys_enter_write")
    static int onWrite(TracepointContext ctx) {
        written.add(pid(), ctx.as(SysEnterWrite.class).count);
        return 0;
    }
}
