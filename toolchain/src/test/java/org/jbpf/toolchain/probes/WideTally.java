package org.jbpf.toolchain.probes;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Max;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.PerCpuArray;

/** A per-CPU value wider than 8 bytes: integers, @Max fields and arrays, a nested struct, an array of structs, text. */
@Bpf(license = "GPL")
public final class WideTally {
    @Struct
    public static final class Pair { public int calls; public long args; }

    @Struct
    public static final class Tally {
        public long calls;
        @Max public int peak;
        @Size(3) public long[] counts;
        @Max @Size(2) public int[] highs;
        public Pair all;
        @Size(2) public Pair[] byParity;
        @CString @Size(8) public byte[] name;
    }

    public static final PerCpuArray<Tally> tallies = new PerCpuArray<>(Tally.class, 1);

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static long count(TracepointContext ctx) {
        Tally t = tallies.lookup(0);
        if (t == null) return 0;
        t.calls++;
        t.counts[1]++;
        t.all.calls++;
        t.byParity[(int) ctx.arg(0) & 1].args += ctx.arg(0);
        return 0;
    }
}
