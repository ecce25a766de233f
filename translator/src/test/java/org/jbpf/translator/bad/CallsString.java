package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class CallsString {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        String s = "abc";
        return s.trim().length(); // line 12: trim makes a new string, which a program cannot
    }
}
