package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

@Bpf
public final class ByteArrayKey {
    static final HashMap<byte[], Long> counts = new HashMap<>(byte[].class, Long.class, 64); // line 10

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static int run(TracepointContext ctx) {
        return 0;
    }
}
