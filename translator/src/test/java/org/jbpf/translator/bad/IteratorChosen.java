package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class IteratorChosen {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        Loops.Numbers a = Loops.numbers(0, 10), b = Loops.numbers(5, 10);
        Loops.Numbers it = Helpers.pid() == 1 ? a : b;
        long n = 0;
        while (it.next()) n++; // line 16: which iterator is not known
        a.close();
        b.close();
        return n;
    }
}
