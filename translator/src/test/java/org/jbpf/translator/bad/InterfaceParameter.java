package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class InterfaceParameter {
    static long size(CharSequence s) {
        return s.length(); // line 10
    }

    @Section("tracepoint/syscalls/sys_enter_openat")
    static long run(TracepointContext ctx) {
        return size(null);
    }
}
