package org.jbpf.toolchain.forgot;

import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** A probe whose author forgot {@code @Bpf}. */
public final class NoBpf {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) { return 0; }
}
