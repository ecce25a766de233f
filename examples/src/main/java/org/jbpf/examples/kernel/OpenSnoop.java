package org.jbpf.examples.kernel;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.probeReadUserStr;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.RingBuffer;

/**
 * opensnoop: the pid, command name and file name of every openat(), through a ring buffer. The syscall's record is
 * read by name through {@link SysEnterOpenat}, the class {@code jbpf gen tracepoint syscalls/sys_enter_openat} wrote.
 */
@Bpf(license = "GPL")
public final class OpenSnoop {
    public static final RingBuffer events = new RingBuffer(1 << 20);

    @Section("tracepoint/syscalls/sys_enter_openat")
    static int onOpenat(TracepointContext ctx) {
        SysEnterOpenat call = ctx.as(SysEnterOpenat.class);
        OpenEvent event = events.reserve(OpenEvent.class);
        if (event == null) {
            return 0;
        }
        event.pid = pid();
        comm(event.comm);
        probeReadUserStr(event.filename, 256, call.filename);
        events.submit(event);
        return 0;
    }
}
