package org.jbpf.bench;

import static org.jbpf.Helpers.cpu;
import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Records as map key and value: write() calls and the time of the last one per process and CPU (code-size bench). */
@Bpf(license = "GPL")
public final class RecordTotals {
    /** A process on a CPU. */
    @Struct
    public record Key(int pid, int cpu) {}

    /** Calls seen and when the last one happened. */
    @Struct
    public record Totals(long calls, long lastNs) {}

    public static final HashMap<Key, Totals> totals = new HashMap<>(Key.class, Totals.class, 4096);

    @Section("tracepoint/syscalls/sys_enter_write")
    static long enterWrite(TracepointContext ctx) {
        Key key = new Key(pid(), cpu());
        Totals old = totals.lookup(key);
        totals.update(key, new Totals(old == null ? 1 : old.calls() + 1, ktime()));
        return 0;
    }
}
