package org.jbpf.it.nextprobes;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.probeReadUserStr;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.examples.kernel.SysEnterOpenat;
import org.jbpf.maps.HashMap;

/** Opens of /etc/hostname per process: loaded into a running JVM by the agent and read over JMX. */
@Bpf(license = "GPL")
public final class HostnameOpens {
    public static final HashMap<Integer, Long> opens = new HashMap<>(Integer.class, Long.class, 1024);

    @Section("tracepoint/syscalls/sys_enter_openat")
    static int onOpenat(TracepointContext ctx) {
        byte[] path = new byte[32];
        probeReadUserStr(path, 32, ctx.as(SysEnterOpenat.class).filename);
        if (Strings.equals(path, "/etc/hostname")) opens.increment(pid());
        return 0;
    }
}
