package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class IteratorLeak {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        long sum = 0;
        Loops.Numbers it = Loops.numbers(0, 10); // line 14
        while (it.next()) {
            if (it.value() == Helpers.pid()) return sum; // line 16: leaves without close()
            sum += it.value();
        }
        it.close();
        return sum;
    }
}
