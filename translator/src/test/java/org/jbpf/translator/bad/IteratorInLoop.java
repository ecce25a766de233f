package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class IteratorInLoop {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        long sum = 0;
        for (int round = 0; round < 100; round++) {
            Loops.Numbers it = Loops.numbers(0, round); // line 14: never closed, so the return at line 17 leaks it
            while (it.next()) sum += it.value();
        }
        return sum;
    }
}
