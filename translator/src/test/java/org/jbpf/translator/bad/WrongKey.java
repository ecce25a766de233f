package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

@Bpf
public final class WrongKey {
    static final HashMap<String, Long> names = new HashMap<>(String.class, Long.class, 16); // line 10

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        return 0;
    }
}
