package org.jbpf.it.maps;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.LruHashMap;
import org.jbpf.maps.PerCpuArray;
import org.jbpf.maps.PerCpuHashMap;

/**
 * One map of each kind jbpf offers, all holding a struct with padding between its fields, a nested struct and two
 * arrays, for tests that fill them from Java and compare whole-map reads with what the kernel holds. The program only
 * makes the maps part of a loaded object; it is never attached.
 */
@Bpf(license = "GPL")
public final class DumpedMaps {
    @Struct
    public static final class Inner {
        public int a;
        public long b;
    }

    @Struct
    public static final class Sample {
        public long id;
        public int small;
        public short tiny;
        public byte flag;
        public Inner inner;
        @Size(3) public long[] hist;
        @Size(5) public byte[] tag;
    }

    public static final HashMap<Integer, Sample> hash = new HashMap<>(Integer.class, Sample.class, 4096);
    public static final ArrayMap<Sample> array = new ArrayMap<>(Sample.class, 2048);
    public static final LruHashMap<Integer, Sample> lru = new LruHashMap<>(Integer.class, Sample.class, 4096);
    public static final PerCpuHashMap<Integer, Sample> perCpuHash = new PerCpuHashMap<>(Integer.class, Sample.class, 2048);
    public static final PerCpuArray<Sample> perCpuArray = new PerCpuArray<>(Sample.class, 1500);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long touch(TracepointContext ctx) {
        Sample s = hash.lookup(1);
        if (s != null) s.small++;
        return 0;
    }
}
