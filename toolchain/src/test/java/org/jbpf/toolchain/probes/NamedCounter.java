package org.jbpf.toolchain.probes;

import static org.jbpf.Helpers.comm;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Histogram;

/** Counts calls per command name. */
@Bpf(license = "GPL")
public final class NamedCounter {
    public static final HashMap<NamedKey, Long> counts = new HashMap<>(NamedKey.class, Long.class, 64);
    @Histogram(value = Histogram.Kind.LINEAR, step = 10)
    public static final ArrayMap<Long> sizes = new ArrayMap<>(Long.class, 8);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long count(TracepointContext ctx) {
        NamedKey key = new NamedKey();
        comm(key.name);
        counts.update(key, 1L);
        Long bucket = sizes.lookup(1);
        if (bucket != null) sizes.update(1, bucket + 1);
        return 0;
    }
}
