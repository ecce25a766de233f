package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;

@Bpf
public final class LocalStructArray {
    @Struct public static final class Point { public int x; public int y; }
    static long hits;

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int probe(TracepointContext ctx) {
        Point[] points = new Point[40]; // line 15
        hits += points.length;
        return 0;
    }
}
