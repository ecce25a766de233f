package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/** A 16 MiB map value: its last field lies beyond what an instruction's 16-bit offset reaches. */
@Bpf
public final class HugeStruct {
    @Struct
    public static final class Big {
        @Size(16 * 1024 * 1024) public byte[] data;
        public long n;
    }

    static final ArrayMap<Big> values = new ArrayMap<>(Big.class, 1);

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        Big b = values.lookup(0);
        if (b != null) b.n++;
        return 0;
    }
}
