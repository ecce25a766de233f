package org.jbpf.it.tools;

import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.probeReadUserStr;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Constant;
import org.jbpf.PtRegs;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.RingBuffer;
import org.jbpf.maps.Scratch;

/**
 * gethostlatency on libc's getaddrinfo in the process {@code targetPid}: the host name each call asked for, its
 * result (0 or an EAI_ error) and how long it took. The uprobe keeps the name's address and the start per thread; the
 * uretprobe reads the name, which the caller still holds, and sends one record.
 */
@Bpf(license = "GPL")
public final class HostLatency {
    static final String LIBC = "/usr/lib/x86_64-linux-gnu/libc.so.6";

    @Struct
    public record Call(long host, long startedAt) {}

    @Struct
    public static final class Lookup {
        public int tid;
        public int result;
        public long nanos;
        @CString @Size(64) public byte[] host;
    }

    @Constant static int targetPid;
    @Scratch public static final HashMap<Integer, Call> calls = new HashMap<>(Integer.class, Call.class, 1024);
    public static final RingBuffer lookups = new RingBuffer(1 << 16);

    @Section("uprobe/" + LIBC + ":getaddrinfo")
    static int enter(PtRegs ctx, long host) {
        if (pid() == targetPid) calls.update(tid(), new Call(host, ktime()));
        return 0;
    }

    @Section("uretprobe/" + LIBC + ":getaddrinfo")
    static int exit(PtRegs ctx, long result) {
        int thread = tid();
        Call call = calls.lookup(thread);
        if (call == null) return 0;
        long took = ktime() - call.startedAt();
        Lookup l = lookups.reserve(Lookup.class);
        if (l != null) {
            l.tid = thread;
            l.result = (int) result;
            l.nanos = took;
            probeReadUserStr(l.host, l.host.length, call.host());
            lookups.submit(l);
        }
        calls.delete(thread);
        return 0;
    }
}
