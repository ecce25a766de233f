package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class EnumName {
    enum Mode { ON, OFF }

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        Mode m = ctx.arg(0) > 0 ? Mode.ON : Mode.OFF;
        return m.name().length(); // line 14
    }
}
