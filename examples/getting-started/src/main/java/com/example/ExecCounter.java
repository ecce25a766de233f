package com.example;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Counts execve() calls per process: the kernel side, translated to BPF. */
@Bpf(license = "GPL")
public final class ExecCounter {
    public static final HashMap<Integer, Long> execs = new HashMap<>(Integer.class, Long.class, 1024);

    @Section("tracepoint/syscalls/sys_enter_execve")
    static long countExec(TracepointContext ctx) {
        int process = pid();
        Long count = execs.lookup(process);
        if (count != null) execs.update(process, count + 1);
        else execs.update(process, 1L);
        return 0;
    }
}
