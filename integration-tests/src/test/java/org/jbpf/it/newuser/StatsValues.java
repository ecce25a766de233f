package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Max;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** The seed guide's struct values: count, total and maximum per process, updated through the looked-up value. */
@Bpf(license = "GPL")
public final class StatsValues {
    @Struct
    public static final class Stats {
        public long count;
        public long totalTime;
        @Max public long maxTime;
    }

    public static final HashMap<Integer, Stats> processStats = new HashMap<>(Integer.class, Stats.class, 1024);

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static long track(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-")) return 0;
        int processId = pid();
        long value = ctx.arg(0);
        Stats stats = processStats.lookup(processId);
        if (stats != null) {
            stats.count = stats.count + 1;
            stats.totalTime += value;
            if (value > stats.maxTime) stats.maxTime = value;
            processStats.update(processId, stats);
        } else {
            Stats fresh = new Stats();
            fresh.count = 1;
            fresh.totalTime = value;
            fresh.maxTime = value;
            processStats.update(processId, fresh);
        }
        return 0;
    }
}
