package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class TwoDimensionalArray {
    static long hits;

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int probe(TracepointContext ctx) {
        long[][] grid = new long[2][3]; // line 13
        grid[1][2] = 5;
        hits += grid[1][2];
        return 0;
    }
}
